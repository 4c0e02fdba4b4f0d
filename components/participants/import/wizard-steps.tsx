import { useTranslations } from "next-intl";
import { CheckIcon } from "@/components/ui/icons";
import { cn } from "@/lib/utils/cn";

/** Where the organizer is in the import: done steps get a check, the current one is highlighted. */
export function WizardSteps({ current }: { current: number }) {
  const t = useTranslations("import.steps");
  const steps = [t("file"), t("columns"), t("check"), t("import")];
  return (
    <ol className="flex flex-wrap items-center gap-x-3 gap-y-2 text-sm" aria-label={t("label")}>
      {steps.map((label, i) => {
        const done = i < current;
        const active = i === current;
        return (
          <li key={label} className="flex items-center gap-2" aria-current={active ? "step" : undefined}>
            <span
              className={cn(
                "grid size-6 place-items-center rounded-full text-xs font-semibold",
                done && "bg-brand-700 text-white",
                active && "bg-brand-50 text-brand-800 ring-2 ring-brand-600",
                !done && !active && "bg-slate-100 text-slate-500",
              )}
            >
              {done ? <CheckIcon size={14} /> : i + 1}
            </span>
            <span className={cn("font-medium", active ? "text-slate-900" : "text-slate-600")}>{label}</span>
            {i < steps.length - 1 ? <span aria-hidden className="ml-1 h-px w-6 bg-slate-300" /> : null}
          </li>
        );
      })}
    </ol>
  );
}
