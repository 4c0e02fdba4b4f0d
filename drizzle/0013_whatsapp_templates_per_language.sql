DROP INDEX "message_templates_org_kind_key";--> statement-breakpoint
ALTER TABLE "message_templates" ADD COLUMN "locale" text;--> statement-breakpoint
-- A template mapped before languages existed is the one for the organization's language (the fallback of every other).
UPDATE "message_templates" SET "locale" = "organizations"."language" FROM "organizations" WHERE "organizations"."id" = "message_templates"."organization_id";--> statement-breakpoint
ALTER TABLE "message_templates" ALTER COLUMN "locale" SET NOT NULL;--> statement-breakpoint
CREATE UNIQUE INDEX "message_templates_org_kind_locale_key" ON "message_templates" USING btree ("organization_id","kind","locale");
