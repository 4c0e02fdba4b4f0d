import { useFormatter, useTranslations } from "next-intl";
import { formatClock, formatLocalDateTime, zoneName, type Formatter } from "@/components/dashboard/format";
import { Badge } from "@/components/ui/badge";
import { EmptyState } from "@/components/ui/empty-state";
import { MessageIcon } from "@/components/ui/icons";
import type { Translator } from "@/lib/i18n/translator-type";
import { wasSent } from "@/lib/messages/outcomes";
import type { TimelineRow } from "@/lib/occurrences/timeline";
import { actionNoteText } from "@/lib/schedule/notes";
import { LINK_NOT_OPENED_AFTER_MINUTES } from "@/lib/whatsapp/outbound/location-follow-ups";
import { actionAudience, actionLabel, actionStatus } from "./labels";
import { describeOutcomes } from "./outcomes-text";

const PART_TONE = { success: "text-emerald-800", neutral: "text-slate-600", warning: "text-amber-800", danger: "text-red-700" };
/** Names shown before "and 3 more". */
const NAMES_SHOWN = 6;

/** "Ann, Bob, Carl" or "Ann, Bob, Carl, … and 3 more", in the reader's list style. */
function names(t: Translator<"occurrences">, format: Formatter, all: string[]): string {
  const shown = format.list(all.slice(0, NAMES_SHOWN), { type: "unit", style: "short" });
  return all.length > NAMES_SHOWN ? t("timeline.namesAndMore", { names: shown, more: all.length - NAMES_SHOWN }) : shown;
}

/** What this occurrence sends to whom and when (event's zone), and what became of each message. */
export function Timeline({ rows, timeZone }: { rows: TimelineRow[]; timeZone: string }) {
  const t = useTranslations("occurrences");
  const failures = useTranslations("sendFailures");
  const format = useFormatter();
  if (rows.length === 0) {
    return <EmptyState icon={<MessageIcon />} title={t("timeline.emptyTitle")} description={t("timeline.emptyDescription")} />;
  }
  return (
    <ol className="relative space-y-4 border-l border-slate-200 pl-6" aria-label={t("timeline.label", { zone: zoneName(timeZone) })}>
      {rows.map((row) => {
        // Pending again with a retry time: some recipients' messages wait to be sent again.
        const waiting = row.status === "pending" && row.retryAt !== null;
        const status = actionStatus(t, waiting ? "waiting" : row.status);
        const inactive = row.status === "cancelled";
        const outcomes = describeOutcomes(t, failures, row.outcomes);
        // Once messages went out, the outcomes line says what the action's note would; a failed or skipped one says why.
        const ended = row.status === "failed" || row.status === "cancelled";
        const note = actionNoteText(t, row);
        return (
          <li key={row.id} className="relative" data-testid="timeline-row">
            <span
              aria-hidden="true"
              className={`absolute -left-[31px] top-1.5 size-3 rounded-full ring-4 ring-white ${inactive ? "bg-slate-300" : "bg-brand-600"}`}
            />
            <div className="flex flex-wrap items-center gap-2">
              <span className="font-medium tabular-nums text-slate-900">{formatLocalDateTime(format, row.dueLocal)}</span>
              <span className={inactive ? "text-slate-500 line-through" : "font-medium text-slate-900"}>{actionLabel(t, row.action)}</span>
              <Badge tone={status.tone}>{status.label}</Badge>
            </div>
            <p className="mt-1 text-sm text-slate-600">
              {t("timeline.recipients", { audience: actionAudience(t, row.action), count: row.recipients.length })}
              {row.recipients.length > 0 ? (
                <span className="text-slate-500">
                  {" — "}
                  {names(t, format, row.recipients.map((r) => r.name))}
                </span>
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
                {waiting && row.retryAt ? (
                  <span className="text-slate-500">
                    {" — "}
                    {t("timeline.nextTry", { time: formatClock(format, row.retryAt, timeZone) })}
                  </span>
                ) : null}
              </p>
            ) : null}
            {note && (ended || outcomes.length === 0) ? (
              <p className="mt-1 text-sm text-red-700">{t("timeline.lastError", { error: note })}</p>
            ) : null}
            {row.action === "tracking_link" && !inactive ? <FollowUps requests={row.followUps} /> : null}
          </li>
        );
      })}
    </ol>
  );
}

/** The tracking link's follow-ups: when they go out, and to whom they went. */
function FollowUps({ requests }: { requests: TimelineRow["followUps"] }) {
  const t = useTranslations("occurrences");
  const format = useFormatter();
  const sent = requests.filter((m) => wasSent(m.status));
  return (
    <div className="mt-2 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-600" data-testid="follow-ups">
      <p>
        {t.rich("timeline.followUps", {
          minutes: LINK_NOT_OPENED_AFTER_MINUTES,
          strong: (chunks) => <span className="font-medium text-slate-800">{chunks}</span>,
        })}
      </p>
      {sent.length > 0 ? (
        <p className="mt-1 text-emerald-800">
          {t("timeline.asked", { count: sent.length })}
          <span className="text-slate-500">
            {" — "}
            {names(t, format, sent.map((m) => m.name ?? t("timeline.someoneRemoved")))}
          </span>
        </p>
      ) : null}
    </div>
  );
}
