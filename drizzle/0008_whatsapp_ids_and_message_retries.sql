ALTER TABLE "participants" ADD COLUMN "whatsapp_id" text;--> statement-breakpoint
ALTER TABLE "scheduled_actions" ADD COLUMN "retry_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "attempts" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "messages" ADD COLUMN "retry_at" timestamp with time zone;--> statement-breakpoint
CREATE INDEX "participants_org_whatsapp_id_idx" ON "participants" USING btree ("organization_id","whatsapp_id");