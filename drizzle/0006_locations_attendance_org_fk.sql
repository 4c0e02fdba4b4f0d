-- One composite foreign key on locations instead of two: (attendance_id, organization_id) → attendances(id, organization_id).
-- Each point still belongs to an existing attendance of its own organization (attendances.organization_id references
-- organizations), with one check per inserted row instead of two. The unique index it needs comes first.
CREATE UNIQUE INDEX "attendances_id_org_key" ON "attendances" USING btree ("id","organization_id");
--> statement-breakpoint
ALTER TABLE "locations" DROP CONSTRAINT "locations_organization_id_organizations_id_fk";
--> statement-breakpoint
ALTER TABLE "locations" DROP CONSTRAINT "locations_attendance_id_attendances_id_fk";
--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_attendance_org_fk" FOREIGN KEY ("attendance_id","organization_id") REFERENCES "public"."attendances"("id","organization_id") ON DELETE cascade ON UPDATE no action;
