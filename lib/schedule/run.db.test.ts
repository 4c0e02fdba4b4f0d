import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { connectTestDatabase, rejection } from "@/test/database";
import { startFakeGraphApiForTests, type FakeGraphRequest } from "@/test/fakes/graph-api-server";

// The Cloud API transport against a loopback fake of the Graph API. Settings are read once per process, so they are
// set before anything reads them.
connectTestDatabase();
const graph = await startFakeGraphApiForTests();

const { eq } = await import("drizzle-orm");
const { getDb, schema } = await import("@/lib/database");
const { decodeReplyPayload } = await import("@/lib/whatsapp/webhook/reply-payload");
const { replyPayloadSecret } = await import("@/lib/whatsapp/secrets");
const { getTrackingPage, issueTrackingLink } = await import("@/lib/tracking/links");
const { scheduleActionsForInstance } = await import("./schedule-actions");
const { getOccurrenceTimeline } = await import("@/lib/occurrences/timeline");
const { systemContext } = await import("@/lib/tenant/context");
const { createParticipantOnRoster } = await import("@/lib/participants/participants");
const { cancelOccurrence } = await import("@/lib/occurrences/occurrences");
const { scheduledActionDependencies } = await import("@/lib/jobs/scheduled-actions");
const { RetryLaterError, runScheduledAction } = await import("./index");
const { given, randomPhone } = await import("@/test/given");
const { actionRow, attendanceOf, createAction, messagesOf, okWithUniqueWamid, setRunning } = await import("@/test/schedule");

afterAll(() => graph.close());
beforeEach(() => graph.setBehaviour(okWithUniqueWamid()));

const viaWhatsApp = scheduledActionDependencies;
const fast = { ...viaWhatsApp, sendsPerSecond: 1000 };
const sentTo = (phone: string, since = 0) => graph.requests.slice(since).filter((r) => (r.body as { to?: string }).to === phone);
type Template = { name: string; language: { code: string }; components: { type: string; sub_type?: string; parameters: { payload?: string; text?: string }[] }[] };
const templateOf = (request: FakeGraphRequest) => (request.body as { template: Template }).template;

