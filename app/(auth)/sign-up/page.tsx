import { listCountries } from "@/lib/organizations/countries";
import { listTimeZones } from "@/lib/organizations/time-zones";
import type { Metadata } from "next";
import Link from "next/link";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { env } from "@/lib/env";
import { unsafeGetInvitationPreview } from "@/lib/members/invitations";
import { signUpAction } from "../actions";

export const metadata: Metadata = { title: "Create your account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { invite: inviteToken } = await searchParams;
  const invitation = inviteToken ? await unsafeGetInvitationPreview(inviteToken) : null;
  const invite = invitation?.state === "pending" && inviteToken ? { token: inviteToken, email: invitation.email } : undefined;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">{invite ? `Join ${invitation!.organizationName}` : "Create your account"}</CardTitle>
        <CardDescription>
          Already have an account?{" "}
          <Link
            href={inviteToken ? `/sign-in?callbackUrl=${encodeURIComponent(`/invite/${inviteToken}`)}` : "/sign-in"}
            className="font-medium text-brand-700 hover:underline"
          >
            Sign in
          </Link>
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {inviteToken && !invite ? (
          <Alert tone="warning" title="This invitation cannot be used">
            It has expired, was withdrawn or was already accepted. You can still create an account with your own
            organization below, or ask for a new invitation.
          </Alert>
        ) : null}
        <SignUpForm signUp={signUpAction} timeZones={listTimeZones()} countries={listCountries()} invite={invite} devOutbox={env().mail === "log" && env().mode === "embedded"} />
      </CardContent>
    </Card>
  );
}
