import { useTranslations } from "next-intl";
import { Button } from "@/components/ui/button";
import { Input } from "@/components/ui/input";

/** A GET form (`?from=&to=`), so a report's dates can be bookmarked and shared. */
export function ReportDatesForm({ range }: { range: { from: string; to: string } }) {
  const t = useTranslations("reports.dates");
  return (
    <form className="flex flex-wrap items-end gap-3" aria-label={t("label")}>
      <label className="text-sm font-medium text-slate-700">
        {t("from")}
        <Input type="date" name="from" defaultValue={range.from} className="mt-1 w-44" required />
      </label>
      <label className="text-sm font-medium text-slate-700">
        {t("to")}
        <Input type="date" name="to" defaultValue={range.to} className="mt-1 w-44" required />
      </label>
      <Button type="submit" variant="secondary">
        {t("show")}
      </Button>
    </form>
  );
}
