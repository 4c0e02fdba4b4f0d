import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { confirmEmailAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.confirmEmail");
  return { title: t("title") };
}

// A button, not an automatic confirmation: mail scanners open links too, and the link works once.
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.confirmEmail");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{t("title")}</CardTitle>
        <CardDescription>{t("description")}</CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmEmailForm token={token} confirm={confirmEmailAction} />
      </CardContent>
    </Card>
  );
}
