import Link from "next/link";
import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { Avatar } from "@/components/ui/avatar";
import {
  ActivityIcon,
  MessageIcon,
  CalendarIcon,
  ChartIcon,
  ClockIcon,
  SettingsIcon,
  UserPlusIcon,
  UsersIcon,
} from "@/components/ui/icons";
import type { FormAction } from "@/lib/http/action-result";
import type { Locale } from "@/lib/i18n/locales";
import type { MyOrganization } from "@/lib/organizations/organizations";
import { can, type Role } from "@/lib/tenant/roles";
import type { Translator } from "@/lib/i18n/translator-type";
import { LanguageMenu } from "./language-menu";
import { NavLinks, type NavItem } from "./nav-links";
import { OrgSwitcher } from "./org-switcher";
import { SignOutButton } from "./sign-out-button";

type Props = {
  org: MyOrganization;
  organizations: MyOrganization[];
  /** `language`: their own dashboard language, or null (their browser's, then the organization's). */
  user: { name: string; email: string; language: Locale | null };
  signOut: FormAction;
  setLanguage: FormAction;
  children: ReactNode;
};

/** Only pages that exist and that the role may open are linked. */
function navItems(t: Translator<"shell">, slug: string, role: Role): NavItem[] {
  const items: (NavItem & { show: boolean })[] = [
    { href: `/${slug}`, label: t("nav.overview"), icon: <ActivityIcon />, exact: true, show: true },
    { href: `/${slug}/occurrences`, label: t("nav.upcoming"), icon: <ClockIcon />, show: can(role, "events.read") },
    { href: `/${slug}/events`, label: t("nav.events"), icon: <CalendarIcon />, show: can(role, "events.read") },
    { href: `/${slug}/participants`, label: t("nav.participants"), icon: <UsersIcon />, show: can(role, "events.read") },
    { href: `/${slug}/messages`, label: t("nav.messages"), icon: <MessageIcon />, show: can(role, "events.read") },
    { href: `/${slug}/reports`, label: t("nav.reports"), icon: <ChartIcon />, show: can(role, "events.read") },
    { href: `/${slug}/members`, label: t("nav.members"), icon: <UserPlusIcon />, show: can(role, "members.manage") },
    { href: `/${slug}/settings`, label: t("nav.settings"), icon: <SettingsIcon />, show: can(role, "organization.update") },
  ];
  return items.filter((item) => item.show);
}

export function AppShell({ org, organizations, user, signOut, setLanguage, children }: Props) {
  const t = useTranslations("shell");
  return (
    <div className="min-h-dvh bg-slate-50 md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t("skipToContent")}
      </a>
      <aside className="border-b border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-dvh md:w-64 md:shrink-0 md:flex-col md:border-b-0 md:border-r">
        <div className="flex items-center justify-between gap-3 px-4 pt-4 md:block">
          <Link href={`/${org.slug}`} aria-label={t("home")}>
            <Logo />
          </Link>
        </div>
        <div className="px-4 pt-4">
          <OrgSwitcher current={org} organizations={organizations} />
        </div>
        <nav aria-label={t("mainNav")} className="px-3 py-3 md:flex-1">
          <NavLinks items={navItems(t, org.slug, org.role)} />
        </nav>
        <section aria-label={t("userMenu")} className="hidden space-y-3 border-t border-slate-200 p-4 md:block">
          <div className="flex items-center gap-3">
            <Avatar name={user.name} size="sm" decorative />
            <div className="min-w-0 flex-1">
              <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
              <p className="truncate text-xs text-slate-500">{user.email}</p>
            </div>
            <SignOutButton signOut={signOut} />
          </div>
          <LanguageMenu current={user.language} save={setLanguage} />
        </section>
      </aside>
      <div className="min-w-0 flex-1">
        <section aria-label={t("userMenu")} className="flex items-center justify-end gap-2 border-b border-slate-200 bg-white px-4 py-2 md:hidden">
          <span className="min-w-0 truncate text-sm text-slate-600">{user.email}</span>
          <LanguageMenu current={user.language} save={setLanguage} className="w-40 shrink-0" />
          <SignOutButton signOut={signOut} />
        </section>
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
