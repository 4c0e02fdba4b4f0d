"use server";

import { cookies, headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { EMAIL_CONFIRMATION_PROVIDER, signIn, signOut } from "@/lib/auth/auth";
import { mintDeviceCookie } from "@/lib/auth/device-cookie";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { RequestPasswordResetInput, ResetPasswordInput, SignInInput, type SignUpInput } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { AppError } from "@/lib/errors";
import { publicAction } from "@/lib/adapters";
import { clientAddress, safeCallbackPath } from "@/lib/http";

export const signInAction = publicAction({
  name: "sign-in",
  input: SignInInput.extend({ callbackUrl: z.unknown() }),
  invalid: "Enter your e-mail and password.",
}).run(async ({ email, password, callbackUrl }) => {
  try {
    // No redirect from Auth.js: it would build the address from the request's Host header.
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    throw signInRefusal(error);
  }
  await rememberDevice(email);
  return { redirect: safeCallbackPath(callbackUrl) };
});

/** Auth.js's refusal in the words of the sign-in form; anything else is not a refusal and stays as it is. */
function signInRefusal(error: unknown): unknown {
  if (error instanceof CredentialsSignin && error.code === "rate_limited") {
    return new AppError("RATE_LIMITED", "Too many sign-in attempts. Wait a few minutes and try again.");
  }
  if (error instanceof CredentialsSignin && error.code === "unconfirmed") {
    return new AppError(
      "PRECONDITION_FAILED",
      "Confirm your e-mail address first: we have sent you the link again. Open it, and you are in.",
    );
  }
  if (error instanceof AuthError) return new AppError("UNAUTHORIZED", "That e-mail and password do not match an account.");
  return error;
}

/** This browser signed in: from now on its attempts for this account are throttled apart from strangers'. */
async function rememberDevice(email: string): Promise<void> {
  const cookie = mintDeviceCookie(email);
  (await cookies()).set(cookie.name, cookie.value, cookie.options);
}

// Raw form values: signUp parses them and answers VALIDATION with per-field messages.
export const signUpAction = publicAction({ name: "sign-up" }).run(async (data) => {
  const base = { name: data.name, email: data.email, password: data.password };
  const inviteToken = typeof data.inviteToken === "string" && data.inviteToken ? data.inviteToken : undefined;
  const organization = {
    name: data.organizationName,
    type: data.organizationType,
    timeZone: data.timeZone,
    defaultCountry: data.defaultCountry,
  };
  const input = inviteToken ? { ...base, inviteToken } : { ...base, organization };
  // The same answer whether or not the address already had an account (its owner is told by e-mail).
  await signUp(input as SignUpInput, { address: clientAddress(await headers()), locale: await getLocale() }).catch((error: unknown) => {
    throw withFormFieldNames(error);
  });
  return { ok: true, message: `We sent a link to ${String(data.email).trim()}. Open it to confirm your address and start.` };
});

// The form's organization fields are flat; the domain's are nested under `organization`.
const FORM_FIELD_NAMES: Record<string, string> = {
  "organization.name": "organizationName",
  "organization.type": "organizationType",
  "organization.timeZone": "timeZone",
  "organization.defaultCountry": "defaultCountry",
};

function withFormFieldNames(error: unknown): unknown {
  if (!(error instanceof AppError) || !error.fields) return error;
  const fields = Object.fromEntries(Object.entries(error.fields).map(([key, value]) => [FORM_FIELD_NAMES[key] ?? key, value]));
  return new AppError(error.code, error.message, { ...error.details, fields });
}

/** The button on the page a confirmation link opens: confirms the address and signs the new account in. */
export const confirmEmailAction = publicAction({ name: "confirm-email", input: z.object({ token: z.string() }) }).run(
  async ({ token }) => {
    try {
      await signIn(EMAIL_CONFIRMATION_PROVIDER, { token, redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      throw new AppError("NOT_FOUND", "This link has expired or was already used. Sign in to get a new one.");
    }
    return { redirect: "/" };
  },
);

export const requestPasswordResetAction = publicAction({ name: "request-password-reset", input: RequestPasswordResetInput }).run(
  async (input) => {
    await requestPasswordReset(input, await getLocale());
    return {
      ok: true,
      message: "If an account uses that address, we have sent it a link to reset the password. It works for one hour.",
    };
  },
);

export const resetPasswordAction = publicAction({ name: "reset-password", input: ResetPasswordInput }).run(async (input) => {
  await resetPassword(input);
  return { ok: true, message: "Your password has been changed. Sign in with the new one." };
});

export const signOutAction = publicAction({ name: "sign-out" }).run(async () => {
  // Ends the server-side session too (lib/auth/auth.ts events.signOut).
  await signOut({ redirect: false });
  return { redirect: "/sign-in" };
});
