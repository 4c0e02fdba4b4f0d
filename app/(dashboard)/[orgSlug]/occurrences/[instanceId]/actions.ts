"use server";

import { z } from "zod";
import { appUrl } from "@/lib/http";
import { orgAction } from "@/lib/adapters";
import { setRsvpByStaff } from "@/lib/attendance";
import { checkInManually, undoCheckIn } from "@/lib/attendance";
import { issueTrackingLink } from "@/lib/tracking/links";

/** Every form of an attendance row (the occurrence page and the live map) posts the row's ids. */
const AttendanceForm = z.object({ instanceId: z.string(), attendanceId: z.string() });
const attendance = { input: AttendanceForm, capability: "live.checkIn", revalidate: ({ instanceId }: { instanceId: string }) => [`/occurrences/${instanceId}`] } as const;

/** The full link exists only in this answer: the database keeps a hash of its token. */
export const issueTrackingLinkAction = orgAction({ name: "issue-tracking-link", ...attendance }).run(async (ctx, { attendanceId }) => {
  const link = await issueTrackingLink(ctx, attendanceId);
  return { ok: true, data: { url: `${appUrl()}${link.path}`, validUntil: link.validUntil.toISOString() } };
});

/** Now, or (once the occurrence is over) at the form's `date` + `time`, in the event's zone. */
export const checkInAction = orgAction({
  name: "check-in-manually",
  ...attendance,
  input: AttendanceForm.extend({ date: z.string().optional(), time: z.string().optional() }),
}).run(async (ctx, { attendanceId, date, time }) => {
  const arrivedAtLocal = date !== undefined && time !== undefined ? `${date}T${time}` : undefined;
  await checkInManually(ctx, attendanceId, { arrivedAtLocal });
});

export const undoCheckInAction = orgAction({ name: "undo-check-in", ...attendance }).run(async (ctx, { attendanceId }) => {
  await undoCheckIn(ctx, attendanceId);
});

/** An answer given by phone or in person: the form's `rsvp`. */
export const setRsvpAction = orgAction({
  name: "set-rsvp",
  ...attendance,
  input: AttendanceForm.extend({ rsvp: z.string().default("") }),
}).run(async (ctx, { attendanceId, rsvp }) => {
  await setRsvpByStaff(ctx, attendanceId, { rsvp });
});
