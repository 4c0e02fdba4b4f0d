// Runs once when a server process starts (not while `next build` prerenders).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { prepareServer } = await import("./lib/server/start");
  await prepareServer();
  const { env } = await import("./lib/env");
  if (env().jobRunner === "local") {
    const { startLocalRunner } = await import("./inngest/local-runner");
    const { scheduledJobs } = await import("./inngest/functions");
    startLocalRunner(scheduledJobs);
  }
}
