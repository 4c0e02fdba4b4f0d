"use server";

import { getTranslations } from "next-intl/server";
import { z } from "zod";
import { startLiveDemo } from "@/lib/demo/live-demo";
import { startOccurrenceSimulation } from "@/lib/demo/simulate";
import { loopbackUrl } from "@/lib/http";
import { orgAction } from "@/lib/adapters";

// Embedded mode only: the domain says so first, then checks the role. The simulator posts to this app's own ingest
// API at loopbackUrl().

export const simulateApproachAction = orgAction({
  name: "simulate-approach",
  input: z.object({ instanceId: z.string() }),
  revalidate: ({ instanceId }) => [`/occurrences/${instanceId}`],
}).run(async (ctx, { instanceId }) => {
  const started = await startOccurrenceSimulation(ctx, instanceId, { origin: loopbackUrl() });
  const t = await getTranslations("demo.simulate");
  if (started.alreadyRunning) return { ok: true, message: t("alreadyRunning", { count: started.participants }) };
  return { ok: true, message: t("started", { count: started.participants, speed: started.speedFactor, late: started.late }) };
});

export const startLiveDemoAction = orgAction({ name: "start-live-demo" }).run(async (ctx) => {
  const demo = await startLiveDemo(ctx, { origin: loopbackUrl() });
  return { redirect: `/${ctx.org.slug}/occurrences/${demo.instanceId}/live` };
});
