import type { Metadata } from "next";
import Link from "next/link";
import { MESSAGE_STATUS } from "@/components/messages/labels";
import { MessagesTable } from "@/components/messages/messages-table";
import { EmptyState } from "@/components/ui/empty-state";
import { InboxIcon } from "@/components/ui/icons";
import { PageHeader } from "@/components/ui/page-header";
import { env } from "@/lib/env";
import { listMessages } from "@/lib/messages/list-messages";
import { MESSAGE_STATUSES, MessageStatus } from "@/lib/messages/schemas";
import { requirePageContext } from "@/lib/auth/request-context";
import { cn } from "@/lib/utils/cn";
import { isUuid } from "@/lib/utils/uuid";

export const metadata: Metadata = { title: "Messages" };

const LIMIT = 200;
const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function MessagesPage({
  params,
  searchParams,
}: {
  params: Promise<{ orgSlug: string }>;
  searchParams: Promise<{ status?: string | string[]; occurrence?: string | string[] }>;
}) {
  const { orgSlug } = await params;
  const query = await searchParams;
  const parsedStatus = MessageStatus.safeParse(first(query.status));
  const status = parsedStatus.success ? parsedStatus.data : undefined;
  const occurrence = first(query.occurrence);
  const instanceId = occurrence && isUuid(occurrence) ? occurrence : undefined;
  const ctx = await requirePageContext(orgSlug);
  const rows = await listMessages(ctx, { status, instanceId, limit: LIMIT });
  const href = (s?: string) => {
    const p = new URLSearchParams();
    if (s) p.set("status", s);
    if (instanceId) p.set("occurrence", instanceId);
    const qs = p.toString();
    return `/${orgSlug}/messages${qs ? `?${qs}` : ""}`;
  };

  return (
    <div className="space-y-6">
      <PageHeader
        title="Messages"
        description={
          env().whatsapp === "log"
            ? "Every WhatsApp message in and out. No WhatsApp number is connected, so outgoing messages are recorded here instead of being sent."
            : "Every WhatsApp message in and out, with its delivery status."
        }
      />
      <nav aria-label="Filter by status" className="flex flex-wrap gap-1.5">
        {[undefined, ...MESSAGE_STATUSES].map((s) => (
          <Link
            key={s ?? "all"}
            href={href(s)}
            aria-current={s === status ? "page" : undefined}
            className={cn(
              "rounded-full px-3 py-1 text-sm ring-1 ring-inset",
              s === status ? "bg-slate-900 text-white ring-slate-900" : "bg-white text-slate-700 ring-slate-300 hover:bg-slate-50",
            )}
          >
            {s ? MESSAGE_STATUS[s]!.label : "All"}
          </Link>
        ))}
        {instanceId ? (
          <Link href={`/${orgSlug}/messages${status ? `?status=${status}` : ""}`} className="px-2 py-1 text-sm text-brand-700 hover:underline">
            All occurrences
          </Link>
        ) : null}
      </nav>
      {rows.length === 0 ? (
        <EmptyState
          icon={<InboxIcon />}
          title={status ? `No ${MESSAGE_STATUS[status]!.label.toLowerCase()} messages` : "No messages yet"}
          description="Messages appear here when an occurrence's confirmation, reminder, tracking link or closure goes out, and when participants reply."
        />
      ) : (
        <div className="space-y-2">
          {rows.length === LIMIT ? <p className="text-sm text-slate-600">The newest {LIMIT} messages.</p> : null}
          <MessagesTable orgSlug={orgSlug} rows={rows} timeZone={ctx.org.timeZone} showOccurrence={!instanceId} />
        </div>
      )}
    </div>
  );
}
