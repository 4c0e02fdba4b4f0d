import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import type { LiveState } from "@/lib/live/types";
import { STATE_STYLE, stateLabel } from "./presentation";

/** The key under a map of participants: a swatch and a word for each state it shows, then the page's own entries. */
export function MapLegend({ states, children }: { states: readonly LiveState[]; children?: ReactNode }) {
  const t = useTranslations("live");
  return (
    <div className="flex flex-wrap items-center gap-x-4 gap-y-1.5 border-t border-slate-200 px-4 py-2.5 text-xs text-slate-600">
      {states.map((state) => (
        <LegendEntry
          key={state}
          swatch={`size-2.5 rounded-full ${STATE_STYLE[state].swatch} ${
            state === "stale" ? "outline-1 outline-offset-1 outline-amber-600 outline-dashed" : ""
          }`}
        >
          {stateLabel(t, state)}
        </LegendEntry>
      ))}
      {children}
    </div>
  );
}

/** One entry of a MapLegend: a small shape drawn by `swatch` (Tailwind classes), then its words. */
export function LegendEntry({ swatch, children }: { swatch: string; children: ReactNode }) {
  return (
    <span className="inline-flex items-center gap-1.5">
      <span aria-hidden="true" className={swatch} />
      {children}
    </span>
  );
}
