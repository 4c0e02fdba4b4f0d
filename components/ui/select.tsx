import type { Ref, SelectHTMLAttributes } from "react";
import { cn } from "@/lib/utils/cn";
import { ChevronDownIcon } from "./icons";
import { controlClasses } from "./input";

export type SelectProps = SelectHTMLAttributes<HTMLSelectElement> & {
  ref?: Ref<HTMLSelectElement>;
  /** Classes for the wrapper (width, margins); `className` goes on the `<select>`. */
  wrapperClassName?: string;
};

/** Native `<select>` (keyboard, mobile pickers and form posts work for free) with a custom chevron. */
export function Select({ className, wrapperClassName, children, ...props }: SelectProps) {
  return (
    <div className={cn("relative", wrapperClassName)}>
      <select className={cn(controlClasses, "h-10 appearance-none pr-10 pl-3", className)} {...props}>
        {children}
      </select>
      <ChevronDownIcon
        size={16}
        className="pointer-events-none absolute top-1/2 right-3 -translate-y-1/2 text-slate-500"
      />
    </div>
  );
}
