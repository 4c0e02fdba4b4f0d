import { getDb, type Executor } from "@/lib/database";
import { recordLinkPositions, type LinkPositions, type LinkPositionsOutcome } from "@/lib/attendance";
import { coalesce } from "@/lib/utils";

/**
 * The no-Redis path: stores one request's points and moves its attendance on (lib/attendance records them), unless
 * the link or attendance stopped taking points meanwhile (a stop, a re-issue or an arrival in another process is
 * honoured). Requests arriving while a write runs are written together by the next one (group commit): one statement
 * and one commit for many phones. With an explicit `db` (a test's or a transaction's) the request is written on its
 * own, at once.
 */
export function storePointsDirect(
  link: LinkPositions["link"],
  points: LinkPositions["points"],
  latest: LinkPositions["latest"],
  db?: Executor,
): Promise<LinkPositionsOutcome> {
  if (db) return recordLinkPositions([{ link, points, latest }], db).then(([write]) => write!);
  directWriter ??= coalesce<LinkPositions, LinkPositionsOutcome>({
    // One statement at a time: requests pile up meanwhile and go together (≈ 20 per statement under load), which
    // measured better than two smaller statements in parallel, and one writer per process cannot deadlock itself.
    maxInFlight: 1,
    maxBatch: 200,
    run: async (batch) => {
      try {
        return (await recordLinkPositions(batch, getDb())).map((value) => ({ ok: true, value }));
      } catch (error) {
        if (batch.length === 1) throw error;
        // Whatever went wrong (a deadlock with another server, a row that vanished), one request must not fail the
        // others: each is tried again on its own.
        const alone = await Promise.allSettled(batch.map((request) => recordLinkPositions([request], getDb())));
        return alone.map((s) => (s.status === "fulfilled" ? { ok: true, value: s.value[0]! } : { ok: false, error: s.reason }));
      }
    },
  });
  return directWriter({ link, points, latest });
}

let directWriter: ((request: LinkPositions) => Promise<LinkPositionsOutcome>) | undefined;
