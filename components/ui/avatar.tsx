import { cn } from "@/lib/utils/cn";

// Pairs are ≥ 4.5:1 so the initials stay readable whatever colour a name lands on.
const palette = [
  "bg-brand-100 text-brand-900",
  "bg-sky-100 text-sky-900",
  "bg-indigo-100 text-indigo-900",
  "bg-violet-100 text-violet-900",
  "bg-rose-100 text-rose-900",
  "bg-amber-100 text-amber-900",
  "bg-emerald-100 text-emerald-900",
  "bg-slate-200 text-slate-800",
] as const;

const sizes = { sm: "size-7 text-[11px]", md: "size-9 text-xs", lg: "size-12 text-sm" } as const;

export function initials(name: string): string {
  // Array.from splits by code point, so names starting with non-BMP characters are not cut in half.
  const words = name.trim().split(/\s+/).filter(Boolean).map((w) => Array.from(w));
  const first = words[0];
  if (!first) return "?";
  const last = words.length > 1 ? words[words.length - 1]![0] : first[1];
  return (first[0]! + (last ?? "")).toUpperCase();
}

function colourFor(name: string): string {
  let hash = 0;
  for (const ch of name) hash = (hash * 31 + ch.codePointAt(0)!) >>> 0;
  return palette[hash % palette.length]!;
}

export type AvatarProps = {
  name: string;
  size?: keyof typeof sizes;
  /** Hide from assistive tech when the name is already written next to it. */
  decorative?: boolean;
  className?: string;
};

export function Avatar({ name, size = "md", decorative = false, className }: AvatarProps) {
  return (
    <span
      {...(decorative ? { "aria-hidden": true } : { role: "img", "aria-label": name })}
      title={decorative ? undefined : name}
      className={cn(
        "inline-grid shrink-0 place-items-center rounded-full font-semibold tracking-wide select-none",
        colourFor(name),
        sizes[size],
        className,
      )}
    >
      {initials(name)}
    </span>
  );
}
