// The tracking domain's public face: other domains import only this file.
export { readLatestFixes } from "./buffer";
export { readBufferStats, type BufferStats } from "./buffer-stats";
export { flushLocationBuffer } from "./flush";
export { issueTrackingLink, listTrackingLinkStatus, retimeTrackingLinks } from "./links";
export { announceLinkChange } from "./link-context";
export { unsafeLinkLocale } from "./link-locale";
export { purgeLocations } from "./purge";
export { type PointInput } from "./schemas";
export { listTrail, TrailInput } from "./trail";
