// The metrics domain's public face: the one registry and its metric objects (registry.ts), and a helper that counts job runs. The text /api/metrics serves is rendered by lib/health/metrics.ts, which reads scrape-time
// values (the Redis buffer) from the domains that own them.
export { metrics, type Metrics } from "./registry";
export { countJobRun } from "./observe";