describe("run-scheduled-action: who gets what", () => {
  it("confirmation: asks those who have not answered, skips the opted-out, and picks template or buttons by the 24-hour window", async () => {
    const f = await given.org({ whatsapp: true }).event({ title: "Confirm trip" }).occurrence().people([
      { name: "Ada", rsvp: "pending" },
      { name: "Ben", rsvp: "pending", wroteHoursAgo: 2 },
      { name: "Cem", rsvp: "pending", wroteHoursAgo: 25 },
      { name: "Dora", rsvp: "pending", optedOut: true },
      { name: "Eve", rsvp: "confirmed" },
      { name: "Finn", rsvp: "declined" },
    ]).action("confirmation");
    const { ref } = f.action;
    const before = graph.requests.length;

    const summary = await runScheduledAction(ref, new Date(), fast);

    expect(summary).toMatchObject({ outcome: "done", recipients: 3, sent: 3, failed: 0 });
    const requests = graph.requests.slice(before);
    expect(requests.map((r) => r.path)).toEqual(Array(3).fill(`/v23.0/${f.org.whatsappPhoneNumberId}/messages`));
    expect(requests.map((r) => (r.body as { to: string }).to).sort()).toEqual(
      ["Ada", "Ben", "Cem"].map((n) => f.byName(n).participant.phone).sort(),
    );
    // Outside the window (never wrote, or 25 h ago): the approved template with signed Confirm/Decline/Stop payloads.
    const ada = f.byName("Ada");
    const adaTemplate = templateOf(sentTo(ada.participant.phone, before)[0]!);
    expect(adaTemplate).toMatchObject({ name: "event_confirmation", language: { code: "en" } });
    expect(adaTemplate.components[0]).toMatchObject({ type: "body", parameters: [{ text: "Ada" }, { text: "Confirm trip" }, {}, { text: "Main gate" }] });
    const payloads = adaTemplate.components.filter((c) => c.sub_type === "quick_reply").map((c) => c.parameters[0]!.payload!);
    expect(payloads.map((p) => decodeReplyPayload(replyPayloadSecret(), p))).toEqual([
      { type: "rsvp", response: "confirm", attendanceId: ada.attendance.id },
      { type: "rsvp", response: "decline", attendanceId: ada.attendance.id },
      { type: "optout", participantId: ada.participant.id },
    ]);
    expect((sentTo(f.byName("Cem").participant.phone, before)[0]!.body as { type: string }).type).toBe("template");
    // Inside the window (wrote 2 h ago): free-form reply buttons.
    const ben = f.byName("Ben");
    const benBody = sentTo(ben.participant.phone, before)[0]!.body as {
      type: string;
      interactive: { type: string; action: { buttons: { reply: { id: string; title: string } }[] } };
    };
    expect(benBody.type).toBe("interactive");
    expect(benBody.interactive.action.buttons.map((b) => b.reply.title)).toEqual(["Confirm", "Decline", "Stop messages"]);
    expect(decodeReplyPayload(replyPayloadSecret(), benBody.interactive.action.buttons[0]!.reply.id)).toEqual({
      type: "rsvp",
      response: "confirm",
      attendanceId: ben.attendance.id,
    });

    const rows = await messagesOf(ref.actionId);
    expect(rows).toHaveLength(3);
    for (const row of rows) {
      expect(row).toMatchObject({ organizationId: f.org.id, direction: "outbound", kind: "confirmation", status: "sent", instanceId: f.instance.id });
      expect(row.wamid).toMatch(/^wamid\.test\./);
      expect(row.idempotencyKey).toBe(`${ref.actionId}:${row.participantId}`);
      expect(row.statusHistory).toEqual([{ status: "sent", at: expect.any(String) }]);
    }
    expect(rows.find((r) => r.participantId === ben.participant.id)!.type).toBe("interactive");
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "done", note: null, completedAt: expect.any(Date) });
  });

  it("reminder: only confirmed people; a text inside the window, the configured template outside it", async () => {
    const f = await given.org({ whatsapp: true }).event({ title: "Remind trip" }).occurrence().people([
      { name: "Ada", rsvp: "confirmed" },
      { name: "Ben", rsvp: "confirmed", wroteHoursAgo: 1 },
      { name: "Cem", rsvp: "pending" },
      { name: "Dora", rsvp: "confirmed", optedOut: true },
      { name: "Eve", rsvp: "declined" },
    ]);
    await getDb().insert(schema.messageTemplates).values({ organizationId: f.org.id, kind: "reminder", locale: "en", templateName: "schul_erinnerung", language: "de" });
    const { ref } = await createAction(f.org.id, f.instance.id, "reminder");
    const before = graph.requests.length;

    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "done", recipients: 2, sent: 2 });
    expect(graph.requests.length - before).toBe(2);
    expect(templateOf(sentTo(f.byName("Ada").participant.phone, before)[0]!)).toMatchObject({ name: "schul_erinnerung", language: { code: "de" } });
    const ben = sentTo(f.byName("Ben").participant.phone, before)[0]!.body as { type: string; text: { body: string } };
    expect(ben.type).toBe("text");
    expect(ben.text.body).toContain("Remind trip");
  });

  it("tracking link: confirmed people get a working link, as a URL button outside the window and a full URL inside it", async () => {
    const f = await given.org({ whatsapp: true }).occurrence({ startsInMinutes: 50 }).people([
      { name: "Ada", rsvp: "confirmed" },
      { name: "Ben", rsvp: "confirmed", wroteHoursAgo: 3 },
      { name: "Cem", rsvp: "pending" },
    ]).action("tracking_link");
    const { ref } = f.action;
    const before = graph.requests.length;

    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "done", recipients: 2, sent: 2 });
    const ada = templateOf(sentTo(f.byName("Ada").participant.phone, before)[0]!);
    expect(ada.name).toBe("event_tracking_link");
    const suffix = ada.components.find((c) => c.sub_type === "url")!.parameters[0]!.text!;
    expect(await getTrackingPage(suffix, { recordOpen: false })).toMatchObject({ state: "open", participantName: "Ada" });

    const benText = (sentTo(f.byName("Ben").participant.phone, before)[0]!.body as { text: { body: string } }).text.body;
    const url = benText.match(/https:\/\/app\.example\.test\/t\/(\S+)$/);
    expect(url).not.toBeNull();
    expect(await getTrackingPage(url![1]!, { recordOpen: false })).toMatchObject({ state: "open", participantName: "Ben" });

    // Only the token's hash is kept: the stored message has it blanked.
    const rows = await messagesOf(ref.actionId);
    expect(rows.every((r) => r.kind === "tracking_link" && !JSON.stringify(r.body).includes(suffix) && !JSON.stringify(r.body).includes(url![1]!))).toBe(true);
    expect(JSON.stringify(rows.map((r) => r.body))).toContain("[tracking-token]");
  });

  it("tracking link: someone already using a link staff handed out keeps it and gets no new one; the action is done", async () => {
    const f = await given.org({ whatsapp: true }).occurrence({ startsInMinutes: 50 }).people([
      { name: "Ada", rsvp: "confirmed" },
      { name: "Ben", rsvp: "confirmed" },
    ]);
    const staffLink = await issueTrackingLink(systemContext(f.org, "test"), f.byName("Ada").attendance.id);
    await getTrackingPage(staffLink.token, { recordOpen: true });
    const { ref } = await createAction(f.org.id, f.instance.id, "tracking_link", { status: "pending" });
    // The occurrence's timeline says so before it goes out.
    const planned = (await getOccurrenceTimeline(f.owner.ctx, f.instance.id)).find((row) => row.id === ref.actionId)!;
    expect(planned.recipients.map((r) => r.name)).toEqual(["Ben"]);
    await setRunning(ref.actionId);
    const before = graph.requests.length;

    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "done", recipients: 1, sent: 1 });
    expect(sentTo(f.byName("Ada").participant.phone, before)).toHaveLength(0);
    expect(sentTo(f.byName("Ben").participant.phone, before)).toHaveLength(1);
    expect(await getTrackingPage(staffLink.token, { recordOpen: false })).toMatchObject({ state: "open", participantName: "Ada" });
    expect((await actionRow(ref.actionId)).status).toBe("done");
  });

  it("closure: confirmed people who never arrived become no_show; attendees are thanked only when a closure template is set", async () => {
    const f = await given.org({ whatsapp: true }).occurrence({ startsInMinutes: -120 }).people([
      { name: "Ada", rsvp: "confirmed", journey: "arrived" },
      { name: "Ben", rsvp: "confirmed", journey: "on_the_way" },
      { name: "Cem", rsvp: "confirmed" },
      { name: "Dora", rsvp: "pending" },
      { name: "Eve", rsvp: "declined" },
      { name: "Finn", rsvp: "confirmed", journey: "arrived", optedOut: true },
    ]);
    const first = await createAction(f.org.id, f.instance.id, "closure");
    const before = graph.requests.length;
    expect(await runScheduledAction(first.ref, new Date(), fast)).toMatchObject({ outcome: "done", noShows: 2, recipients: 0, sent: 0 });
    expect(graph.requests.length).toBe(before);
    const journeys = await Promise.all(f.people.map(async (p) => [p.participant.name, (await attendanceOf(f.org.id, p.attendance.id)).journey]));
    expect(Object.fromEntries(journeys)).toEqual({
      Ada: "arrived",
      Ben: "no_show",
      Cem: "no_show",
      Dora: "not_started",
      Eve: "not_started",
      Finn: "arrived",
    });
    const [instance] = await getDb().select().from(schema.eventInstances).where(eq(schema.eventInstances.id, f.instance.id));
    expect(instance).toMatchObject({ status: "completed", closedAt: expect.any(Date) });

    // With a thank-you template configured, the one attendee who has not opted out is thanked.
    await getDb().insert(schema.messageTemplates).values({ organizationId: f.org.id, kind: "closure", locale: "en", templateName: "thanks_for_coming", language: "en" });
    const { ref } = await createAction(f.org.id, f.instance.id, "closure", { participantId: f.byName("Ada").participant.id });
    const second = await runScheduledAction(ref, new Date(), fast);
    expect(second).toMatchObject({ outcome: "done", noShows: 0, recipients: 1, sent: 1 });
    expect(templateOf(graph.requests.at(-1)!)).toMatchObject({ name: "thanks_for_coming" });
  });
});

