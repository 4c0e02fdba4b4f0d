import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listMyOrganizations } from "@/lib/organizations/organizations";

/** Signed in: open the first organization (or start one). Signed out: sign in. */
export default async function Home() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in");
  const [first] = await listMyOrganizations(user.id);
  redirect(first ? `/${first.slug}` : "/organizations/new");
}
