// Runs once when a server process starts (not while `next build` prerenders).
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs" || process.env.NEXT_PHASE === "phase-production-build") return;
  const { startServer } = await import("./lib/server/start");
  await startServer(async ({ jobRunner }) => {
    const { wireWebhookKick } = await import("./inngest/webhook-kick");
    if (jobRunner !== "local") {
      const { inngest } = await import("./inngest/client");
      wireWebhookKick((events) => inngest.send(events));
      return;
    }
    const { startLocalRunner } = await import("./inngest/local-runner");
    const { jobLockForThisProcess, jobs } = await import("./lib/jobs");
    const runner = startLocalRunner(jobs, { lock: jobLockForThisProcess() });
    wireWebhookKick((events) => runner.send(events));
  });
}
