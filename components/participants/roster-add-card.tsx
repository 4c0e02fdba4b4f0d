import { SectionCard } from "@/components/ui/section-card";
import type { FormAction } from "@/lib/http/action-result";
import { AddParticipantForm } from "./add-participant-form";
import { countryName, formatPhone } from "./format-phone";
import { AddExistingParticipantForm } from "./roster-actions";

type Props = {
  eventId: string;
  /** The organization's default country, for numbers typed without a country code. */
  country: string;
  /** People of the organization who are not on this roster yet. */
  others: { id: string; name: string; phone: string }[];
  actions: { addNew: FormAction; addExisting: FormAction };
};

/** A manager adds someone new, or someone already known from another event (one phone number is one person). */
export function RosterAddCard({ eventId, country, others, actions }: Props) {
  return (
    <SectionCard
      title="Add participant"
      description={
        others.length > 0
          ? "Someone new, or someone you already have from another event (pick them below: one phone number is one person)."
          : "They get this event's messages from the next occurrence on."
      }
      contentClassName="space-y-5"
    >
      <AddParticipantForm add={actions.addNew} eventId={eventId} countryHint={`${countryName(country)} unless it starts with +`} />
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
