import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { MessageIcon } from "@/components/ui/icons";
import { wasSent } from "@/lib/messages/outcomes";
import type { TimelineRow } from "@/lib/occurrences/timeline";
import { LINK_NOT_OPENED_AFTER_MINUTES } from "@/lib/whatsapp/outbound/location-follow-ups";
import { ACTION_AUDIENCE, ACTION_LABELS, ACTION_STATUS, formatLocalShort } from "./labels";
import { describeOutcomes } from "./outcomes-text";

const PART_TONE = { success: "text-emerald-800", neutral: "text-slate-600", warning: "text-amber-800", danger: "text-red-700" };
const clock = (at: Date, timeZone: string) => new Intl.DateTimeFormat("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" }).format(at);

/** What this occurrence sends to whom and when (event's zone), and what became of each message. */
export function Timeline({ rows, timeZone }: { rows: TimelineRow[]; timeZone: string }) {
  if (rows.length === 0) {
    return (
      <EmptyState
        icon={<MessageIcon />}
        title="No messages planned"
        description="Every message of this event's schedule is turned off, or its time had already passed when the occurrence was planned."
      />
    );
  }
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-6" aria-label={`Message timeline, times in ${timeZone}`}>
      {rows.map((row) => {
        // Pending again with a retry time: some recipients' messages wait to be sent again.
        const waiting = row.status === "pending" && row.retryAt !== null;
        const status = ACTION_STATUS[waiting ? "waiting" : row.status] ?? { label: row.status, tone: "neutral" as const };
        const inactive = row.status === "cancelled";
        const outcomes = describeOutcomes(row.outcomes);
        // Once messages went out, the outcomes line says what the action's note would; a failed or skipped one says why.
        const ended = row.status === "failed" || row.status === "cancelled";
        return (
          <li key={row.id} className="relative" data-testid="timeline-row">
            <span
              aria-hidden="true"
              className={`absolute -left-[31px] top-1.5 size-3 rounded-full ring-4 ring-white ${inactive ? "bg-slate-300" : "bg-brand-600"}`}
            />
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium tabular-nums text-slate-900">{formatLocalShort(row.dueLocal)}</span>
              <span className={inactive ? "text-slate-500 line-through" : "font-medium text-slate-900"}>
                {ACTION_LABELS[row.action] ?? row.action}
              </span>
              <Badge tone={status.tone}>{status.label}</Badge>
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {ACTION_AUDIENCE[row.action]}:{" "}
              {row.recipients.length === 0
                ? "nobody right now"
                : `${row.recipients.length} ${row.recipients.length === 1 ? "person" : "people"}`}
              {row.recipients.length > 0 ? (
                <span className="text-slate-500"> — {row.recipients.slice(0, 6).map((r) => r.name).join(", ")}{row.recipients.length > 6 ? ` and ${row.recipients.length - 6} more` : ""}</span>
              ) : null}
            </p>
            {outcomes.length > 0 ? (
              <p className="mt-1 text-sm" data-testid="timeline-outcomes">
                {outcomes.map((part, i) => (
                  <span key={part.text} className={PART_TONE[part.tone]}>
                    {i > 0 ? ", " : ""}
                    {part.text}
                  </span>
                ))}
                {waiting && row.retryAt ? <span className="text-slate-500"> — next try at {clock(row.retryAt, timeZone)}</span> : null}
              </p>
            ) : null}
            {row.lastError && (ended || outcomes.length === 0) ? <p className="mt-1 text-sm text-red-700">Last error: {row.lastError}</p> : null}
            {row.action === "tracking_link" && !inactive ? <FollowUps requests={row.followUps} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The tracking link's follow-ups: when they go out, and to whom they went. */
function FollowUps({ requests }: { requests: TimelineRow["followUps"] }) {
  const sent = requests.filter((m) => wasSent(m.status));
  return (
    <div className="mt-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="follow-ups">
      <p>
        <span className="font-medium text-slate-800">Then, if needed: location request.</span> Whoever has not opened
        the link {LINK_NOT_OPENED_AFTER_MINUTES} min after it went out, or whose sharing stops on the way, is asked once
        to send their location in WhatsApp. Only people who wrote or tapped in the last 24 hours can be asked.
      </p>
      {sent.length > 0 ? (
        <p className="mt-1 text-emerald-800">
          Asked {sent.length} {sent.length === 1 ? "person" : "people"}
          <span className="text-slate-500">
            {" "}— {sent.slice(0, 6).map((m) => m.name ?? "someone removed").join(", ")}
            {sent.length > 6 ? ` and ${sent.length - 6} more` : ""}
          </span>
        </p>
      ) : null}
    </div>
  );
}
