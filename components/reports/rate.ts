import type { useFormatter } from "next-intl";

type Formatter = ReturnType<typeof useFormatter>;

/** An attendance rate (0–1) as the locale writes a percentage ("83%", "83 %"); a dash when nobody was invited. */
export function rateText(format: Formatter, rate: number | null): string {
  return rate === null ? "–" : format.number(rate, { style: "percent", maximumFractionDigits: 0 });
}
