// The eta domain's public face: other domains import only this file.
export { estimateEtaAt, haversineM, type LatLng, type TravelMode } from "./estimate";
export { computeEta, etaFromFix, type Eta, lateness } from "./eta";
export { osrmDurations } from "./osrm";
export { speedFromMotion, type MotionSpeeds, type TrackFix } from "./speed";
export type { EtaConfidence, EtaMethod } from "./eta";
