import { useTranslations } from "next-intl";
import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "@/lib/utils/cn";
import { AlertCircleIcon, AlertTriangleIcon, CheckCircleIcon, InfoIcon } from "./icons";

export type AlertTone = "info" | "success" | "warning" | "danger";

const tones: Record<AlertTone, { box: string; icon: string; Icon: typeof InfoIcon }> = {
  info: { box: "border-sky-200 bg-sky-50 text-sky-900", icon: "text-sky-700", Icon: InfoIcon },
  success: { box: "border-emerald-200 bg-emerald-50 text-emerald-900", icon: "text-emerald-700", Icon: CheckCircleIcon },
  warning: { box: "border-amber-200 bg-amber-50 text-amber-950", icon: "text-amber-700", Icon: AlertTriangleIcon },
  danger: { box: "border-red-200 bg-red-50 text-red-900", icon: "text-red-700", Icon: AlertCircleIcon },
};

export type AlertProps = Omit<HTMLAttributes<HTMLDivElement>, "title"> & {
  tone?: AlertTone;
  title?: ReactNode;
  /** Optional trailing content, e.g. a small button or link. */
  action?: ReactNode;
};

/** Danger and warning interrupt (role="alert"); info and success are polite (role="status"). */
export function Alert({ tone = "info", title, action, className, children, ...props }: AlertProps) {
  const t = tones[tone];
  const words = useTranslations("common");
  return (
    <div
      role={tone === "danger" || tone === "warning" ? "alert" : "status"}
      className={cn("flex items-start gap-3 rounded-lg border px-4 py-3 text-sm", t.box, className)}
      {...props}
    >
      <t.Icon className={cn("mt-px", t.icon)} title={words(`alert.${tone}`)} />
      <div className="min-w-0 flex-1 space-y-1">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="leading-6 [&_a]:font-medium [&_a]:underline">{children}</div> : null}
      </div>
      {action ? <div className="shrink-0 self-center">{action}</div> : null}
    </div>
  );
}
