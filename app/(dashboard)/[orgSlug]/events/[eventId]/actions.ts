"use server";

import { getTranslations } from "next-intl/server";
import { orgAction } from "@/lib/adapters";
import { regenerateEventFeed } from "@/lib/calendar";
import { EventFeedInput } from "@/lib/calendar/schemas";

export const regenerateEventFeedAction = orgAction({
  name: "regenerate-event-calendar-feed",
  input: EventFeedInput,
  capability: "events.write",
  revalidate: (input) => [`/events/${input.eventId}`],
}).run(async (ctx, input) => {
  await regenerateEventFeed(ctx, input);
  const t = await getTranslations("calendarFeeds");
  return { ok: true, message: t("regenerated") };
});
