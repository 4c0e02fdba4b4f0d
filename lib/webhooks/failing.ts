import { and, eq, isNull, lte } from "drizzle-orm";
import { getDb, schema, type Executor } from "@/lib/database";
import { writeAudit } from "@/lib/audit";
import { env } from "@/lib/env";
import { appUrl } from "@/lib/http";
import { toLocale, translatorFor } from "@/lib/i18n";
import { sendMail } from "@/lib/mail";
import { systemContext } from "@/lib/tenant";

const { memberships, organizations, users, webhookEndpoints } = schema;
const DAY_MS = 86_400_000;

export type DisabledEndpoint = { organizationId: string; endpointId: string; url: string };

/**
 * After a failed attempt, in its transaction: an endpoint that has failed without a single success for longer than
 * WEBHOOKS_DISABLE_AFTER_DAYS is disabled ("failing"), so a receiver that is gone stops costing requests. Returns it
 * when it was disabled now, so its owners can be told once the transaction committed.
 */
export async function disableIfFailingTooLong(tx: Executor, organizationId: string, endpointId: string, now: Date): Promise<DisabledEndpoint | null> {
  const cutoff = new Date(now.getTime() - env().WEBHOOKS_DISABLE_AFTER_DAYS * DAY_MS);
  const [row] = await tx
    .update(webhookEndpoints)
    .set({ disabledAt: now, disabledReason: "failing", updatedAt: now })
    .where(
      and(
        eq(webhookEndpoints.id, endpointId),
        eq(webhookEndpoints.organizationId, organizationId),
        isNull(webhookEndpoints.disabledAt),
        lte(webhookEndpoints.failingSince, cutoff),
      ),
    )
    .returning({ url: webhookEndpoints.url, failingSince: webhookEndpoints.failingSince });
  if (!row) return null;
  const [org] = await tx.select().from(organizations).where(eq(organizations.id, organizationId));
  await writeAudit(tx, systemContext(org!, "deliver-webhooks"), {
    action: "webhook.endpoint_auto_disabled",
    targetType: "webhook_endpoint",
    targetId: endpointId,
    data: { url: row.url, failingSince: row.failingSince?.toISOString() ?? null },
  });
  return { organizationId, endpointId, url: row.url };
}

/** Tells every owner of the organization, each in their own language (else the organization's), that it was disabled. */
export async function mailOwnersAboutDisabled(disabled: DisabledEndpoint): Promise<number> {
  const db = getDb();
  const [org] = await db.select().from(organizations).where(eq(organizations.id, disabled.organizationId));
  if (!org) return 0;
  const owners = await db
    .select({ email: users.email, name: users.name, language: users.language })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, org.id), eq(memberships.role, "owner")));
  const link = `${appUrl()}/${org.slug}/settings/webhooks`;
  for (const owner of owners) {
    const t = translatorFor(toLocale(owner.language, toLocale(org.language)), "webhooks");
    await sendMail({
      to: owner.email,
      subject: t("mail.disabledSubject", { organization: org.name }),
      text: t("mail.disabledBody", { name: owner.name, organization: org.name, url: disabled.url, days: env().WEBHOOKS_DISABLE_AFTER_DAYS, link }),
    });
  }
  return owners.length;
}
