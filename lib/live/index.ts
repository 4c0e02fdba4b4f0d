// The live domain's public face: other domains import only this file.
export { refreshEtas } from "./refresh-etas";
export { type EtaConfidence, type EtaMethod, type LiveOccurrence, type LiveParticipant } from "./types";
export { initials } from "./derive";
export { loadLiveSubject } from "./snapshot";
export { listLatestPositions, listOccurrenceAttendances } from "./attendances";
