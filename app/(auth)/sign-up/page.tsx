import { listCountries } from "@/lib/organizations/countries";
import { listTimeZones } from "@/lib/organizations/time-zones";
import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { env } from "@/lib/env";
import { unsafeGetInvitationPreview } from "@/lib/members/invitations";
import { signUpAction } from "../actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("auth.signUp");
  return { title: t("title") };
}

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { invite: inviteToken } = await searchParams;
  const invitation = inviteToken ? await unsafeGetInvitationPreview(inviteToken) : null;
  const invite = invitation?.state === "pending" && inviteToken ? { token: inviteToken, email: invitation.email } : undefined;
  const t = await getTranslations("auth.signUp");
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{invite ? t("join", { organization: invitation!.organizationName }) : t("title")}</CardTitle>
        <CardDescription>
          {t.rich("haveAccount", {
            link: (chunks) => (
              <Link
                href={inviteToken ? `/sign-in?callbackUrl=${encodeURIComponent(`/invite/${inviteToken}`)}` : "/sign-in"}
                className="font-medium text-brand-700 hover:underline"
              >
                {chunks}
              </Link>
            ),
          })}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {inviteToken && !invite ? (
          <Alert tone="warning" title={t("inviteUnusableTitle")}>
            {t("inviteUnusable")}
          </Alert>
        ) : null}
        <SignUpForm signUp={signUpAction} timeZones={listTimeZones()} countries={listCountries()} invite={invite} devOutbox={env().mail === "log" && env().mode === "embedded"} />
      </CardContent>
    </Card>
  );
}