describe("run-scheduled-action: once, and only when it makes sense", () => {
  it.each([
    ["deleted", (id: string) => getDb().delete(schema.participants).where(eq(schema.participants.id, id))],
    ["opted out (STOP)", (id: string) => getDb().update(schema.participants).set({ optedOutAt: new Date() }).where(eq(schema.participants.id, id))],
  ] as const)("a participant %s while the run goes through the list gets nothing; the others are sent, the action is done", async (what, change) => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }, { name: "Cem" }]).action("confirmation");
    const { ref } = f.action;
    const leaving = f.people.find((p) => p.participant.name === "Cem")!.participant;
    let changed = false;
    const summary = await runScheduledAction(ref, new Date(), {
      ...viaWhatsApp,
      sendsPerSecond: 1000,
      // Between the first and the second send, after the run has listed everyone.
      sleep: async () => {
        if (changed) return;
        changed = true;
        await change(leaving.id);
      },
    });
    expect(changed).toBe(true);
    expect(summary).toMatchObject({ outcome: "done", sent: 2, failed: 0 });
    expect(sentTo(leaving.phone)).toHaveLength(0);
    expect(await messagesOf(ref.actionId)).toHaveLength(2);
    expect((await actionRow(ref.actionId)).status).toBe("done");
  });

  it("someone who joins the roster or answers while the run goes through the list gets theirs from the next run", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada", rsvp: "confirmed" }, { name: "Ben", rsvp: "confirmed" }, { name: "Cem" }]).action("reminder");
    const { ref } = f.action;
    const newcomerPhone = randomPhone();
    let joined = false;
    const first = await runScheduledAction(ref, new Date(), {
      ...viaWhatsApp,
      sendsPerSecond: 1000,
      // Between the first and the second send, after the run has listed who confirmed.
      sleep: async () => {
        if (joined) return;
        joined = true;
        const dora = await createParticipantOnRoster(f.owner.ctx, { name: "Dora", phone: newcomerPhone, eventId: f.event.id });
        await getDb().update(schema.attendances).set({ rsvp: "confirmed" }).where(eq(schema.attendances.participantId, dora.id));
        await getDb().update(schema.attendances).set({ rsvp: "confirmed" }).where(eq(schema.attendances.id, f.byName("Cem").attendance.id));
      },
    });
    expect(joined).toBe(true);
    expect(first).toMatchObject({ outcome: "done", sent: 2 });
    // Not done: two people the reminder is for have none yet, so the next dispatch runs it again.
    expect((await actionRow(ref.actionId)).status).toBe("pending");

    await setRunning(ref.actionId);
    const second = await runScheduledAction(ref, new Date(), fast);
    expect(second).toMatchObject({ outcome: "done", sent: 2, alreadyHandled: 2 });
    expect(sentTo(newcomerPhone)).toHaveLength(1);
    expect(sentTo(f.byName("Cem").participant.phone)).toHaveLength(1);
    expect(sentTo(f.byName("Ada").participant.phone)).toHaveLength(1);
    expect((await actionRow(ref.actionId)).status).toBe("done");
  });

  it("a re-run (retry, duplicate event) sends nothing twice", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    await runScheduledAction(ref, new Date(), fast);
    const before = graph.requests.length;

    // The action is already done: a duplicate event changes nothing.
    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "skipped", sent: 0 });
    // Even when it is running again (a stale claim taken over), the messages are not repeated.
    await setRunning(ref.actionId);
    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "done", sent: 0, alreadyHandled: 2 });
    expect(graph.requests.length).toBe(before);
    expect(await messagesOf(ref.actionId)).toHaveLength(2);
  });

  it("two runs of one action at the same time send each message once", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }, { name: "Cem" }]).action("confirmation");
    const { ref } = f.action;
    const before = graph.requests.length;
    // Spaced sends keep both runs busy over the same people at once.
    const spaced = { ...viaWhatsApp, sendsPerSecond: 50 };
    const results = await Promise.allSettled([runScheduledAction(ref, new Date(), spaced), runScheduledAction(ref, new Date(), spaced)]);
    // Whatever the interleaving: at most one send per person; a run that met the other mid-send asks to retry later.
    for (const r of results) if (r.status === "rejected") expect(r.reason).toBeInstanceOf(RetryLaterError);
    const phones = graph.requests.slice(before).map((r) => (r.body as { to: string }).to);
    expect(new Set(phones).size).toBe(phones.length);
    await setRunning(ref.actionId);
    await runScheduledAction(ref, new Date(), fast);
    expect(graph.requests.length - before).toBe(3);
    expect((await messagesOf(ref.actionId)).map((m) => m.status)).toEqual(["sent", "sent", "sent"]);
  });

  it("429: the run stops and asks for a retry; the retry sends it, once", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    const before = graph.requests.length;
    graph.queueBehaviours({ kind: "rate-limited" });

    const error = await runScheduledAction(ref, new Date(), fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RetryLaterError);
    const waiting = await messagesOf(ref.actionId);
    expect(waiting).toEqual([expect.objectContaining({ status: "queued", errorCode: "rate_limited", wamid: null })]);
    expect(waiting[0]!.errorMessage).toMatch(/slow down/);
    expect((await actionRow(ref.actionId)).status).toBe("running");

    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "done", sent: 2 });
    const rows = await messagesOf(ref.actionId);
    expect(rows.map((r) => [r.status, r.errorCode])).toEqual([["sent", null], ["sent", null]]);
    const ada = f.byName("Ada").participant.phone;
    const ben = f.byName("Ben").participant.phone;
    expect(sentTo(ada, before)).toHaveLength(2); // the 429 and the successful retry
    expect(sentTo(ben, before)).toHaveLength(1);
  });

  it("131047 (outside the window): recorded as failed in words, not retried, and the others still get theirs", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    const before = graph.requests.length;
    graph.queueBehaviours({ kind: "re-engagement" });

    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "done", sent: 1, failed: 1 });
    const [ada, ben] = await messagesOf(ref.actionId);
    expect(ada).toMatchObject({ status: "failed", errorCode: "outside_24h_window", wamid: null, type: "template" });
    expect(ada!.errorMessage).toMatch(/has not written in the last 24 hours/);
    expect(ada!.statusHistory).toEqual([{ status: "failed", at: expect.any(String), error: ada!.errorMessage }]);
    expect(ben).toMatchObject({ status: "sent" });
    expect((await actionRow(ref.actionId)).note).toBe("1 of 2 messages could not be sent.");

    await setRunning(ref.actionId);
    await runScheduledAction(ref, new Date(), fast);
    expect(graph.requests.length - before).toBe(2);
  });

  it("a participant with an unusable number gets a failed message in words; the rest are sent", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada", phone: "12" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ sent: 1, failed: 1 });
    const ada = (await messagesOf(ref.actionId)).find((m) => m.participantId === f.byName("Ada").participant.id)!;
    expect(ada).toMatchObject({ status: "failed", errorCode: "not_sendable" });
    expect(ada.errorMessage).toMatch(/international phone number/);
  });

  it("a cancelled occurrence sends nothing", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben", rsvp: "confirmed" }]);
    await getDb().update(schema.eventInstances).set({ status: "cancelled" }).where(eq(schema.eventInstances.id, f.instance.id));
    const before = graph.requests.length;
    for (const kind of ["confirmation", "reminder", "tracking_link", "closure"] as const) {
      const { ref } = await createAction(f.org.id, f.instance.id, kind);
      expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "skipped" });
      expect(await actionRow(ref.actionId)).toMatchObject({ status: "cancelled", note: expect.stringMatching(/cancelled/) });
    }
    expect(graph.requests.length).toBe(before);
    expect((await attendanceOf(f.org.id, f.byName("Ben").attendance.id)).journey).toBe("not_started");
  });

  it("after the start, confirmation, reminder and tracking link are not sent", async () => {
    const f = await given.org({ whatsapp: true }).occurrence({ startsInMinutes: -5 }).people([{ name: "Ada" }, { name: "Ben", rsvp: "confirmed" }]);
    const before = graph.requests.length;
    for (const kind of ["confirmation", "reminder", "tracking_link"] as const) {
      const { ref } = await createAction(f.org.id, f.instance.id, kind);
      expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "skipped", reason: expect.stringMatching(/started/) });
    }
    expect(graph.requests.length).toBe(before);
  });

  it("a confirmation scheduled late (event created 2 h before start) is due at once and sent once", async () => {
    const f = await given.org({ whatsapp: true }).occurrence({ startsInMinutes: 120 }).people([{ name: "Ada" }]);
    const now = new Date();
    const ctx = systemContext(f.org, "test");
    await scheduleActionsForInstance(getDb(), ctx, { ...f.event, confirmationOffsetMinutes: 1440 }, f.instance, now);
    const [confirmation] = await getDb()
      .select()
      .from(schema.scheduledActions)
      .where(eq(schema.scheduledActions.instanceId, f.instance.id));
    expect(confirmation).toMatchObject({ action: "confirmation", status: "pending" });
    expect(confirmation!.dueAt.getTime()).toBe(now.getTime());
    const ref = { actionId: confirmation!.id, organizationId: f.org.id };
    await setRunning(ref.actionId);
    const before = graph.requests.length;
    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "done", sent: 1 });
    await setRunning(ref.actionId);
    await runScheduledAction(ref, new Date(), fast);
    expect(graph.requests.length - before).toBe(1);
  });

  it("spaces the sends of one run (at most N per second)", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }, { name: "Cem" }]).action("confirmation");
    const { ref } = f.action;
    const sleeps: number[] = [];
    const started = performance.now();
    await runScheduledAction(ref, new Date(), { ...viaWhatsApp, sendsPerSecond: 10, sleep: async (ms) => void sleeps.push(ms) });
    expect(sleeps).toHaveLength(2);
    // Each wait tops the time since the previous send up to 100 ms.
    for (const ms of sleeps) expect(ms).toBeGreaterThan(0);
    for (const ms of sleeps) expect(ms).toBeLessThanOrEqual(100);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it("without a WhatsApp phone number id the action fails with a reason and nothing is sent", async () => {
    const f = await given.org().occurrence().people([{ name: "Ada" }]).action("confirmation");
    const { ref } = f.action;
    const before = graph.requests.length;
    expect((await rejection(runScheduledAction(ref, new Date(), fast))).code).toBe("PRECONDITION_FAILED");
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "failed", note: expect.stringMatching(/phone number id/) });
    expect(graph.requests.length).toBe(before);
  });
});

