import Link from "next/link";
import { useTranslations } from "next-intl";
import { CheckIcon, ChevronDownIcon, PlusIcon } from "@/components/ui/icons";
import type { MyOrganization } from "@/lib/organizations/organizations";
import { ORGANIZATION_TYPES } from "@/lib/organizations/schemas";

/** A disclosure (no client JS) listing the user's organizations. */
export function OrgSwitcher({ current, organizations }: { current: MyOrganization; organizations: MyOrganization[] }) {
  const t = useTranslations("shell.orgSwitcher");
  const common = useTranslations("common");
  const orgWords = useTranslations("organizations");
  const type = ORGANIZATION_TYPES.find((known) => known === current.type);
  return (
    <details className="group relative">
      <summary
        className="flex cursor-pointer list-none items-center gap-2 rounded-lg border border-slate-200 bg-white px-3 py-2 text-left hover:bg-slate-50 [&::-webkit-details-marker]:hidden"
        aria-label={t("label", { name: current.name })}
      >
        <span className="min-w-0 flex-1">
          <span className="block truncate text-sm font-semibold text-slate-900">{current.name}</span>
          <span className="block truncate text-xs text-slate-500">
            {t("typeAndRole", { type: type ? orgWords(`types.${type}`) : current.type, role: common(`roles.${current.role}`) })}
          </span>
        </span>
        <ChevronDownIcon className="size-4 text-slate-500 transition-transform group-open:rotate-180" />
      </summary>
      <div className="absolute inset-x-0 z-20 mt-1 rounded-lg border border-slate-200 bg-white p-1 shadow-lg">
        <p className="px-2 py-1.5 text-xs font-medium text-slate-500">{t("yours")}</p>
        <ul>
          {organizations.map((org) => (
            <li key={org.id}>
              <Link
                href={`/${org.slug}`}
                className="flex items-center gap-2 rounded-md px-2 py-1.5 text-sm text-slate-700 hover:bg-slate-100"
                aria-current={org.id === current.id ? "true" : undefined}
              >
                <span className="min-w-0 flex-1 truncate">{org.name}</span>
                {org.id === current.id ? <CheckIcon className="size-4 text-brand-700" /> : null}
              </Link>
            </li>
          ))}
        </ul>
        <Link
          href="/organizations/new"
          className="mt-1 flex items-center gap-2 rounded-md border-t border-slate-100 px-2 py-2 text-sm font-medium text-brand-700 hover:bg-slate-50"
        >
          <PlusIcon className="size-4" /> {t("new")}
        </Link>
      </div>
    </details>
  );
}
