import type { ReactNode } from "react";
import { Logo } from "@/components/brand/logo";
import { IntlProvider } from "@/components/i18n/intl-provider";

export default function AuthLayout({ children }: { children: ReactNode }) {
  return (
    <IntlProvider>
      <main className="flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 py-10">
        <Logo className="mb-8" />
        <div className="w-full max-w-md">{children}</div>
        <p className="mt-8 max-w-md text-center text-xs text-slate-500">
          Event-Coming tells organizers who is coming, who is on the way and who has arrived.
        </p>
      </main>
    </IntlProvider>
  );
}
