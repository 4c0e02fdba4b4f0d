import Link from "next/link";
import { useTranslations } from "next-intl";
import { PageHeader } from "@/components/ui/page-header";
import { SectionCard } from "@/components/ui/section-card";
import { buttonClasses } from "@/components/ui/button";
import { EndpointCard, type EndpointView, type EndpointActions } from "./endpoint-card";
import { EndpointForm } from "./endpoint-form";

type Props = {
  orgSlug: string;
  timeZone: string;
  endpoints: EndpointView[];
  actions: EndpointActions & { create: EndpointActions["update"] };
};

/** Settings → Webhooks: the organization's receivers, how to verify what they get, and what was sent to each. */
export function WebhooksView({ orgSlug, timeZone, endpoints, actions }: Props) {
  const t = useTranslations("webhooks");
  return (
    <div className="space-y-8">
      <PageHeader
        title={t("title")}
        description={t("description")}
        actions={
          <Link href={`/${orgSlug}/settings`} className={buttonClasses("secondary", "sm")}>
            {t("back")}
          </Link>
        }
      />
      <p className="max-w-3xl rounded-lg border border-slate-200 bg-slate-50 px-4 py-3 text-sm leading-6 text-slate-700">{t("signing")}</p>
      {endpoints.length === 0 ? <p className="text-sm text-slate-600">{t("empty")}</p> : null}
      {endpoints.map((endpoint) => (
        <EndpointCard key={endpoint.id} endpoint={endpoint} timeZone={timeZone} actions={actions} />
      ))}
      <SectionCard title={t("add.title")}>
        <EndpointForm save={actions.create} submitLabel={t("add.submit")} pendingLabel={t("add.adding")} idPrefix="new" />
      </SectionCard>
    </div>
  );
}
