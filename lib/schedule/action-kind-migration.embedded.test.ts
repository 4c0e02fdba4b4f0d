import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite, type DatabaseHandle } from "@/db/client";
import { migrationsBefore, removeMigrationFolders } from "@/test/migrations";

// A database of its own (the embedded engine, in memory: the shared test database is migrated already), migrated to
// just before the rename, then to the end as a deploy or the embedded start-up would.
let handle: DatabaseHandle | undefined;

afterAll(async () => {
  await handle?.close();
  removeMigrationFolders();
});

describe("migration 0011: the tracking-link action's new name", () => {
  it("keeps the scheduled actions that existed under location_request, now called tracking_link", { timeout: 120_000 }, async () => {
    handle = openPglite();
    const { db } = handle;
    await migrate(db, { migrationsFolder: migrationsBefore("0011_scheduled_action_tracking_link") });

    const [org] = await db.execute<{ id: string }>(sql`
      insert into organizations (name, slug, type, time_zone) values ('Old', 'old', 'school', 'Europe/Berlin') returning id`);
    const [event] = await db.execute<{ id: string }>(sql`
      insert into events (organization_id, kind, title, venue_name, venue_lat, venue_lng, time_zone, dtstart_local)
      values (${org!.id}, 'demand', 'Trip', 'Gate', 52.5, 13.4, 'Europe/Berlin', '2030-01-07 07:30') returning id`);
    const [instance] = await db.execute<{ id: string }>(sql`
      insert into event_instances (organization_id, event_id, rule_starts_at, starts_at, ends_at)
      values (${org!.id}, ${event!.id}, '2030-01-07T06:30Z', '2030-01-07T06:30Z', '2030-01-07T07:30Z') returning id`);
    const inserted = await db.execute<{ id: string; action: string }>(sql`
      insert into scheduled_actions (organization_id, instance_id, action, due_at, status, attempts, last_error)
      values (${org!.id}, ${instance!.id}, 'location_request', '2030-01-07T05:30Z', 'done', 2, 'sent late'),
             (${org!.id}, ${instance!.id}, 'reminder', '2030-01-07T04:30Z', 'pending', 0, null)
      returning id, action`);

    await migrate(db, { migrationsFolder: path.join(process.cwd(), "drizzle") });

    const rows = await db.execute<{ id: string; action: string; status: string; attempts: number; last_error: string | null }>(sql`
      select id, action, status, attempts, last_error from scheduled_actions order by due_at desc`);
    expect(rows).toEqual([
      { id: inserted[0]!.id, action: "tracking_link", status: "done", attempts: 2, last_error: "sent late" },
      { id: inserted[1]!.id, action: "reminder", status: "pending", attempts: 0, last_error: null },
    ]);
    const kinds = await db.execute<{ kind: string }>(sql`select unnest(enum_range(null::scheduled_action_kind))::text as kind`);
    expect(kinds.map((k) => k.kind)).toEqual(["confirmation", "reminder", "tracking_link", "closure"]);
  });
});