describe("run-scheduled-action: one person's temporary failure", () => {
  const SECOND = 1000;
  const later = (at: Date, ms: number) => new Date(at.getTime() + ms);

  it("131056 for one person: the others are sent at once; that person alone is retried, not within 6 s, and once", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }, { name: "Cem" }]).action("confirmation");
    const { ref } = f.action;
    const [ada, ben, cem] = ["Ada", "Ben", "Cem"].map((n) => f.byName(n).participant.phone) as [string, string, string];
    graph.queueBehavioursFor(ada, { kind: "pair-rate-limited" });
    const before = graph.requests.length;

    const failedAt = new Date();
    const first = await runScheduledAction(ref, failedAt, fast);
    expect(first).toMatchObject({ outcome: "waiting", recipients: 3, sent: 2, failed: 0, waiting: 1 });
    expect(sentTo(ben, before)).toHaveLength(1);
    expect(sentTo(cem, before)).toHaveLength(1);
    const waiting = (await messagesOf(ref.actionId)).find((m) => m.participantId === f.byName("Ada").participant.id)!;
    expect(waiting).toMatchObject({ status: "queued", errorCode: "pair_rate_limited", attempts: 1, wamid: null });
    expect(waiting.retryAt!.getTime()).toBeGreaterThanOrEqual(failedAt.getTime() + 6 * SECOND);
    // The action comes back for Ada alone, and not before her retry is due.
    const parked = await actionRow(ref.actionId);
    expect(parked).toMatchObject({ status: "pending", retryAt: waiting.retryAt, note: "1 of 3 messages is waiting to be sent again." });

    // Run again too early (a duplicate event): nobody is sent anything.
    await setRunning(ref.actionId);
    expect(await runScheduledAction(ref, later(failedAt, 3 * SECOND), fast)).toMatchObject({ outcome: "waiting", sent: 0, waiting: 1, alreadyHandled: 2 });
    expect(graph.requests.length - before).toBe(3);

    await setRunning(ref.actionId);
    expect(await runScheduledAction(ref, later(waiting.retryAt!, 1), fast)).toMatchObject({ outcome: "done", sent: 1, alreadyHandled: 2 });
    expect(sentTo(ada, before)).toHaveLength(2);
    expect(sentTo(ben, before)).toHaveLength(1);
    expect((await messagesOf(ref.actionId)).map((m) => m.status)).toEqual(["sent", "sent", "sent"]);
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "done", note: null, retryAt: null });
  });

  it("someone who keeps failing is given up on after 5 tries, with the reason; the action is done", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    const ada = f.byName("Ada").participant.phone;
    graph.queueBehavioursFor(ada, ...Array(6).fill({ kind: "pair-rate-limited" }));
    const before = graph.requests.length;

    let at = new Date();
    for (let attempt = 1; attempt <= 4; attempt++) {
      expect(await runScheduledAction(ref, at, fast)).toMatchObject({ outcome: "waiting", waiting: 1 });
      const row = (await actionRow(ref.actionId)).retryAt!;
      // 6 s, then doubling: 12 s, 24 s, 48 s.
      expect(row.getTime() - Date.now()).toBeGreaterThan(6 * SECOND * 2 ** (attempt - 1) - 5 * SECOND);
      at = later(row, 1);
      await setRunning(ref.actionId);
    }
    expect(await runScheduledAction(ref, at, fast)).toMatchObject({ outcome: "done", failed: 1, waiting: 0 });
    expect(sentTo(ada, before)).toHaveLength(5);
    const toAda = (await messagesOf(ref.actionId)).find((m) => m.participantId === f.byName("Ada").participant.id)!;
    expect(toAda).toMatchObject({ status: "failed", errorCode: "pair_rate_limited", attempts: 5 });
    expect(toAda.errorMessage).toMatch(/one person can get from you in a short time/);
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "done", note: "1 of 2 messages could not be sent." });
  });

  it("a one-off WhatsApp error for one person waits 30 s for them alone", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    graph.queueBehavioursFor(f.byName("Ada").participant.phone, { kind: "server-error" });
    const at = new Date();
    expect(await runScheduledAction(ref, at, fast)).toMatchObject({ outcome: "waiting", sent: 1, waiting: 1 });
    const retryAt = (await actionRow(ref.actionId)).retryAt!;
    expect(retryAt.getTime() - at.getTime()).toBeGreaterThanOrEqual(30 * SECOND);
  });

  it("an action that gives up (or is skipped) fails the messages still waiting, with their reason", async () => {
    const f = await given.org({ whatsapp: true }).occurrence({ startsInMinutes: 30 }).people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    graph.queueBehavioursFor(f.byName("Ada").participant.phone, { kind: "pair-rate-limited" });
    await runScheduledAction(ref, new Date(), fast);
    await setRunning(ref.actionId);
    // Claimed again after the start: nothing more is sent, and Ada's message is not left "waiting" forever.
    expect(await runScheduledAction(ref, later(new Date(), 31 * 60 * SECOND), fast)).toMatchObject({ outcome: "skipped" });
    const ada = (await messagesOf(ref.actionId)).find((m) => m.participantId === f.byName("Ada").participant.id)!;
    expect(ada).toMatchObject({ status: "failed", errorCode: "pair_rate_limited" });
    expect(ada.statusHistory.at(-1)).toMatchObject({ status: "failed", error: ada.errorMessage });
  });

  it("cancelling the occurrence fails the messages still waiting for a retry, with their reason", async () => {
    const f = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada" }, { name: "Ben" }]).action("confirmation");
    const { ref } = f.action;
    graph.queueBehavioursFor(f.byName("Ada").participant.phone, { kind: "pair-rate-limited" });
    expect(await runScheduledAction(ref, new Date(), fast)).toMatchObject({ outcome: "waiting" });
    await cancelOccurrence(f.owner.ctx, { instanceId: f.instance.id });
    expect(await actionRow(ref.actionId)).toMatchObject({ status: "cancelled" });
    expect((await messagesOf(ref.actionId)).map((m) => [m.status, m.errorCode])).toEqual([["failed", "pair_rate_limited"], ["sent", null]]);
  });
});

