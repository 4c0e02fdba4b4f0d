import { translatorFor, type Locale } from "@/lib/i18n";

// What each e-mail says, in its recipient's language (the caller decides which: the account's own language when it
// has one, else the language of the request that caused the mail, or the organization's for an invitation).

export type MailContent = { subject: string; text: string };

/** The link that confirms a new account's address. */
export function emailConfirmationMail(locale: Locale, values: { name: string; link: string }): MailContent {
  const t = translatorFor(locale, "mail");
  return { subject: t("emailConfirmation.subject"), text: t("emailConfirmation.body", values) };
}

/** To the owner of an address someone tried to sign up with again. */
export function accountExistsMail(locale: Locale, values: { name: string; signInLink: string; resetLink: string }): MailContent {
  const t = translatorFor(locale, "mail");
  return { subject: t("accountExists.subject"), text: t("accountExists.body", values) };
}

/** The one-hour link that sets a new password. */
export function passwordResetMail(locale: Locale, values: { name: string; link: string }): MailContent {
  const t = translatorFor(locale, "mail");
  return { subject: t("passwordReset.subject"), text: t("passwordReset.body", values) };
}

export type InvitedRole = "owner" | "admin" | "manager" | "staff" | "viewer";

/** An invitation to join an organization; `inviter` is the inviting member's address, null when it was not a person. */
export function invitationMail(
  locale: Locale,
  values: { inviter: string | null; organization: string; role: InvitedRole; link: string },
): MailContent {
  const t = translatorFor(locale, "mail");
  return {
    subject: t("invitation.subject", { organization: values.organization }),
    text: t("invitation.body", { ...values, inviter: values.inviter ?? "", hasInviter: values.inviter ? "yes" : "no" }),
  };
}
