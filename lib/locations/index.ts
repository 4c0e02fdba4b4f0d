// The locations domain's public face: other domains import only this file.
export { ensureLocationPartitions } from "./partitions";
