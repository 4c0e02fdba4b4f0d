import Link from "next/link";
import { useTranslations } from "next-intl";
import { Button, buttonClasses } from "@/components/ui/button";
import { Input } from "@/components/ui/input";
import { SearchIcon } from "@/components/ui/icons";

/** A GET search form (`?q=`), so results can be bookmarked and the back button works. */
export function SearchForm({ q, clearHref, label, placeholder }: { q: string; clearHref: string; label: string; placeholder: string }) {
  const t = useTranslations("participants.search");
  return (
    <form role="search" method="get" className="flex w-full max-w-xl gap-2">
      <div className="relative flex-1">
        <SearchIcon size={16} className="pointer-events-none absolute top-1/2 left-3 -translate-y-1/2 text-slate-500" />
        <Input name="q" type="search" defaultValue={q} placeholder={placeholder} aria-label={label} className="pl-9" />
      </div>
      <Button type="submit" variant="secondary">
        {t("search")}
      </Button>
      {q ? (
        <Link href={clearHref} className={buttonClasses("ghost")}>
          {t("clear")}
        </Link>
      ) : null}
    </form>
  );
}

/** Previous / next links that keep the search. */
export function Pagination({ page, pages, href }: { page: number; pages: number; href: (page: number) => string }) {
  const t = useTranslations("participants.pagination");
  if (pages <= 1) return null;
  return (
    <nav aria-label={t("label")} className="flex items-center justify-end gap-2 text-sm text-slate-600">
      {page > 1 ? (
        <Link href={href(page - 1)} className={buttonClasses("secondary", "sm")}>
          {t("previous")}
        </Link>
      ) : null}
      <span className="tabular-nums">{t("pageOf", { page, pages })}</span>
      {page < pages ? (
        <Link href={href(page + 1)} className={buttonClasses("secondary", "sm")}>
          {t("next")}
        </Link>
      ) : null}
    </nav>
  );
}