describe("run-scheduled-action: tenant safety", () => {
  it("an action of one organization never reads or messages another organization's people", async () => {
    const sharedPhone = randomPhone();
    const a = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada", phone: sharedPhone }, { name: "Ben" }]);
    const b = await given.org({ whatsapp: true }).occurrence().people([{ name: "Ada", phone: sharedPhone }, { name: "Zoe" }]);
    const actionA = await createAction(a.org.id, a.instance.id, "confirmation");
    const before = graph.requests.length;

    // An event naming the wrong organization finds nothing, and changes nothing.
    expect(await runScheduledAction({ actionId: actionA.ref.actionId, organizationId: b.org.id }, new Date(), fast)).toMatchObject({ outcome: "not_found" });
    // A per-participant action of A aimed at B's participant sends nothing: B's attendances are out of reach.
    const aimed = await createAction(a.org.id, a.instance.id, "reminder", { participantId: b.byName("Zoe").participant.id });
    expect(await runScheduledAction(aimed.ref, new Date(), fast)).toMatchObject({ outcome: "done", recipients: 0 });
    expect(graph.requests.length).toBe(before);

    await runScheduledAction(actionA.ref, new Date(), fast);
    const requests = graph.requests.slice(before);
    expect(requests).toHaveLength(2);
    expect(requests.every((r) => r.path === `/v23.0/${a.org.whatsappPhoneNumberId}/messages`)).toBe(true);
    expect(requests.map((r) => (r.body as { to: string }).to)).not.toContain(b.byName("Zoe").participant.phone);
    const rows = await messagesOf(actionA.ref.actionId);
    expect(rows.every((r) => r.organizationId === a.org.id)).toBe(true);
    expect(rows.map((r) => r.participantId).sort()).toEqual(a.people.map((p) => p.participant.id).sort());
    // The signed payload names A's attendance, not B's, although the phone number is the same.
    const shared = sentTo(sharedPhone, before)[0]!;
    const payload = templateOf(shared).components.find((c) => c.sub_type === "quick_reply")!.parameters[0]!.payload!;
    expect(decodeReplyPayload(replyPayloadSecret(), payload)).toMatchObject({ attendanceId: a.byName("Ada").attendance.id });
  });
});
