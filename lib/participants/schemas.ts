import { z } from "zod";
import { problemKey } from "@/lib/problems";
import { LOCALES } from "@/lib/i18n/locales";

// Client-safe: forms and the domain functions share these. The phone number is only checked for presence here;
// reading it needs the organization's default country, so the domain normalizes it (see normalizePhone).

export const NAME_MAX = 200;
export const METADATA_MAX_KEYS = 50;
export const METADATA_KEY_MAX = 64;
export const METADATA_VALUE_MAX = 1000;

/** A blank optional text is "not given", stored as NULL. */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .nullish()
    .transform((value) => (value ? value : null));

export const ParticipantEmail = z
  .string()
  .trim()
  .toLowerCase()
  .nullish()
  .transform((value) => (value ? value : null))
  .pipe(z.email(problemKey("participants.email")).max(254).nullable());

export const ParticipantMetadata = z
  .record(
    z.string().trim().min(1, problemKey("participants.fieldNameMissing")).max(METADATA_KEY_MAX),
    z.string().trim().max(METADATA_VALUE_MAX),
  )
  .refine((record) => Object.keys(record).length <= METADATA_MAX_KEYS, {
    message: problemKey("participants.tooManyFields"),
    params: { maximum: METADATA_MAX_KEYS },
  })
  // Empty values are dropped rather than stored, so "no class" and "class: ''" are the same thing.
  .transform((record) => Object.fromEntries(Object.entries(record).filter(([, value]) => value !== "")));

/** The language their messages and tracking page are in; blank or missing is null: the organization's. */
export const ParticipantLanguage = z
  .union([z.literal(""), z.enum(LOCALES)], problemKey("participants.language"))
  .nullish()
  .transform((value) => value || null);

export const ParticipantInput = z.object({
  name: z.string().trim().min(1, problemKey("participants.nameMissing")).max(NAME_MAX),
  phone: z.string().trim().min(1, problemKey("participants.phoneMissing")).max(40, problemKey("participants.phoneTooLong")),
  email: ParticipantEmail,
  guardianOf: optionalText(NAME_MAX),
  language: ParticipantLanguage,
  metadata: ParticipantMetadata.optional().transform((value) => value ?? {}),
});
export type ParticipantInput = z.input<typeof ParticipantInput>;

/** An edit replaces every field the form shows: an omitted e-mail, note or metadata is cleared. */
export const UpdateParticipantInput = ParticipantInput.extend({ participantId: z.uuid() });
export type UpdateParticipantInput = z.input<typeof UpdateParticipantInput>;

export const ParticipantIdInput = z.object({ participantId: z.uuid() });
export type ParticipantIdInput = z.infer<typeof ParticipantIdInput>;

export const RosterInput = z.object({ eventId: z.uuid(), participantId: z.uuid() });
export type RosterInput = z.infer<typeof RosterInput>;

export const ListParticipantsOptions = z.object({
  search: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(1000).optional(),
  /** Leave out who is already on this event's roster (the "add someone you know" picker). */
  notOnEventId: z.uuid().optional(),
});
export type ListParticipantsOptions = z.infer<typeof ListParticipantsOptions>;
