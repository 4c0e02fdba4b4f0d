import type { ReactNode } from "react";
import { getTranslations } from "next-intl/server";
import { Logo } from "@/components/brand/logo";
import { IntlProvider } from "@/components/i18n/intl-provider";

export default async function AuthLayout({ children }: { children: ReactNode }) {
  const t = await getTranslations("auth.layout");
  return (
    <IntlProvider>
      <main className="flex min-h-dvh flex-col items-center justify-center bg-slate-50 px-4 py-10">
        <Logo className="mb-8" />
        <div className="w-full max-w-md">{children}</div>
        <p className="mt-8 max-w-md text-center text-xs text-slate-500">{t("tagline")}</p>
      </main>
    </IntlProvider>
  );
}
