import type { ReactNode } from "react";
import { cn } from "@/lib/utils/cn";

export type EmptyStateProps = {
  icon?: ReactNode;
  title: ReactNode;
  /** Say what will appear here and how to get it there. */
  description?: ReactNode;
  action?: ReactNode;
  /** Extra teaching content under the description (steps, a link to docs). */
  children?: ReactNode;
  /** Heading level for the title (default h2). */
  headingLevel?: "h2" | "h3";
  className?: string;
};

export function EmptyState({
  icon,
  title,
  description,
  action,
  children,
  headingLevel: Heading = "h2",
  className,
}: EmptyStateProps) {
  return (
    <div
      className={cn(
        "flex flex-col items-center rounded-xl border border-dashed border-slate-300 bg-white px-6 py-12 text-center",
        className,
      )}
    >
      {icon ? (
        <div className="mb-4 grid size-12 place-items-center rounded-full bg-brand-50 text-brand-700 ring-8 ring-brand-50/50 [&_svg]:size-6">
          {icon}
        </div>
      ) : null}
      <Heading className="text-base font-semibold text-slate-900">{title}</Heading>
      {description ? <p className="mt-1.5 max-w-md text-sm leading-6 text-slate-600">{description}</p> : null}
      {children ? <div className="mt-4 max-w-md text-left text-sm text-slate-700">{children}</div> : null}
      {action ? <div className="mt-6 flex flex-wrap justify-center gap-2">{action}</div> : null}
    </div>
  );
}
