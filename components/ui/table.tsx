import type { HTMLAttributes, TdHTMLAttributes, ThHTMLAttributes } from "react";
import { cn } from "@/lib/utils/cn";

export type TableProps = HTMLAttributes<HTMLTableElement> & {
  /** Classes for the scrolling wrapper (border, radius, max height). */
  wrapperClassName?: string;
};

/**
 * Scrolls sideways on narrow screens instead of squeezing columns (cells do not wrap; add `whitespace-normal`
 * to a TD with long text). Give it a `<caption>` or `aria-label`.
 */
export function Table({ className, wrapperClassName, ...props }: TableProps) {
  return (
    <div
      className={cn("w-full overflow-x-auto rounded-xl border border-slate-200 bg-white shadow-xs", wrapperClassName)}
    >
      <table className={cn("w-full border-collapse text-left text-sm", className)} {...props} />
    </div>
  );
}

export function THead({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <thead className={cn("border-b border-slate-200 bg-slate-50", className)} {...props} />;
}

export function TBody({ className, ...props }: HTMLAttributes<HTMLTableSectionElement>) {
  return <tbody className={cn("divide-y divide-slate-100", className)} {...props} />;
}

export function TR({ className, ...props }: HTMLAttributes<HTMLTableRowElement>) {
  return <tr className={cn("transition-colors [tbody_&]:hover:bg-slate-50/80", className)} {...props} />;
}

export function TH({ className, scope = "col", ...props }: ThHTMLAttributes<HTMLTableCellElement>) {
  return (
    <th
      scope={scope}
      className={cn(
        "h-10 px-4 text-xs font-semibold tracking-wide whitespace-nowrap text-slate-600 uppercase first:pl-5 last:pr-5",
        className,
      )}
      {...props}
    />
  );
}

export function TD({ className, ...props }: TdHTMLAttributes<HTMLTableCellElement>) {
  return <td className={cn("px-4 py-3 align-middle whitespace-nowrap text-slate-700 first:pl-5 last:pr-5", className)} {...props} />;
}
