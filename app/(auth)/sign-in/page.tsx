import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DEMO_LOGIN } from "@/lib/demo";
import { getCurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/http";
import { signInAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signIn");
  return { title: t("title") };
}

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { callbackUrl } = await searchParams;
  const next = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(next);
  const embedded = env().mode === "embedded";
  const t = await getTranslations("auth.signIn");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{t("title")}</CardTitle>
        <CardDescription>
          {t.rich("newHere", {
            link: (chunks) => (
              <Link href="/sign-up" className="font-medium text-brand-700 hover:underline">
                {chunks}
              </Link>
            ),
          })}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {embedded ? (
          <Alert tone="info" title={t("demoTitle")}>
            {t.rich("demo", {
              email: DEMO_LOGIN.email,
              password: DEMO_LOGIN.password,
              strong: (chunks) => <strong>{chunks}</strong>,
            })}
          </Alert>
        ) : null}
        <SignInForm signIn={signInAction} callbackUrl={next} />
      </CardContent>
    </Card>
  );
}
