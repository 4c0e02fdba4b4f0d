"use server";

import { z } from "zod";
import { publicAction } from "@/lib/adapters";
import { stopSharing } from "@/lib/tracking/links";

/** The participant's Stop button. The token is the only credential: a wrong one just answers "unknown". */
export const stopSharingAction = publicAction({ name: "stop-sharing", input: z.object({ token: z.string() }) }).run(async ({ token }) => {
  const view = await stopSharing(token);
  return { ok: true, data: { state: view.state, arrivedAt: view.state === "unknown" ? null : view.arrivedAt } };
});
