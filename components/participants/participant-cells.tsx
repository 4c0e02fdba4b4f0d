import Link from "next/link";
import { useTranslations } from "next-intl";
import { Avatar } from "@/components/ui/avatar";
import { Badge } from "@/components/ui/badge";
import { buttonClasses } from "@/components/ui/button";
import { isLocale, LOCALE_NAMES } from "@/lib/i18n/locales";
import { formatPhone } from "./format-phone";

type Person = { name: string; metadata: Record<string, string> };

/** Name with avatar, and the extra fields from imports ("Class: 5a") underneath in small print. */
export function ParticipantName({ person }: { person: Person }) {
  const extras = Object.entries(person.metadata);
  return (
    <div className="flex items-center gap-3">
      <Avatar name={person.name} size="sm" decorative />
      <div className="min-w-0">
        <p className="font-medium text-slate-900">{person.name}</p>
        {extras.length > 0 ? (
          <p className="max-w-64 truncate text-xs text-slate-500" title={extras.map(([k, v]) => `${k}: ${v}`).join(" · ")}>
            {extras.map(([key, value]) => `${key}: ${value}`).join(" · ")}
          </p>
        ) : null}
      </div>
    </div>
  );
}

export function PhoneText({ phone }: { phone: string }) {
  return (
    <a href={`tel:${phone}`} className="tabular-nums text-slate-700 hover:text-brand-800 hover:underline">
      {formatPhone(phone)}
    </a>
  );
}

export function MaybeText({ value }: { value: string | null }) {
  return value ? <>{value}</> : <span className="text-slate-400">—</span>;
}

/**
 * A person's own language by its own name ("Português (Brasil)"), beside their name; nothing when they follow the
 * organization's language, which most people do.
 */
export function LanguageBadge({ language }: { language: string | null | undefined }) {
  const t = useTranslations("participants.language");
  if (!isLocale(language)) return null;
  return (
    <Badge tone="brand" title={t("badgeTitle", { language: LOCALE_NAMES[language] })}>
      <span lang={language}>{LOCALE_NAMES[language]}</span>
    </Badge>
  );
}

/** Under a phone number that WhatsApp cannot reach: "Landline: cannot receive WhatsApp messages". */
export function NoWhatsAppNote({ reason }: { reason: string | null }) {
  if (!reason) return null;
  return <p className="text-xs font-medium text-amber-800">{reason}</p>;
}

/** Opted-out people stay on rosters for the record, but no message reaches them. */
export function OptedOutBadge({ optedOutAt }: { optedOutAt: Date | null }) {
  const t = useTranslations("participants.optedOut");
  if (!optedOutAt) return null;
  return (
    <Badge tone="warning" dot title={t("title")}>
      {t("badge")}
    </Badge>
  );
}

/** A row's Edit button (its `href` may say which page to come back to after saving). */
export function EditParticipantLink({ href, name }: { href: string; name: string }) {
  const t = useTranslations("participants.list");
  return (
    <Link href={href} className={buttonClasses("ghost", "sm")} aria-label={t("editLabel", { name })}>
      {t("edit")}
    </Link>
  );
}
