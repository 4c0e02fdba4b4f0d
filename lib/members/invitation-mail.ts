import { eq } from "drizzle-orm";
import { getDb, schema } from "@/lib/database";
import { toLocale } from "@/lib/i18n";
import { invitationMail, sendMail, type InvitedRole } from "@/lib/mail";
import type { OrgContext } from "@/lib/tenant";

const { users } = schema;

/**
 * Mails an invitation link. It speaks the invitee's language when the address already has an account with one, else
 * the organization's: the inviter's own language says nothing about the person invited.
 */
export async function mailInvitation(ctx: OrgContext, invitation: { email: string; role: InvitedRole; link: string }): Promise<void> {
  const [account] = await getDb().select({ language: users.language }).from(users).where(eq(users.email, invitation.email));
  const mail = invitationMail(toLocale(account?.language, toLocale(ctx.org.language)), {
    inviter: ctx.actor.type === "user" ? ctx.actor.email : null,
    organization: ctx.org.name,
    role: invitation.role,
    link: invitation.link,
  });
  await sendMail({ to: invitation.email, ...mail });
}
