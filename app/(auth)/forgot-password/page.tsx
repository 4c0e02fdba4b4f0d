import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { RequestResetForm } from "@/components/auth/password-reset-forms";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { env } from "@/lib/env";
import { requestPasswordResetAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.reset");
  return { title: t("requestTitle") };
}
// Reads the mail settings of the running server, not of the build.
export const dynamic = "force-dynamic";

export default async function ForgotPasswordPage() {
  const outbox = env().mail === "log";
  const t = await getTranslations("auth.reset");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{t("requestTitle")}</CardTitle>
        <CardDescription>{t("requestDescription")}</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <RequestResetForm request={requestPasswordResetAction} />
        <p className="text-sm text-slate-600">
          <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
            {t("backToSignIn")}
          </Link>
          {outbox ? (
            <>
              {" · "}
              {t.rich("devOutbox", {
                outbox: (chunks) => (
                  <Link href="/dev/outbox" className="font-medium text-brand-700 hover:underline">
                    {chunks}
                  </Link>
                ),
              })}
            </>
          ) : null}
        </p>
      </CardContent>
    </Card>
  );
}
