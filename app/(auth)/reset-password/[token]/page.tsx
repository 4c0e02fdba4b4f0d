import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { ResetPasswordForm } from "@/components/auth/password-reset-forms";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { resetPasswordAction } from "../../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.reset");
  return { title: t("chooseTitle") };
}

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const t = await getTranslations("auth.reset");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{t("chooseTitle")}</CardTitle>
        <CardDescription>{t("chooseDescription")}</CardDescription>
      </CardHeader>
      <CardContent>
        <ResetPasswordForm token={token} reset={resetPasswordAction} />
      </CardContent>
    </Card>
  );
}
