import { z } from "zod";
import { problemKey } from "@/lib/problems";
import { Email } from "@/lib/members";
import { CreateOrganizationInput } from "@/lib/organizations";
import { Password } from "./password-rules";

// Client-safe.

export const PersonName = z.string().trim().min(1, problemKey("auth.nameMissing")).max(100);

/** Either a first organization to create or an invitation to accept (one object, so field errors keep their path). */
export const SignUpInput = z
  .object({
    name: PersonName,
    email: Email,
    password: Password,
    organization: CreateOrganizationInput.optional(),
    inviteToken: z.string().min(20, problemKey("auth.invitationInvalid")).optional(),
  })
  .refine((input) => (input.organization === undefined) !== (input.inviteToken === undefined), {
    message: problemKey("auth.organizationOrInvitation"),
    path: ["organization"],
  });
export type SignUpInput = z.input<typeof SignUpInput>;

export const SignInInput = z.object({
  email: Email,
  password: z.string().min(1, problemKey("auth.passwordMissing")).max(200),
});
export type SignInInput = z.infer<typeof SignInInput>;

export const RequestPasswordResetInput = z.object({ email: Email });

export const ResetPasswordInput = z.object({ token: z.string().min(20), password: Password });
export type ResetPasswordInput = z.infer<typeof ResetPasswordInput>;
