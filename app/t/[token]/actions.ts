"use server";

import { z } from "zod";
import { publicAction } from "@/lib/adapters";
import { ChooseLanguageInput, chooseLinkLanguage } from "@/lib/tracking/link-language";
import { stopSharing } from "@/lib/tracking/links";

/** The participant's Stop button. The token is the only credential: a wrong one just answers "unknown". */
export const stopSharingAction = publicAction({ name: "stop-sharing", input: z.object({ token: z.string() }) }).run(async ({ token }) => {
  const view = await stopSharing(token);
  return { ok: true, data: { state: view.state, arrivedAt: view.state === "unknown" ? null : view.arrivedAt } };
});

/** The page's language switch: stores the participant's language (the page then re-renders in it). */
export const chooseLanguageAction = publicAction({
  name: "choose-language",
  input: ChooseLanguageInput.extend({ token: z.string() }),
}).run(async ({ token, language }) => ({ ok: true, data: { language: await chooseLinkLanguage(token, { language }) } }));
