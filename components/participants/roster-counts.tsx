import { useTranslations } from "next-intl";
import { Stat } from "@/components/ui/stat";
import { AlertTriangleIcon, MessageIcon, UsersIcon } from "@/components/ui/icons";

type Entry = { optedOutAt: Date | null; noWhatsAppReason: string | null };

export function RosterCounts({ roster }: { roster: Entry[] }) {
  const t = useTranslations("roster.counts");
  const optedOut = roster.filter((p) => p.optedOutAt).length;
  // Someone opted out with a landline is counted once, as opted out.
  const unreachable = roster.filter((p) => !p.optedOutAt && p.noWhatsAppReason).length;
  return (
    <div className="grid gap-4 sm:grid-cols-3">
      <Stat label={t("onRoster")} value={roster.length} icon={<UsersIcon />} />
      <Stat
        label={t("reachable")}
        value={roster.length - optedOut - unreachable}
        hint={unreachable > 0 ? t("unreachable", { count: unreachable }) : undefined}
        icon={<MessageIcon />}
      />
      <Stat
        label={t("optedOut")}
        value={optedOut}
        hint={optedOut > 0 ? t("optedOutHint") : undefined}
        icon={<AlertTriangleIcon />}
      />
    </div>
  );
}
