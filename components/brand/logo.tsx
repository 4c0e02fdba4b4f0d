import { cn } from "@/lib/utils/cn";

export function Logo({ className, compact = false }: { className?: string; compact?: boolean }) {
  return (
    <span className={cn("inline-flex items-center gap-2 font-semibold text-slate-900", className)}>
      <svg viewBox="0 0 32 32" aria-hidden="true" className="size-8 shrink-0">
        <rect width="32" height="32" rx="8" className="fill-brand-700" />
        <path d="M16 7a7 7 0 0 0-7 7c0 5.2 7 11 7 11s7-5.8 7-11a7 7 0 0 0-7-7Z" fill="white" />
        <circle cx="16" cy="14" r="2.6" className="fill-brand-700" />
      </svg>
      {compact ? null : <span className="text-lg tracking-tight">Event-Coming</span>}
    </span>
  );
}
