import type { Metadata } from "next";
import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { statusLabel } from "@/components/messages/labels";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("messages.page");
  return { title: t("title") };
}

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
  const t = await getTranslations("messages");
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
        title={t("page.title")}
        description={env().whatsapp === "log" ? t("page.descriptionLog") : t("page.description")}
      />
      <nav aria-label={t("page.filterLabel")} className="flex flex-wrap gap-1.5">
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
            {s ? statusLabel(t, s) : t("page.all")}
          </Link>
        ))}
        {instanceId ? (
          <Link href={`/${orgSlug}/messages${status ? `?status=${status}` : ""}`} className="px-2 py-1 text-sm text-brand-700 hover:underline">
            {t("page.allOccurrences")}
          </Link>
        ) : null}
      </nav>
      {rows.length === 0 ? (
        <EmptyState
          icon={<InboxIcon />}
          title={status ? t("page.noneWithStatus", { status }) : t("page.none")}
          description={t("page.emptyDescription")}
        />
      ) : (
        <div className="space-y-2">
          {rows.length === LIMIT ? <p className="text-sm text-slate-600">{t("page.newest", { count: LIMIT })}</p> : null}
          <MessagesTable orgSlug={orgSlug} rows={rows} timeZone={ctx.org.timeZone} showOccurrence={!instanceId} />
        </div>
      )}
    </div>
  );
}
