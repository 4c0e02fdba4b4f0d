import { sql, type SQL, type SQLWrapper } from "drizzle-orm";
import { z } from "zod";

// Keyset ("cursor") pagination over a (timestamp, id) order. The position keeps the timestamp as PostgreSQL's exact
// text (microseconds): a JS Date has milliseconds only, and rows written in the same millisecond would be skipped
// or repeated if the position were rounded. Rows inserted between two pages never move a row already read.

export const KeysetPosition = z.object({
  at: z.iso.datetime({ offset: false, precision: 6 }),
  id: z.uuid(),
});
export type KeysetPosition = z.infer<typeof KeysetPosition>;

/** The column as the exact text a position carries ("2026-12-07T11:32:40.123456Z"). */
export function keysetAt(column: SQLWrapper): SQL<string> {
  return sql<string>`to_char(${column} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** Rows strictly after `position` in the order (at, id) ascending, or strictly before it for a descending order. */
export function keysetAfter(at: SQLWrapper, id: SQLWrapper, position: KeysetPosition, order: "asc" | "desc"): SQL {
  const operator = order === "asc" ? sql`>` : sql`<`;
  return sql`(${at}, ${id}) ${operator} (${position.at}::timestamptz, ${position.id}::uuid)`;
}

export type Page<T> = { items: T[]; next: KeysetPosition | null };

/** Rows read with `limit + 1` as one page: the extra row only says whether another page follows. */
export function toPage<T extends { id: string; cursorAt: string }>(rows: T[], limit: number): Page<Omit<T, "cursorAt">> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  const next = rows.length > limit && last ? { at: last.cursorAt, id: last.id } : null;
  return { items: items.map(({ cursorAt: _, ...item }) => item), next };
}
