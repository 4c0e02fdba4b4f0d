import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { unsafeGetInvitationPreview } from "@/lib/members/invitations";
import type { Role } from "@/lib/tenant/roles";
import { acceptInvitationAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.invitation");
  return { title: t("metaTitle") };
}

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([unsafeGetInvitationPreview(token), getCurrentUser()]);
  const here = `/invite/${token}`;
  const t = await getTranslations("auth.invitation");
  const roles = await getTranslations("members");

  if (!invitation || invitation.state !== "pending") {
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h1">{t("unavailableTitle")}</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <Alert tone="warning">{t("unusable", { state: invitation?.state ?? "invalid" })}</Alert>
          <Link href="/sign-in" className={buttonClasses("secondary")}>
            {t("goToSignIn")}
          </Link>
        </CardContent>
      </Card>
    );
  }

  const role = invitation.role as Role;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{t("title", { organization: invitation.organizationName })}</CardTitle>
        <CardDescription>
          {t.rich("invitedAs", {
            role: roles("role", { role }),
            description: roles("roleDescription", { role }),
            strong: (chunks) => <strong>{chunks}</strong>,
          })}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-slate-600">
          {t.rich("forEmail", { email: invitation.email, strong: (chunks) => <strong>{chunks}</strong> })}
        </p>
        {user ? (
          <>
            {user.email !== invitation.email ? (
              <Alert tone="warning">{t("otherAccount", { current: user.email, invited: invitation.email })}</Alert>
            ) : null}
            <AcceptInvitationForm token={token} accept={acceptInvitationAction} />
          </>
        ) : (
          <div className="flex flex-wrap gap-3">
            <Link href={`/sign-up?invite=${encodeURIComponent(token)}`} className={buttonClasses("primary")}>
              {t("createAccount")}
            </Link>
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={buttonClasses("secondary")}>
              {t("haveAccount")}
            </Link>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
