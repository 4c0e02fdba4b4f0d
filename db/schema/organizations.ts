import { char, integer, pgEnum, pgTable, text, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { createdAt, id, updatedAt } from "./_columns";

export const organizationType = pgEnum("organization_type", ["school", "enterprise", "event"]);
export const organizationPlan = pgEnum("organization_plan", ["free", "basic", "professional", "enterprise"]);

export const organizations = pgTable(
  "organizations",
  {
    id: id(),
    name: text().notNull(),
    slug: text().notNull(),
    type: organizationType().notNull(),
    plan: organizationPlan().notNull().default("free"),
    timeZone: text().notNull(),
    /** ISO 3166 alpha-2 country used to read phone numbers typed without a country code. */
    defaultCountry: char({ length: 2 }).notNull().default("US"),
    /** BCP 47 tag of one of lib/i18n's locales: what participants and organizers see unless they chose otherwise. */
    language: text().notNull().default("en"),
    /** WhatsApp Cloud API phone number id; the access token and app secret stay in the environment. */
    whatsappPhoneNumberId: text(),
    /** Raw location points older than this are deleted by `purge-locations`; arrival outcomes are kept. */
    locationRetentionDays: integer().notNull().default(90),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("organizations_slug_key").on(t.slug),
    // A webhook names the business number it came to: that must lead to one organization.
    uniqueIndex("organizations_whatsapp_phone_number_id_key").on(t.whatsappPhoneNumberId),
  ],
);

/** The tenant column every organization-owned table starts with. */
export const organizationRef = () =>
  uuid()
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });
