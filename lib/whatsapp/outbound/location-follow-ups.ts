import { sql } from "drizzle-orm";
import { getDb } from "@/lib/database";
import { toLocale, translatorFor } from "@/lib/i18n";
import { aliasedWindowColumns, trackingWindowSql } from "@/lib/attendance";
import { logger } from "@/lib/logger";
import { recordFailed, recordSent, reserveMessage } from "@/lib/messages";
import { paceSends, type PaceOptions } from "@/lib/schedule";
import { buildLocationRequestMessage, type WhatsAppMessage } from "@/lib/whatsapp/messages";
import type { WhatsAppTransport } from "@/lib/whatsapp/transport";
import { formatStart } from "@/lib/whatsapp/format";
import { WINDOW_MS } from "./compose";
import { transportFor } from "@/lib/whatsapp/transport-for";

// The fallback of DESIGN §3: a participant who does not share their way there through the tracking page is asked, once,
// to send their location in WhatsApp itself (a location request: one tap on "Send location"). A location they send is
// stored and checked in like any other (lib/whatsapp/inbound/location.ts). Only free-form messages can ask for a
// location, so this goes only to people inside the 24-hour window (they wrote or tapped in the last 24 hours).

/** The tracking link was sent this long ago and never opened. */
export const LINK_NOT_OPENED_AFTER_MINUTES = 15;
/** Candidates handled per run; the next run (a minute later) takes the rest. */
const MAX_PER_RUN = 200;

export type FollowUpReason = "link_not_opened" | "sharing_paused";

/** At most one follow-up of each reason per attendance: this key makes a repeated or concurrent run send nothing twice. */
export const followUpKey = (reason: FollowUpReason, attendanceId: string) => `location-follow-up:${reason}:${attendanceId}`;

type Candidate = {
  attendance_id: string;
  organization_id: string;
  instance_id: string;
  participant_id: string;
  name: string;
  phone: string;
  /** The participant's language and their organization's (the fallback). */
  language: string | null;
  organization_language: string;
  whatsapp_phone_number_id: string | null;
  title: string;
  venue_name: string;
  time_zone: string;
  starts_at: Date | string;
  reason: FollowUpReason;
};

export type FollowUpSummary = { candidates: number; sent: number; failed: number; skipped: number };

/**
 * Sends the location follow-ups that are due, for every organization (each candidate's rows are matched on its own
 * organization). Two reasons, each at most once per attendance:
 * - link_not_opened: confirmed, the tracking link went out at least LINK_NOT_OPENED_AFTER_MINUTES ago, no link of
 *   theirs was ever opened, no position yet, and the occurrence has not started;
 * - sharing_paused: on the way with a link they opened (and did not stop), but no fix for the stale threshold
 *   (the page pauses when the phone locks or the person switches apps), and the occurrence has not ended.
 * Nobody who opted out, declined, or is outside the 24-hour window gets one. A follow-up that fails is recorded on
 * the Messages page with the reason and not tried again.
 */
export async function sendLocationFollowUps(
  now = new Date(),
  options: PaceOptions = {},
): Promise<FollowUpSummary> {
  const candidates = await listCandidates(now);
  const summary: FollowUpSummary = { candidates: candidates.length, sent: 0, failed: 0, skipped: 0 };
  const pace = paceSends(options);
  const transports = new Map<string, WhatsAppTransport | null>();
  for (const candidate of candidates) {
    const orgId = candidate.organization_id;
    if (!transports.has(orgId)) {
      const transport = transportFor({ id: orgId, whatsappPhoneNumberId: candidate.whatsapp_phone_number_id });
      if (!transport) logger.warn({ organizationId: orgId }, "Location follow-ups not sent: the organization has no WhatsApp number");
      transports.set(orgId, transport);
    }
    const transport = transports.get(orgId);
    if (!transport) {
      summary.skipped += 1;
      continue;
    }
    const reservation = await reserveMessage(
      {
        organizationId: orgId,
        participantId: candidate.participant_id,
        attendanceId: candidate.attendance_id,
        instanceId: candidate.instance_id,
        scheduledActionId: null,
        kind: "location_request",
        key: followUpKey(candidate.reason, candidate.attendance_id),
      },
      { type: "interactive", body: {} },
    );
    if (reservation.state !== "mine") {
      summary.skipped += 1;
      continue;
    }
    await pace();
    const message = composeFollowUp(candidate);
    const body = message as unknown as Record<string, unknown>;
    const result = await transport.send(message);
    if (result.ok) {
      await recordSent(orgId, reservation.messageId, { type: message.type, body, wamid: result.wamid, at: new Date() });
      summary.sent += 1;
    } else {
      await recordFailed(orgId, reservation.messageId, { type: message.type, body, code: result.code, inWords: result.inWords, at: new Date() });
      summary.failed += 1;
    }
  }
  return summary;
}

