import { Stat } from "@/components/ui/stat";
import { AlertTriangleIcon, MessageIcon, UsersIcon } from "@/components/ui/icons";
import { noWhatsAppCount } from "./participant-cells";

type Entry = { optedOutAt: Date | null; noWhatsAppReason: string | null };

export function RosterCounts({ roster }: { roster: Entry[] }) {
  const optedOut = roster.filter((p) => p.optedOutAt).length;
  // Someone opted out with a landline is counted once, as opted out.
  const unreachable = roster.filter((p) => !p.optedOutAt && p.noWhatsAppReason).length;
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Stat label="On the roster" value={roster.length} icon={<UsersIcon />} />
      <Stat
        label="Reachable on WhatsApp"
        value={roster.length - optedOut - unreachable}
        hint={unreachable > 0 ? `${noWhatsAppCount(unreachable)}.` : undefined}
        icon={<MessageIcon />}
      />
      <Stat
        label="Opted out"
        value={optedOut}
        hint={optedOut > 0 ? "They replied STOP; nothing is sent to them." : undefined}
        icon={<AlertTriangleIcon />}
      />
    </div>
  );
}
