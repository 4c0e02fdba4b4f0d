// The metrics domain's public face: the one registry with its metric objects (registry.ts), and a helper that counts
// job runs. The text /api/metrics serves is rendered by lib/health/metrics.ts, which reads scrape-time values (the
// Redis buffer) from the domains that own them. traces.ts is not exported here: instrumentation.ts loads it only
// when a collector is configured.
export { metrics, type Metrics } from "./registry";
export { countJobRun } from "./observe";
