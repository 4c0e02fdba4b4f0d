import { clsx } from "clsx";
import type { ButtonHTMLAttributes } from "react";

// The participant page's buttons: thumb-sized (48 px), in components/ui's Button colours, but built without its class
// merging (tailwind-merge, 8 kB gzip), which a phone on a mobile network would otherwise download with the page.
const base =
  "inline-flex h-12 select-none items-center justify-center gap-2 whitespace-nowrap rounded-lg px-4 text-base font-medium " +
  "transition-colors duration-150 disabled:pointer-events-none disabled:opacity-55 [&_svg]:size-[18px] [&_svg]:shrink-0";

const variants = {
  primary: "bg-brand-700 text-white shadow-sm hover:bg-brand-800 active:bg-brand-900",
  secondary: "border border-slate-300 bg-white text-slate-800 shadow-xs hover:border-slate-400 hover:bg-slate-50 active:bg-slate-100",
  danger: "bg-red-700 text-white shadow-sm hover:bg-red-800 active:bg-red-900",
};

type Props = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: keyof typeof variants };

/** A `type="button"` by default; `className` adds layout (width, margins), never another size or colour. */
export function PhoneButton({ variant = "primary", type = "button", className, ...props }: Props) {
  return <button type={type} className={clsx(base, variants[variant], className)} {...props} />;
}
