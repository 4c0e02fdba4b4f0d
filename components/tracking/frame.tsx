import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";

/**
 * The participant page: the logo, the language switch when the link has one (`aside`), and the screens below.
 * Rendered by the server only (the logo's class merging stays off the phone).
 */
export function TrackingFrame({ aside, children }: { aside?: ReactNode; children: ReactNode }) {
  return (
    <main className="mx-auto flex min-h-dvh w-full max-w-md flex-col gap-4 px-4 pt-4 pb-10">
      <div className="flex min-h-9 items-center justify-between gap-3">
        <Logo compact className="[&_svg]:size-7" />
        {aside}
      </div>
      {children}
    </main>
  );
}
