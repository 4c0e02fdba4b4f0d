ALTER TABLE "attendances" ADD COLUMN "motion_fix_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "attendances" ADD COLUMN "motion_anchor" double precision[];--> statement-breakpoint
ALTER TABLE "attendances" ADD COLUMN "motion_pending" double precision[];--> statement-breakpoint
ALTER TABLE "attendances" ADD COLUMN "motion_segments" double precision[];--> statement-breakpoint
ALTER TABLE "attendances" ADD COLUMN "motion_reported" double precision[];--> statement-breakpoint
ALTER TABLE "attendances" ADD COLUMN "motion_speed_mps" real;--> statement-breakpoint
ALTER TABLE "attendances" ADD COLUMN "motion_device_mps" real;--> statement-breakpoint
ALTER TABLE "attendances" ADD COLUMN "motion_heading_deg" real;--> statement-breakpoint
-- Points move each traveller's row on every batch and the ETA refresh every few seconds: room on each page keeps those
-- updates HOT (no new index entries in the five indexes; measured 8× cheaper for the refresh's UPDATE). Applies to pages
-- written from now on; VACUUM FULL attendances (a lock, at a quiet moment) applies it to the existing ones.
ALTER TABLE "attendances" SET (fillfactor = 50);--> statement-breakpoint
-- Advances an attendance's motion state by the fixes of one statement (ts: epoch milliseconds, in time order; p_newest:
-- the newest of them as stored), the incremental counterpart of lib/eta/speed.ts: a segment runs from the anchor fix to
-- the first later fix that is at least 20 s later and farther away than GPS noise explains (twice the sum of the
-- accuracies, at least 5 m); that fix becomes the next anchor once the fix after it shows it was no jump (it is not
-- back near the anchor, and the path through it is no detour noise cannot explain). The speed is the median of the last
-- twelve segments of the five minutes up to the newest fix; the device speed the median of the reported speeds of the
-- same window. A fix not newer than p_fix_at (late from an offline queue, or a duplicate) changes nothing: the state
-- follows the newest fix. When the state is not in step with the attendance's latest fix (p_fix_at distinct from
-- p_last_fix_at: never built, or points stored by other means) it is returned unchanged, and the ETA refresh rebuilds
-- it from the track (lib/live/refresh-etas.ts).
CREATE OR REPLACE FUNCTION motion_advance(
	p_last_fix_at timestamptz, p_fix_at timestamptz, p_anchor float8[], p_pending float8[], p_segments float8[],
	p_reported float8[], p_speed real, p_device real, p_heading real,
	p_newest timestamptz, ts float8[], las float8[], lns float8[], acs float8[], sps float8[],
	OUT fix_at timestamptz, OUT anchor float8[], OUT pending float8[], OUT segments float8[], OUT reported float8[],
	OUT speed_mps real, OUT device_mps real, OUT heading_deg real)
LANGUAGE plpgsql IMMUTABLE PARALLEL SAFE AS $$
DECLARE
	m_per_deg constant float8 := 111195.0802;
	win constant float8 := 300000;
	keep constant int := 12;
	newest float8 := extract(epoch from p_fix_at) * 1000;
	f float8[];
	n int;
	i int;
	d float8;
	px float8;
	py float8;
	fx float8;
	fy float8;
	cos_lat float8;
BEGIN
	fix_at := p_fix_at; anchor := p_anchor; pending := p_pending; heading_deg := p_heading;
	speed_mps := p_speed; device_mps := p_device;
	segments := coalesce(p_segments, '{}'); reported := coalesce(p_reported, '{}');
	IF p_fix_at IS DISTINCT FROM p_last_fix_at THEN
		RETURN;
	END IF;
	FOR i IN 1 .. coalesce(array_length(ts, 1), 0) LOOP
		CONTINUE WHEN ts[i] IS NULL OR ts[i] <= newest;
		newest := ts[i];
		IF sps[i] >= 0 THEN reported := reported || ARRAY[ts[i], sps[i]]; END IF;
		CONTINUE WHEN NOT (acs[i] > 0 AND acs[i] <= 100) OR las[i] IS NULL OR lns[i] IS NULL;
		f := ARRAY[ts[i], las[i], lns[i], acs[i]];
		IF anchor IS NULL OR f[1] - anchor[1] > win THEN
			anchor := f; pending := NULL;
			CONTINUE;
		END IF;
		-- Local metres around the anchor.
		cos_lat := cos(radians(anchor[2]));
		fx := (f[3] - anchor[3]) * cos_lat * m_per_deg; fy := (f[2] - anchor[2]) * m_per_deg;
		IF pending IS NOT NULL THEN
			px := (pending[3] - anchor[3]) * cos_lat * m_per_deg; py := (pending[2] - anchor[2]) * m_per_deg;
			d := sqrt(fx * fx + fy * fy);
			IF d <= greatest(5, 2 * (anchor[4] + f[4]))
				OR sqrt(px * px + py * py) + sqrt((fx - px) ^ 2 + (fy - py) ^ 2) - d > greatest(5, 2 * (pending[4] + f[4])) THEN
				pending := NULL; -- the fix jumped, the person did not
			ELSE
				segments := segments || ARRAY[pending[1], sqrt(px * px + py * py) * 1000 / (pending[1] - anchor[1])];
				heading_deg := (degrees(atan2(px, py)) + 360)::numeric % 360;
				anchor := pending; pending := NULL;
				cos_lat := cos(radians(anchor[2]));
				fx := (f[3] - anchor[3]) * cos_lat * m_per_deg; fy := (f[2] - anchor[2]) * m_per_deg;
			END IF;
		END IF;
		IF f[1] - anchor[1] >= 20000 AND sqrt(fx * fx + fy * fy) > greatest(5, 2 * (anchor[4] + f[4])) THEN
			pending := f;
		END IF;
	END LOOP;
	fix_at := greatest(p_fix_at, p_newest);
	-- The window and the cap, in whole pairs, newest last.
	SELECT coalesce(array_agg(v ORDER BY k), '{}') INTO segments FROM (
		SELECT k, v FROM unnest(segments) WITH ORDINALITY AS u(v, k)
		WHERE segments[k - (k + 1) % 2] >= newest - win ORDER BY k DESC LIMIT 2 * keep) s;
	SELECT coalesce(array_agg(v ORDER BY k), '{}') INTO reported FROM (
		SELECT k, v FROM unnest(reported) WITH ORDINALITY AS u(v, k)
		WHERE reported[k - (k + 1) % 2] >= newest - win ORDER BY k DESC LIMIT 2 * keep) s;
	n := coalesce(array_length(segments, 1), 0) / 2;
	speed_mps := NULL;
	IF n >= 2 THEN
		SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY segments[2 * k]) INTO speed_mps FROM generate_series(1, n) k;
	END IF;
	device_mps := NULL;
	IF coalesce(array_length(reported, 1), 0) > 0 THEN
		SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY reported[2 * k]) INTO device_mps
		FROM generate_series(1, array_length(reported, 1) / 2) k;
	END IF;
END $$;
