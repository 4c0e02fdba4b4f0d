ALTER TABLE "organizations" ADD COLUMN "language" text DEFAULT 'en' NOT NULL;--> statement-breakpoint
ALTER TABLE "users" ADD COLUMN "language" text;--> statement-breakpoint
ALTER TABLE "participants" ADD COLUMN "language" text;--> statement-breakpoint
-- Existing organizations speak their country's language where the app has it (lib/i18n/locales.ts, localeForCountry).
UPDATE "organizations" SET "language" = CASE
  WHEN "default_country" IN ('BR', 'PT', 'AO', 'MZ') THEN 'pt-BR'
  WHEN "default_country" IN ('ES', 'MX', 'AR', 'CO', 'CL', 'PE', 'VE', 'EC', 'GT', 'CU', 'BO', 'DO', 'HN', 'PY', 'SV', 'NI', 'CR', 'PA', 'UY', 'PR', 'GQ') THEN 'es'
  WHEN "default_country" IN ('DE', 'AT', 'CH', 'LI') THEN 'de'
  ELSE 'en'
END;
