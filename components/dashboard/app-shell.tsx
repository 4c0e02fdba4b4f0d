import Link from "next/link";
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
import type { MyOrganization } from "@/lib/organizations/organizations";
import { can, type Role } from "@/lib/tenant/roles";
import { NavLinks, type NavItem } from "./nav-links";
import { OrgSwitcher } from "./org-switcher";
import { SignOutButton } from "./sign-out-button";

type Props = {
  org: MyOrganization;
  organizations: MyOrganization[];
  user: { name: string; email: string };
  signOut: FormAction;
  children: ReactNode;
};

/** Only pages that exist and that the role may open are linked. */
function navItems(slug: string, role: Role): NavItem[] {
  const items: (NavItem & { show: boolean })[] = [
    { href: `/${slug}`, label: "Overview", icon: <ActivityIcon />, exact: true, show: true },
    { href: `/${slug}/occurrences`, label: "Upcoming", icon: <ClockIcon />, show: can(role, "events.read") },
    { href: `/${slug}/events`, label: "Events", icon: <CalendarIcon />, show: can(role, "events.read") },
    { href: `/${slug}/participants`, label: "Participants", icon: <UsersIcon />, show: can(role, "events.read") },
    { href: `/${slug}/messages`, label: "Messages", icon: <MessageIcon />, show: can(role, "events.read") },
    { href: `/${slug}/reports`, label: "Reports", icon: <ChartIcon />, show: can(role, "events.read") },
    { href: `/${slug}/members`, label: "Members", icon: <UserPlusIcon />, show: can(role, "members.manage") },
    { href: `/${slug}/settings`, label: "Settings", icon: <SettingsIcon />, show: can(role, "organization.update") },
  ];
  return items.filter((item) => item.show);
}

export function AppShell({ org, organizations, user, signOut, children }: Props) {
  return (
    <div className="min-h-dvh bg-slate-50 md:flex">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <aside className="border-b border-slate-200 bg-white md:sticky md:top-0 md:flex md:h-dvh md:w-64 md:shrink-0 md:flex-col md:border-b-0 md:border-r">
        <div className="flex items-center justify-between gap-3 px-4 pt-4 md:block">
          <Link href={`/${org.slug}`} aria-label="Event-Coming home">
            <Logo />
          </Link>
        </div>
        <div className="px-4 pt-4">
          <OrgSwitcher current={org} organizations={organizations} />
        </div>
        <nav aria-label="Main" className="px-3 py-3 md:flex-1">
          <NavLinks items={navItems(org.slug, org.role)} />
        </nav>
        <div className="hidden items-center gap-3 border-t border-slate-200 p-4 md:flex">
          <Avatar name={user.name} size="sm" decorative />
          <div className="min-w-0 flex-1">
            <p className="truncate text-sm font-medium text-slate-900">{user.name}</p>
            <p className="truncate text-xs text-slate-500">{user.email}</p>
          </div>
          <SignOutButton signOut={signOut} />
        </div>
      </aside>
      <div className="min-w-0 flex-1">
        <div className="flex items-center justify-end gap-2 border-b border-slate-200 bg-white px-4 py-2 md:hidden">
          <span className="truncate text-sm text-slate-600">{user.email}</span>
          <SignOutButton signOut={signOut} />
        </div>
        <main id="main" className="mx-auto w-full max-w-6xl px-4 py-6 sm:px-6 lg:px-8 lg:py-8">
          {children}
        </main>
      </div>
    </div>
  );
}