type FollowUpFields = "name" | "phone" | "language" | "organization_language" | "title" | "venue_name" | "time_zone" | "starts_at" | "reason";

/** What the participant reads above WhatsApp's "Send location" button, in their language. */
export function composeFollowUp(candidate: Pick<Candidate, FollowUpFields>): WhatsAppMessage {
  const locale = toLocale(candidate.language, toLocale(candidate.organization_language));
  const t = translatorFor(locale, "whatsapp");
  const words = {
    name: candidate.name,
    event: candidate.title,
    start: formatStart(new Date(candidate.starts_at), candidate.time_zone, locale),
    venue: candidate.venue_name,
  };
  const body =
    candidate.reason === "link_not_opened"
      ? t("messages.locationRequest.linkNotOpened", words)
      : t("messages.locationRequest.sharingPaused", words);
  return buildLocationRequestMessage({ to: candidate.phone, body });
}

function listCandidates(now: Date) {
  const at = sql`${now.toISOString()}::timestamptz`;
  const windowStart = sql`${new Date(now.getTime() - WINDOW_MS).toISOString()}::timestamptz`;
  const linkSentBefore = sql`${new Date(now.getTime() - LINK_NOT_OPENED_AFTER_MINUTES * 60_000).toISOString()}::timestamptz`;
  const reason = sql`case when a.journey = 'not_started' then 'link_not_opened' else 'sharing_paused' end`;
  const window = trackingWindowSql(aliasedWindowColumns("i", "e"));
  return getDb().execute<Candidate>(sql`
    select a.id as attendance_id, a.organization_id, a.instance_id, a.participant_id, p.name, p.phone,
           p.language, o.language as organization_language, o.whatsapp_phone_number_id, e.title, e.venue_name, e.time_zone, i.starts_at, ${reason} as reason
    from event_instances i
    join events e on e.id = i.event_id and e.organization_id = i.organization_id
    join organizations o on o.id = i.organization_id
    join attendances a on a.instance_id = i.id and a.organization_id = i.organization_id
    join participants p on p.id = a.participant_id and p.organization_id = i.organization_id
    where i.status = 'scheduled'
      -- The tracking window is open and the occurrence has not ended.
      and ${window.opensAt} <= ${at}
      and i.ends_at > ${at}
      and a.rsvp = 'confirmed'
      and p.opted_out_at is null
      and p.last_inbound_at > ${windowStart}
      and (
        (a.journey = 'not_started' and a.last_fix_at is null and i.starts_at > ${at}
          and exists (
            select 1 from messages m
            where m.organization_id = i.organization_id and m.instance_id = i.id and m.attendance_id = a.id
              and m.direction = 'outbound' and m.kind = 'tracking_link' and m.status in ('sent', 'delivered', 'read')
              and m.created_at <= ${linkSentBefore}
          )
          and not exists (
            select 1 from tracking_links l
            where l.organization_id = i.organization_id and l.attendance_id = a.id and l.first_opened_at is not null
          ))
        or
        (a.journey = 'on_the_way' and a.is_stale
          and exists (
            select 1 from tracking_links l
            where l.organization_id = i.organization_id and l.attendance_id = a.id and l.first_opened_at is not null
              and l.stopped_at is null and l.revoked_at is null and l.valid_until > ${at}
          ))
      )
      and not exists (
        select 1 from messages m
        where m.organization_id = i.organization_id and m.idempotency_key = 'location-follow-up:' || ${reason} || ':' || a.id
      )
    order by i.starts_at, a.id
    limit ${MAX_PER_RUN}
  `);
}
