import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { DEMO_LOGIN } from "@/lib/demo";
import { getCurrentUser } from "@/lib/auth/current-user";
import { env } from "@/lib/env";
import { safeCallbackPath } from "@/lib/http";
import { signInAction } from "../actions";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string>> }) {
  const { callbackUrl } = await searchParams;
  const next = safeCallbackPath(callbackUrl);
  if (await getCurrentUser()) redirect(next);
  const embedded = env().mode === "embedded";
  return (
    <Card>
      <CardHeader>
        <CardTitle as="h1">Sign in</CardTitle>
        <CardDescription>
          New here?{" "}
          <Link href="/sign-up" className="font-medium text-brand-700 hover:underline">
            Create an account
          </Link>
        </CardDescription>
      </CardHeader>
      <CardContent className="space-y-4">
        {embedded ? (
          <Alert tone="info" title="Demo organization">
            Sign in as <strong>{DEMO_LOGIN.email}</strong> with password <strong>{DEMO_LOGIN.password}</strong>.
          </Alert>
        ) : null}
        <SignInForm signIn={signInAction} callbackUrl={next} />
      </CardContent>
    </Card>
  );
}
