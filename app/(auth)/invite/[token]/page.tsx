import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/auth/accept-invitation-form";
import { Alert } from "@/components/ui/alert";
import { buttonClasses } from "@/components/ui/button";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { getCurrentUser } from "@/lib/auth/current-user";
import { unsafeGetInvitationPreview } from "@/lib/members/invitations";
import { ROLE_DESCRIPTIONS, ROLE_LABELS, type Role } from "@/lib/tenant/roles";
import { acceptInvitationAction } from "./actions";

export const metadata: Metadata = { title: "Invitation" };

const unusable: Record<"expired" | "revoked" | "accepted", string> = {
  expired: "This invitation has expired. Ask the person who invited you for a new one.",
  revoked: "This invitation was withdrawn. Ask the person who invited you for a new one.",
  accepted: "This invitation was already accepted. Sign in to open the organization.",
};

export default async function InvitationPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const [invitation, user] = await Promise.all([unsafeGetInvitationPreview(token), getCurrentUser()]);
  const here = `/invite/${token}`;

  if (!invitation || invitation.state !== "pending") {
    return (
      <Card>
        <CardHeader>
          <CardTitle as="h1">Invitation not available</CardTitle>
        </CardHeader>
        <CardContent className="space-y-4">
          <Alert tone="warning">{invitation && invitation.state !== "pending" ? unusable[invitation.state] : "This invitation link is not valid."}</Alert>
          <Link href="/sign-in" className={buttonClasses("secondary")}>
            Go to sign in
          </Link>
        </CardContent>
      </Card>
    );
  }

  const role = invitation.role as Role;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Join {invitation.organizationName}</CardTitle>
        <CardDescription>
          You were invited as <strong>{ROLE_LABELS[role]}</strong>: {ROLE_DESCRIPTIONS[role]}
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <p className="text-sm text-slate-600">
          The invitation is for <strong>{invitation.email}</strong>.
        </p>
        {user ? (
          <>
            {user.email !== invitation.email ? (
              <Alert tone="warning">
                You are signed in as {user.email}. Sign out and sign in as {invitation.email} to accept.
              </Alert>
            ) : null}
            <AcceptInvitationForm token={token} accept={acceptInvitationAction} />
          </>
        ) : (
          <div className="flex flex-wrap gap-3">
            <Link href={`/sign-up?invite=${encodeURIComponent(token)}`} className={buttonClasses("primary")}>
              Create an account
            </Link>
            <Link href={`/sign-in?callbackUrl=${encodeURIComponent(here)}`} className={buttonClasses("secondary")}>
              I already have an account
            </Link>
          </div>
        )}
      </CardContent>
    </Card>
  );
}
