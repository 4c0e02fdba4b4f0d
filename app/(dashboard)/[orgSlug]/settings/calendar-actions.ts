"use server";

import { getTranslations } from "next-intl/server";
import { orgAction } from "@/lib/adapters";
import { regenerateOrganizationFeed } from "@/lib/calendar";

export const regenerateOrganizationFeedAction = orgAction({
  name: "regenerate-organization-calendar-feed",
  capability: "events.write",
  revalidate: ["/settings"],
}).run(async (ctx) => {
  await regenerateOrganizationFeed(ctx);
  const t = await getTranslations("calendarFeeds");
  return { ok: true, message: t("regenerated") };
});
