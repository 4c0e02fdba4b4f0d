import { and, asc, eq, gt, or, sql, type AnyColumn, type SQL } from "drizzle-orm";
import { z } from "zod";
import { fieldError, problem } from "@/lib/errors";

/**
 * Keyset pagination over (a timestamp, id), ascending: the cursor names the last row of a page, and the next page is
 * every row after it. Rows inserted meanwhile land after the rows already read (creation time) or in their place by
 * the key, so no row is missed or repeated, unlike OFFSET. The timestamp travels as text with microseconds: a
 * JavaScript Date would cut them, and rows created in the same millisecond would be skipped.
 */
export const PageInput = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(200).optional(),
});
export type PageInput = z.input<typeof PageInput>;

export type Page<T> = { data: T[]; nextCursor: string | null };

type Position = { at: string; id: string };

const CursorPosition = z.object({ at: z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/), id: z.uuid() });

function encodeCursor(position: Position): string {
  return Buffer.from(JSON.stringify([position.at, position.id])).toString("base64url");
}

function decodeCursor(cursor: string): Position {
  try {
    const [at, id] = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")) as [unknown, unknown];
    return CursorPosition.parse({ at, id });
  } catch {
    throw fieldError("VALIDATION", "cursor", problem("api.cursor"));
  }
}

/** The select expression giving each row's position (select it as `cursorAt`). */
export function cursorAt(at: AnyColumn): SQL<string> {
  return sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;
}

/** The WHERE condition for rows after the cursor (undefined for the first page). */
export function afterCursor(at: AnyColumn, id: AnyColumn, cursor: string | undefined): SQL | undefined {
  if (!cursor) return undefined;
  const position = decodeCursor(cursor);
  const instant = sql`${position.at}::timestamptz`;
  return or(gt(at, instant), and(eq(at, instant), gt(id, position.id)));
}

/** The order the cursor follows. */
export function cursorOrder(at: AnyColumn, id: AnyColumn): SQL[] {
  return [asc(at), asc(id)];
}

/**
 * Rows fetched with `limit + 1` → the page and the cursor of its last row (null when nothing follows). `cursorAt` is
 * taken off each row.
 */
export function toPage<T extends { id: string; cursorAt: string }>(rows: T[], limit: number): Page<Omit<T, "cursorAt">> {
  const more = rows.length > limit;
  const pageRows = more ? rows.slice(0, limit) : rows;
  const last = pageRows.at(-1);
  return {
    data: pageRows.map(({ cursorAt: _at, ...row }) => row),
    nextCursor: more && last ? encodeCursor({ at: last.cursorAt, id: last.id }) : null,
  };
}
