import type { ReactNode } from "react";
import { AppShell } from "@/components/dashboard/app-shell";
import { IntlProvider } from "@/components/i18n/intl-provider";
import { getCurrentUser } from "@/lib/auth/current-user";
import { listMyOrganizations } from "@/lib/organizations/organizations";
import { requirePageContext } from "@/lib/auth/request-context";
import { isLocale } from "@/lib/i18n";
import { signOutAction } from "../../(auth)/actions";
import { setMyLanguageAction } from "./actions";

export default async function OrganizationLayout({
  children,
  params,
}: {
  children: ReactNode;
  params: Promise<{ orgSlug: string }>;
}) {
  const { orgSlug } = await params;
  const ctx = await requirePageContext(orgSlug);
  const user = (await getCurrentUser())!; // resolved (and cached) by requirePageContext
  const organizations = await listMyOrganizations(user.id);
  const { id, slug, name, type, timeZone, defaultCountry } = ctx.org;
  const current = { id, slug, name, type, timeZone, defaultCountry, role: ctx.role };
  // A superadmin visiting a foreign organization still sees it in the switcher.
  const list = organizations.some((o) => o.id === current.id) ? organizations : [current, ...organizations];
  return (
    <IntlProvider>
      <AppShell
        org={current}
        organizations={list}
        user={{ name: user.name, email: user.email, language: isLocale(user.language) ? user.language : null }}
        signOut={signOutAction}
        setLanguage={setMyLanguageAction}
      >
        {children}
      </AppShell>
    </IntlProvider>
  );
}
