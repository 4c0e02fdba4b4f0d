-- locations becomes a table range-partitioned by recorded_at with one partition per UTC day.
-- drizzle-kit cannot express partitioning, so the generated plain table is replaced here (it is empty at this point).
-- Columns, keys and indexes are those of db/schema/tracking.ts, so later generated migrations still diff correctly.
DROP TABLE "locations";
--> statement-breakpoint
CREATE TABLE "locations" (
	"organization_id" uuid NOT NULL,
	"attendance_id" uuid NOT NULL,
	"recorded_at" timestamp with time zone NOT NULL,
	"received_at" timestamp with time zone DEFAULT now() NOT NULL,
	"lat" double precision NOT NULL,
	"lng" double precision NOT NULL,
	"accuracy_m" real NOT NULL,
	"altitude_m" real,
	"speed_mps" real,
	"heading_deg" real,
	"source" "location_source" DEFAULT 'browser' NOT NULL,
	CONSTRAINT "locations_pkey" PRIMARY KEY("attendance_id","recorded_at")
) PARTITION BY RANGE ("recorded_at");
--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_organization_id_organizations_id_fk" FOREIGN KEY ("organization_id") REFERENCES "public"."organizations"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
ALTER TABLE "locations" ADD CONSTRAINT "locations_attendance_id_attendances_id_fk" FOREIGN KEY ("attendance_id") REFERENCES "public"."attendances"("id") ON DELETE cascade ON UPDATE no action;
--> statement-breakpoint
CREATE INDEX "locations_org_idx" ON "locations" USING btree ("organization_id");
--> statement-breakpoint
CREATE INDEX "locations_recorded_at_brin" ON "locations" USING brin ("recorded_at");
--> statement-breakpoint
-- A point for a day whose partition does not exist yet lands here instead of being refused.
CREATE TABLE "locations_default" PARTITION OF "locations" DEFAULT;
--> statement-breakpoint
-- Creates the daily partitions for [p_from, p_to] that are missing and returns how many it created.
-- Rows already sitting in the default partition for such a day are moved into the new partition first,
-- so the ATTACH never fails and no point is lost. Serialized by an advisory lock, so concurrent callers are safe.
CREATE OR REPLACE FUNCTION ec_ensure_location_partitions(p_from date, p_to date) RETURNS integer
LANGUAGE plpgsql AS $$
DECLARE
	d date := p_from;
	lo timestamptz;
	hi timestamptz;
	part text;
	created integer := 0;
BEGIN
	PERFORM pg_advisory_xact_lock(hashtext('ec_ensure_location_partitions'));
	WHILE d <= p_to LOOP
		part := 'locations_p' || to_char(d, 'YYYYMMDD');
		IF to_regclass(part) IS NULL THEN
			lo := d::timestamp AT TIME ZONE 'UTC';
			hi := lo + interval '1 day';
			EXECUTE format('CREATE TABLE %I (LIKE "locations" INCLUDING DEFAULTS INCLUDING CONSTRAINTS)', part);
			EXECUTE format(
				'WITH moved AS (DELETE FROM "locations_default" WHERE "recorded_at" >= %L AND "recorded_at" < %L RETURNING *) '
				'INSERT INTO %I SELECT * FROM moved', lo, hi, part);
			EXECUTE format('ALTER TABLE "locations" ATTACH PARTITION %I FOR VALUES FROM (%L) TO (%L)', part, lo, hi);
			created := created + 1;
		END IF;
		d := d + 1;
	END LOOP;
	RETURN created;
END
$$;
--> statement-breakpoint
SELECT ec_ensure_location_partitions((now() AT TIME ZONE 'UTC')::date - 1, (now() AT TIME ZONE 'UTC')::date + 14);
