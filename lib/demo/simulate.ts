import { randomInt } from "node:crypto";
import { isTravelling } from "@/lib/attendance";
import { env } from "@/lib/env";
import { AppError, problem } from "@/lib/errors";
import { logger } from "@/lib/logger";
import { getOccurrence } from "@/lib/occurrences";
import { instantToLocal } from "@/lib/recurrence";
import { assertCan, type OrgContext } from "@/lib/tenant";
import { issueTrackingLink } from "@/lib/tracking";
import { planJourneys } from "./paths";
import { claimSimulation, getSimulation } from "./registry";
import { runSimulation, type SimulationOptions, type SimTraveller } from "./runner";
import { DEMO_SPEED_FACTOR } from "./settings";

/** Enough for a lively map; the simulator posts one point per participant every three seconds. */
export const MAX_SIMULATED = 50;

export type SimulationStart = {
  alreadyRunning: boolean;
  participants: number;
  /** How many are planned to arrive after start + grace. */
  late: number;
  speedFactor: number;
};

/** The simulator writes made-up positions: only ever into the embedded mode's local demo data. */
export function assertEmbeddedMode(): void {
  if (env().mode !== "embedded") {
    throw new AppError("PRECONDITION_FAILED", problem("demo.simulatorEmbeddedOnly"));
  }
}

/**
 * Moves an occurrence's confirmed participants (or, when nobody has confirmed yet, those who have not answered)
 * toward the venue by posting made-up points to the app's own ingest API at `origin`. Each gets a fresh tracking
 * link, which replaces any earlier one. One simulation per occurrence: a second start while one runs changes nothing.
 */
export async function startOccurrenceSimulation(
  ctx: OrgContext,
  instanceId: string,
  options: { origin: string } & Pick<SimulationOptions, "intervalMs" | "timeScale">,
): Promise<SimulationStart> {
  assertEmbeddedMode();
  assertCan(ctx, "live.checkIn");
  const occurrence = await getOccurrence(ctx, instanceId);
  const now = new Date();
  assertTrackingOpen(occurrence, now);

  const key = `${ctx.org.id}:${occurrence.id}`;
  const claim = claimSimulation(key);
  if (!claim) {
    const running = getSimulation(key);
    return { alreadyRunning: true, participants: running?.participants ?? 0, late: 0, speedFactor: DEMO_SPEED_FACTOR };
  }
  try {
    const travelling = occurrence.attendances.filter((a) => !a.optedOutAt && isTravelling(a.journey));
    const confirmed = travelling.filter((a) => a.rsvp === "confirmed");
    const chosen = (confirmed.length > 0 ? confirmed : travelling.filter((a) => a.rsvp === "pending")).slice(0, MAX_SIMULATED);
    if (chosen.length === 0) {
      throw new AppError("PRECONDITION_FAILED", problem("demo.nobodyToSimulate"));
    }
    const { event } = occurrence;
    const seed = randomInt(2 ** 31);
    const journeys = planJourneys({
      venue: { lat: event.venueLat, lng: event.venueLng, radiusM: event.arrivalRadiusM },
      travelMode: event.travelMode,
      count: chosen.length,
      now,
      startsAt: occurrence.startsAt,
      lateGraceMinutes: event.lateGraceMinutes,
      seed,
    });
    const travellers: SimTraveller[] = [];
    for (const [i, attendance] of chosen.entries()) {
      const { token } = await issueTrackingLink(ctx, attendance.id);
      travellers.push({ attendanceId: attendance.id, token, journey: journeys[i]! });
    }
    const simulation = runSimulation({
      ...options,
      travellers,
      seed,
      reissueToken: async (attendanceId) => (await issueTrackingLink(ctx, attendanceId)).token,
    });
    claim.attach(simulation, travellers.length);
    const late = journeys.filter((j) => j.isLate).length;
    logger.info({ orgId: ctx.org.id, instanceId: occurrence.id, participants: travellers.length, late }, "demo simulation started");
    void simulation.done.then((summary) =>
      logger.info({ orgId: ctx.org.id, instanceId: occurrence.id, ...summary }, "demo simulation finished"),
    );
    return { alreadyRunning: false, participants: travellers.length, late, speedFactor: DEMO_SPEED_FACTOR };
  } catch (error) {
    claim.release();
    throw error;
  }
}

function assertTrackingOpen(
  occurrence: { status: string; trackingWindow: { validFrom: Date; validUntil: Date }; event: { timeZone: string } },
  now: Date,
): void {
  const { validFrom, validUntil } = occurrence.trackingWindow;
  if (occurrence.status === "cancelled") {
    throw new AppError("PRECONDITION_FAILED", problem("demo.cancelled"));
  }
  if (now < validFrom) {
    const opens = instantToLocal(validFrom, occurrence.event.timeZone).replace("T", " ");
    throw new AppError("PRECONDITION_FAILED", problem("demo.notOpenYet", { opens }));
  }
  if (now > validUntil) {
    throw new AppError("PRECONDITION_FAILED", problem("tracking.windowClosed"));
  }
}
