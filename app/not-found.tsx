import Link from "next/link";
import { Logo } from "@/components/brand/logo";
import { buttonClasses } from "@/components/ui/button";

export default function NotFound() {
  return (
    <main className="flex min-h-dvh flex-col items-center justify-center gap-6 bg-slate-50 px-4 text-center">
      <Logo />
      <h1 className="text-2xl font-semibold text-slate-900">Page not found</h1>
      <p className="max-w-sm text-slate-600">
        This page does not exist, or it belongs to an organization you are not a member of.
      </p>
      <Link href="/" className={buttonClasses("primary")}>
        Go to your dashboard
      </Link>
    </main>
  );
}
