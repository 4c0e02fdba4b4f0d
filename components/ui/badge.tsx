import type { HTMLAttributes } from "react";
import { cn } from "@/lib/utils/cn";

export type BadgeTone = "neutral" | "brand" | "success" | "warning" | "danger";

const tones: Record<BadgeTone, { badge: string; dot: string }> = {
  neutral: { badge: "bg-slate-100 text-slate-700 ring-slate-300/70", dot: "bg-slate-500" },
  brand: { badge: "bg-brand-50 text-brand-800 ring-brand-300/70", dot: "bg-brand-600" },
  success: { badge: "bg-emerald-50 text-emerald-800 ring-emerald-300/70", dot: "bg-emerald-600" },
  warning: { badge: "bg-amber-50 text-amber-900 ring-amber-300/80", dot: "bg-amber-500" },
  danger: { badge: "bg-red-50 text-red-800 ring-red-300/70", dot: "bg-red-600" },
};

export type BadgeProps = HTMLAttributes<HTMLSpanElement> & {
  tone?: BadgeTone;
  /** Leading status dot. The text still carries the meaning; the dot is decoration. */
  dot?: boolean;
};

export function Badge({ tone = "neutral", dot, className, children, ...props }: BadgeProps) {
  return (
    <span
      className={cn(
        "inline-flex items-center gap-1.5 rounded-full px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset",
        tones[tone].badge,
        className,
      )}
      {...props}
    >
      {dot ? <span aria-hidden="true" className={cn("size-1.5 rounded-full", tones[tone].dot)} /> : null}
      {children}
    </span>
  );
}
