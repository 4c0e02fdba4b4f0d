import type { Metadata } from "next";
import { ConfirmEmailForm } from "@/components/auth/confirm-email-form";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { confirmEmailAction } from "../../actions";

export const metadata: Metadata = { title: "Confirm your e-mail address" };

// A button, not an automatic confirmation: mail scanners open links too, and the link works once.
export default async function ConfirmEmailPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Confirm your e-mail address</CardTitle>
        <CardDescription>One click and your account is ready.</CardDescription>
      </CardHeader>
      <CardContent>
        <ConfirmEmailForm token={token} confirm={confirmEmailAction} />
      </CardContent>
    </Card>
  );
}
