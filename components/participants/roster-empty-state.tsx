import Link from "next/link";
import { useTranslations } from "next-intl";
import { buttonClasses } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { UploadIcon, UsersIcon } from "@/components/ui/icons";

/** Explains what a roster is for before anyone is on it, and how to fill it quickly. */
export function RosterEmptyState({ importHref, canWrite }: { importHref: string; canWrite: boolean }) {
  const t = useTranslations("roster.empty");
  return (
    <EmptyState
      icon={<UsersIcon />}
      title={t("title")}
      description={t("description")}
      action={
        canWrite ? (
          <Link href={importHref} className={buttonClasses("primary")}>
            <UploadIcon /> {t("import")}
          </Link>
        ) : null
      }
    >
      {canWrite ? (
        <ul className="list-disc space-y-1 pl-5 text-slate-600">
          <li>{t("byHand")}</li>
          <li>{t("fromCsv")}</li>
        </ul>
      ) : (
        <p className="text-center text-slate-600">{t("viewer")}</p>
      )}
    </EmptyState>
  );
}
