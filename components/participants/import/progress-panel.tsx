import { useTranslations } from "next-intl";

/** A labelled progress bar for work done in chunks (checking or importing thousands of rows). */
export function ProgressPanel({ label, done, total }: { label: string; done: number; total: number }) {
  const t = useTranslations("import.progress");
  return (
    <div className="space-y-2" role="status">
      <div className="flex items-baseline justify-between text-sm">
        <span className="font-medium text-slate-900">{label}</span>
        <span className="text-slate-600 tabular-nums">{t("rows", { done, total })}</span>
      </div>
      <progress
        value={done}
        max={Math.max(total, 1)}
        aria-label={label}
        className="h-2.5 w-full appearance-none overflow-hidden rounded-full bg-slate-200 [&::-moz-progress-bar]:bg-brand-600 [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:rounded-full [&::-webkit-progress-value]:bg-brand-600 [&::-webkit-progress-value]:transition-all"
      />
    </div>
  );
}
