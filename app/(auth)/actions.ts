"use server";

import { cookies, headers } from "next/headers";
import { AuthError, CredentialsSignin } from "next-auth";
import { getLocale, getTranslations } from "next-intl/server";
import { z } from "zod";
import { EMAIL_CONFIRMATION_PROVIDER, signIn, signOut } from "@/lib/auth/auth";
import { mintDeviceCookie } from "@/lib/auth/device-cookie";
import { requestPasswordReset, resetPassword } from "@/lib/auth/password-reset";
import { RequestPasswordResetInput, ResetPasswordInput, SignInInput, type SignUpInput } from "@/lib/auth/schemas";
import { signUp } from "@/lib/auth/sign-up";
import { AppError, safeParseWithProblems } from "@/lib/errors";
import type { Translator } from "@/lib/i18n/translator-type";
import { publicAction } from "@/lib/adapters";
import { clientAddress, safeCallbackPath } from "@/lib/http";

// The form is read in the body, so that a refusal of the form as a whole is said in the visitor's language.
export const signInAction = publicAction({ name: "sign-in" }).run(async (form) => {
  const t = await getTranslations("auth.signIn");
  const parsed = safeParseWithProblems(SignInInput.extend({ callbackUrl: z.unknown() }), form);
  if (!parsed.success) throw AppError.validation(parsed.error, t("invalid"));
  const { email, password, callbackUrl } = parsed.data;
  try {
    // No redirect from Auth.js: it would build the address from the request's Host header.
    await signIn("credentials", { email, password, redirect: false });
  } catch (error) {
    throw signInRefusal(t, error);
  }
  await rememberDevice(email);
  return { redirect: safeCallbackPath(callbackUrl) };
});

/** Auth.js's refusal in the words of the sign-in form; anything else is not a refusal and stays as it is. */
function signInRefusal(t: Translator<"auth.signIn">, error: unknown): unknown {
  if (error instanceof CredentialsSignin && error.code === "rate_limited") return new AppError("RATE_LIMITED", t("rateLimited"));
  if (error instanceof CredentialsSignin && error.code === "unconfirmed") return new AppError("PRECONDITION_FAILED", t("unconfirmed"));
  if (error instanceof AuthError) return new AppError("UNAUTHORIZED", t("noMatch"));
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
  const t = await getTranslations("auth.signUp");
  return { ok: true, message: t("sent", { email: String(data.email).trim() }) };
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
  return new AppError(error.code, error.words, { ...error.details, fields });
}

/** The button on the page a confirmation link opens: confirms the address and signs the new account in. */
export const confirmEmailAction = publicAction({ name: "confirm-email", input: z.object({ token: z.string() }) }).run(
  async ({ token }) => {
    try {
      await signIn(EMAIL_CONFIRMATION_PROVIDER, { token, redirect: false });
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      const t = await getTranslations("auth.confirmEmail");
      throw new AppError("NOT_FOUND", t("expired"));
    }
    return { redirect: "/" };
  },
);

export const requestPasswordResetAction = publicAction({ name: "request-password-reset", input: RequestPasswordResetInput }).run(
  async (input) => {
    await requestPasswordReset(input, await getLocale());
    const t = await getTranslations("auth.reset");
    return { ok: true, message: t("requested") };
  },
);

export const resetPasswordAction = publicAction({ name: "reset-password", input: ResetPasswordInput }).run(async (input) => {
  await resetPassword(input);
  const t = await getTranslations("auth.reset");
  return { ok: true, message: t("changed") };
});

export const signOutAction = publicAction({ name: "sign-out" }).run(async () => {
  // Ends the server-side session too (lib/auth/auth.ts events.signOut).
  await signOut({ redirect: false });
  return { redirect: "/sign-in" };
});
