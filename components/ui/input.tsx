import type { InputHTMLAttributes, Ref } from "react";
import { cn } from "@/lib/utils/cn";

/** Shared look of text-like controls (input, select, textarea); invalid state comes from aria-invalid. */
export const controlClasses =
  "block w-full rounded-lg border border-slate-400 bg-white text-sm text-slate-900 shadow-xs " +
  "placeholder:text-slate-500 transition-colors hover:border-slate-500 " +
  "focus-visible:border-brand-600 focus-visible:outline-1 focus-visible:outline-offset-0 focus-visible:outline-brand-600 " +
  "disabled:cursor-not-allowed disabled:bg-slate-100 disabled:text-slate-500 " +
  "aria-invalid:border-red-600 aria-invalid:focus-visible:outline-red-600";

export type InputProps = InputHTMLAttributes<HTMLInputElement> & { ref?: Ref<HTMLInputElement> };

export function Input({ className, type = "text", ...props }: InputProps) {
  return <input type={type} className={cn(controlClasses, "h-10 px-3", className)} {...props} />;
}
