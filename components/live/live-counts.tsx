import { useFormatter, useTranslations } from "next-intl";
import type { LiveCounts as Counts } from "@/lib/live/types";
import { cn } from "@/lib/utils/cn";

const TILES: { key: keyof Counts; swatch: string; value?: string }[] = [
  { key: "confirmed", swatch: "bg-brand-600" },
  { key: "onTheWay", swatch: "bg-blue-600" },
  { key: "arrived", swatch: "bg-emerald-600" },
  { key: "late", swatch: "bg-red-600", value: "text-red-700" },
  { key: "notSharing", swatch: "bg-slate-300" },
  { key: "declined", swatch: "bg-slate-200 ring-1 ring-slate-300 ring-inset" },
];

/** The six counts at the top of the live page. */
export function LiveCounts({ counts }: { counts: Counts }) {
  const t = useTranslations("live");
  const format = useFormatter();
  return (
    <dl aria-label={t("counts.label")} className="grid grid-cols-2 gap-3 sm:grid-cols-3 lg:grid-cols-6">
      {TILES.map((tile) => {
        const n = counts[tile.key];
        return (
          <div key={tile.key} data-testid={`count-${tile.key}`} className="min-w-0 rounded-xl border border-slate-200 bg-white px-4 py-3 shadow-xs">
            <dt className="flex items-start gap-2 text-xs font-medium text-slate-600">
              <span aria-hidden="true" className={cn("mt-1 size-2.5 shrink-0 rounded-full", tile.swatch)} />
              <span className="min-w-0">{t(`counts.${tile.key}`)}</span>
            </dt>
            <dd className={cn("mt-1 text-2xl font-semibold tracking-tight tabular-nums", n > 0 && tile.value ? tile.value : "text-slate-900")}>
              {format.number(n)}
              {tile.key === "arrived" && counts.confirmed > 0 ? (
                <span className="ml-1 text-sm font-medium text-slate-500">/ {format.number(counts.confirmed)}</span>
              ) : null}
            </dd>
          </div>
        );
      })}
    </dl>
  );
}
