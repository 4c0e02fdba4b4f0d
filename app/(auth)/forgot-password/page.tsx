import type { Metadata } from "next";
import Link from "next/link";
import { RequestResetForm } from "@/components/auth/password-reset-forms";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { env } from "@/lib/env";
import { requestPasswordResetAction } from "../actions";

export const metadata: Metadata = { title: "Reset your password" };
// Reads the mail settings of the running server, not of the build.
export const dynamic = "force-dynamic";

export default function ForgotPasswordPage() {
  const outbox = env().mail === "log";
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Reset your password</CardTitle>
        <CardDescription>We will e-mail you a link to choose a new password.</CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        <RequestResetForm request={requestPasswordResetAction} />
        <p className="text-sm text-slate-600">
          <Link href="/sign-in" className="font-medium text-brand-700 hover:underline">
            Back to sign in
          </Link>
          {outbox ? (
            <>
              {" · "}No mail server is configured: e-mails land in the{" "}
              <Link href="/dev/outbox" className="font-medium text-brand-700 hover:underline">
                dev outbox
              </Link>
              .
            </>
          ) : null}
        </p>
      </CardContent>
    </Card>
  );
}
