import type { Simulation, SimulationSummary } from "./runner";

// One simulation per occurrence in this process. Kept on globalThis so a module reloaded in development (HMR) still
// sees the simulations its previous copy started, and a second click never starts a second flock.

type Entry = { simulation: Simulation | null; participants: number; startedAt: Date };
const KEY = Symbol.for("event-coming.demo.simulations");
const store = globalThis as typeof globalThis & { [KEY]?: Map<string, Entry> };

function runs(): Map<string, Entry> {
  store[KEY] ??= new Map();
  return store[KEY];
}

export type Claim = { attach(simulation: Simulation, participants: number): void; release(): void };

/**
 * Reserves the slot for `key` at once (before any await), or returns null while a simulation holds it. The caller
 * attaches the started simulation, or releases the slot when starting failed; a finished simulation frees it.
 */
export function claimSimulation(key: string): Claim | null {
  if (runs().has(key)) return null;
  const entry: Entry = { simulation: null, participants: 0, startedAt: new Date() };
  runs().set(key, entry);
  const release = () => {
    if (runs().get(key) === entry) runs().delete(key);
  };
  return {
    attach(simulation, participants) {
      entry.simulation = simulation;
      entry.participants = participants;
      void simulation.done.then(release);
    },
    release,
  };
}

export function getSimulation(key: string): { participants: number; startedAt: Date } | null {
  const entry = runs().get(key);
  return entry ? { participants: entry.participants, startedAt: entry.startedAt } : null;
}

/** Stops a running simulation; resolves with its summary, or null when none was running. */
export async function stopSimulation(key: string): Promise<SimulationSummary | null> {
  const simulation = runs().get(key)?.simulation;
  if (!simulation) return null;
  simulation.stop();
  return simulation.done;
}
