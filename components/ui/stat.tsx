import { useFormatter } from "next-intl";
import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export type StatProps = {
  label: ReactNode;
  value: number | string;
  hint?: ReactNode;
  /** Decorative icon in the top-right corner. */
  icon?: ReactNode;
  className?: string;
};

/** One dashboard count. Numbers are grouped in the reader's locale ("1,204", "1.204"); strings are shown as given. */
export function Stat({ label, value, hint, icon, className }: StatProps) {
  const format = useFormatter();
  return (
    <div className={cn("relative rounded-xl border border-slate-200 bg-white p-4 shadow-xs sm:p-5", className)}>
      {icon ? (
        <span
          aria-hidden="true"
          className="absolute top-3 right-3 grid size-9 sm:top-4 sm:right-4 place-items-center rounded-lg bg-brand-50 text-brand-700 [&_svg]:size-5"
        >
          {icon}
        </span>
      ) : null}
      <dl>
        <dt className={cn("text-sm font-medium text-slate-600", icon && "pr-12")}>{label}</dt>
        <dd className="mt-2 text-2xl font-semibold sm:text-3xl tracking-tight text-slate-900 tabular-nums">
          {typeof value === "number" ? format.number(value) : value}
        </dd>
        {hint ? <dd className="mt-1 text-sm text-slate-600">{hint}</dd> : null}
      </dl>
    </div>
  );
}

// Whole class names, so Tailwind finds them: three or four counts side by side, five wrap in two rows first.
const GRID_COLUMNS: Record<number, string> = { 3: "sm:grid-cols-3", 4: "sm:grid-cols-4", 5: "sm:grid-cols-2 lg:grid-cols-5" };

/** The row of counts at the top of a page (overview, roster, occurrence, attendance report). */
export function StatGrid({ stats }: { stats: StatProps[] }) {
  return (
    <div className={cn("grid gap-4", GRID_COLUMNS[stats.length])}>
      {stats.map((stat, i) => (
        <Stat key={i} {...stat} />
      ))}
    </div>
  );
}
