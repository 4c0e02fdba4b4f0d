// Client-safe: the demo buttons describe what the simulator does with the same numbers it uses.

/** Demo time runs this much faster than real time, so a newcomer sees arrivals within minutes. */
export const DEMO_SPEED_FACTOR = 3;
/** People a live demo puts on its roster, taken from the organization's participant list. */
export const LIVE_DEMO_PARTICIPANTS = 8;
/** How far ahead the live demo's occurrence starts. */
export const LIVE_DEMO_STARTS_IN_MINUTES = 20;
