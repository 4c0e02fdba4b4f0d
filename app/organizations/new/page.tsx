import { listTimeZones } from "@/lib/organizations/time-zones";
import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { Logo } from "@/components/brand/logo";
import { CreateOrganizationForm } from "@/components/settings/create-organization-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listCountries } from "@/lib/organizations/countries";
import { listMyOrganizations } from "@/lib/organizations/organizations";
import { createOrganizationAction } from "./actions";

export const metadata: Metadata = { title: "New organization" };

export default async function NewOrganizationPage() {
  const user = await getCurrentUser();
  if (!user) redirect("/sign-in?callbackUrl=/organizations/new");
  const organizations = await listMyOrganizations(user.id);
  const first = organizations[0];
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 py-10">
      <Logo className="mb-8" />
      <Card className="w-full max-w-md">
        <CardHeader>
          <CardTitle as="h1">New organization</CardTitle>
          <CardDescription>You will be its owner. Invite your team from its Members page.</CardDescription>
        </CardHeader>
        <CardContent className="space-y-4">
          <CreateOrganizationForm
            create={createOrganizationAction}
            timeZones={listTimeZones()}
            defaultTimeZone={first?.timeZone ?? "UTC"}
            countries={listCountries()}
            defaultCountry={first?.defaultCountry ?? "US"}
          />
          {first ? (
            <Link href={`/${first.slug}`} className="text-sm font-medium text-brand-700 hover:underline">
              Back to {first.name}
            </Link>
          ) : null}
        </CardContent>
      </Card>
    </main>
  );
}
