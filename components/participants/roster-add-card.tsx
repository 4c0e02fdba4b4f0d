import { useLocale, useTranslations } from "next-intl";
import { SectionCard } from "@/components/ui/section-card";
import type { FormAction } from "@/lib/http/action-result";
import { AddParticipantForm } from "./add-participant-form";
import { countryName, formatPhone } from "./format-phone";
import { AddExistingParticipantForm } from "./roster-actions";

type Props = {
  eventId: string;
  /** The organization's default country (numbers typed without a country code) and language (the form's default). */
  org: { defaultCountry: string; language: string };
  /** People of the organization who are not on this roster yet. */
  others: { id: string; name: string; phone: string }[];
  actions: { addNew: FormAction; addExisting: FormAction };
};

/** A manager adds someone new, or someone already known from another event (one phone number is one person). */
export function RosterAddCard({ eventId, org, others, actions }: Props) {
  const t = useTranslations("roster.add");
  const locale = useLocale();
  return (
    <SectionCard
      title={t("title")}
      description={others.length > 0 ? t("descriptionWithOthers") : t("description")}
      contentClassName="space-y-5"
    >
      <AddParticipantForm
        add={actions.addNew}
        eventId={eventId}
        countryHint={t("countryHint", { country: countryName(org.defaultCountry, locale) })}
        orgLanguage={org.language}
      />
      {others.length > 0 ? (
        <div className="border-t border-slate-200 pt-5">
          <AddExistingParticipantForm
            add={actions.addExisting}
            eventId={eventId}
            people={others.map((p) => ({ id: p.id, label: `${p.name} · ${formatPhone(p.phone)}` }))}
          />
        </div>
      ) : null}
    </SectionCard>
  );
}
