// The eta domain's public face: other domains import only this file.
export { estimateEtaAt, haversineM, type LatLng, type TravelMode } from "./estimate";
export { computeEta, type Eta, lateness } from "./eta";
export { osrmDurations } from "./osrm";
export { type TrackFix } from "./speed";
export type { EtaConfidence, EtaMethod } from "./eta";
