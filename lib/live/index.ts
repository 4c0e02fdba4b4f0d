// The live domain's public face: other domains import only this file.
export { refreshEtas } from "./refresh-etas";
export { type EtaConfidence, type EtaMethod } from "./types";
export { listLatestPositions, listOccurrenceAttendances } from "./attendances";
