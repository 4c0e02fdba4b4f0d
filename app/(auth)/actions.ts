"use server";

import { cookies, headers } from "next/headers";
import { redirect } from "next/navigation";
import { AuthError, CredentialsSignin } from "next-auth";
import { EMAIL_CONFIRMATION_PROVIDER, signIn, signOut } from "@/lib/auth/auth";
import { mintDeviceCookie } from "@/lib/auth/device-cookie";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { SignInInput, type SignUpInput } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { fieldErrors } from "@/lib/errors";
import type { ActionResult } from "@/lib/http/action-result";
import { clientAddress } from "@/lib/http/client-address";
import { formToObject, runAction } from "@/lib/http/run-action";
import { safeCallbackPath } from "@/lib/http/safe-redirect";

export async function signInAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const input = SignInInput.safeParse(formToObject(form));
  if (!input.success) {
    return { ok: false, code: "VALIDATION", message: "Enter your e-mail and password.", fields: fieldErrors(input.error) };
  }
  try {
    // No redirect from Auth.js: it would build the address from the request's Host header.
    await signIn("credentials", { ...input.data, redirect: false });
  } catch (error) {
    if (error instanceof CredentialsSignin && error.code === "rate_limited") {
      return { ok: false, code: "RATE_LIMITED", message: "Too many sign-in attempts. Wait a few minutes and try again." };
    }
    if (error instanceof CredentialsSignin && error.code === "unconfirmed") {
      return {
        ok: false,
        code: "PRECONDITION_FAILED",
        message: "Confirm your e-mail address first: we have sent you the link again. Open it, and you are in.",
      };
    }
    if (error instanceof AuthError) {
      return { ok: false, code: "UNAUTHORIZED", message: "That e-mail and password do not match an account." };
    }
    throw error;
  }
  await rememberDevice(input.data.email);
  redirect(safeCallbackPath(form.get("callbackUrl")));
}

/** This browser signed in: from now on its attempts for this account are throttled apart from strangers'. */
async function rememberDevice(email: string): Promise<void> {
  const cookie = mintDeviceCookie(email);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
}

export async function signUpAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  const data = formToObject(form);
  const inviteToken = typeof data.inviteToken === "string" && data.inviteToken ? data.inviteToken : undefined;
  const base = { name: data.name, email: data.email, password: data.password };
  const result = await runAction<undefined>("sign-up", async () => {
    // Raw form values: signUp parses them and answers VALIDATION with per-field messages.
    const organization = {
      name: data.organizationName,
      type: data.organizationType,
      timeZone: data.timeZone,
      defaultCountry: data.defaultCountry,
    };
    const input = inviteToken ? { ...base, inviteToken } : { ...base, organization };
    // The same answer whether or not the address already had an account (its owner is told by e-mail).
    await signUp(input as SignUpInput, { address: clientAddress(await headers()) });
    return { ok: true, message: `We sent a link to ${String(data.email).trim()}. Open it to confirm your address and start.` };
  });
  return !result.ok && result.fields ? { ...result, fields: renameOrgFields(result.fields) } : result;
}

/** The button on the page a confirmation link opens: confirms the address and signs the new account in. */
export async function confirmEmailAction(token: string, _: ActionResult): Promise<ActionResult> {
  try {
    await signIn(EMAIL_CONFIRMATION_PROVIDER, { token, redirect: false });
  } catch (error) {
    if (error instanceof AuthError) {
      return { ok: false, code: "NOT_FOUND", message: "This link has expired or was already used. Sign in to get a new one." };
    }
    throw error;
  }
  redirect("/");
}

// The form's organization fields are flat; the domain's are nested under `organization`.
function renameOrgFields(fields: Record<string, string[]>): Record<string, string[]> {
  const map: Record<string, string> = {
    "organization.name": "organizationName",
    "organization.type": "organizationType",
    "organization.timeZone": "timeZone",
    "organization.defaultCountry": "defaultCountry",
  };
  return Object.fromEntries(Object.entries(fields).map(([key, value]) => [map[key] ?? key, value]));
}

export async function requestPasswordResetAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("request-password-reset", async () => {
    await requestPasswordReset({ email: form.get("email") });
    return {
      ok: true,
      message: "If an account uses that address, we have sent it a link to reset the password. It works for one hour.",
    };
  });
}

export async function resetPasswordAction(_: ActionResult, form: FormData): Promise<ActionResult> {
  return runAction("reset-password", async () => {
    await resetPassword({ token: String(form.get("token") ?? ""), password: String(form.get("password") ?? "") });
    return { ok: true, message: "Your password has been changed. Sign in with the new one." };
  });
}

export async function signOutAction(): Promise<void> {
  // Ends the server-side session too (lib/auth/auth.ts events.signOut).
  await signOut({ redirect: false });
  redirect("/sign-in");
}
