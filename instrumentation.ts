// Runs once when a server process starts (not while `next build` prerenders).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/server/start");
  await startServer(async ({ jobRunner }) => {
    if (jobRunner !== "local") return;
    const { startLocalRunner } = await import("./inngest/local-runner");
    const { jobs } = await import("./lib/jobs");
    startLocalRunner(jobs);
  });
}
