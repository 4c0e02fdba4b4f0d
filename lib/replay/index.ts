// The replay domain's public face: other domains import only this file.
export { DEFAULT_REPLAY_ZOOM, getReplay, ReplayInput } from "./replay";
export { positionAt, REPLAY_STATUSES, replayAt, type ReplayMoment, type ReplayStatus } from "./state";
export { thinTrail, toleranceForZoom, type TrailPoint } from "./thin";
export type { Replay, ReplayParticipant, ReplayResult, ReplayUnavailable } from "./types";
