import { mkdtempSync, rmSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The simulator exists only in the embedded mode: PGlite in a fresh folder, no WhatsApp settings, and the real
// webhook route handler behind a loopback HTTP server standing in for the app's origin.
const dataDir = mkdtempSync(path.join(os.tmpdir(), "ec-wa-sim-"));
delete process.env.DATABASE_URL;
delete process.env.UPSTASH_REDIS_REST_URL;
delete process.env.UPSTASH_REDIS_REST_TOKEN;
for (const name of ["WHATSAPP_ACCESS_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN"]) delete process.env[name];
process.env.DATA_DIR = dataDir;

const { getDatabaseHandle, getDb, schema } = await import("@/lib/database");
const { migrateDatabase } = await import("@/db/migrate");
await migrateDatabase(getDatabaseHandle());
const { and, eq } = await import("drizzle-orm");
const { createTestOrg, rejection } = await import("@/test/database");
const { POST } = await import("@/app/api/webhooks/whatsapp/route");
const { given } = await import("@/test/given");
const { simulateParticipantReply } = await import("./simulate-reply");
const { listSimulatorChat } = await import("./chat");
const { buildTemplateMessage } = await import("@/lib/whatsapp/messages");

let server: Server;
let origin: string;
beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const response = await POST(
      new Request(`http://app.test${req.url}`, { method: "POST", headers: req.headers as Record<string, string>, body: Buffer.concat(chunks) }),
      { params: Promise.resolve({}) },
    );
    res.writeHead(response.status, { "content-type": "application/json" });
    res.end(await response.text());
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await getDatabaseHandle().close();
  rmSync(dataDir, { recursive: true, force: true });
});

async function attendance(organizationId: string, id: string) {
  const [row] = await getDb()
    .select()
    .from(schema.attendances)
    .where(and(eq(schema.attendances.id, id), eq(schema.attendances.organizationId, organizationId)));
  return row!;
}

describe("WhatsApp simulator (embedded mode)", () => {
  it("taps Confirm and Decline through the signed webhook, and marks the message read", async () => {
    const setup = await given.org().occurrence({ open: true }).people(2).links();
    const [yes, no] = setup.people.map((p) => p.attendance);
    await getDb().update(schema.attendances).set({ rsvp: "pending" }).where(eq(schema.attendances.organizationId, setup.org.id));
    const [sent] = await getDb()
      .insert(schema.messages)
      .values({
        organizationId: setup.org.id,
        participantId: yes!.participantId,
        instanceId: setup.instance.id,
        attendanceId: yes!.id,
        direction: "outbound",
        kind: "confirmation",
        type: "template",
        wamid: "wamid.log.sim-test",
        status: "sent",
      })
      .returning();

    expect(await simulateParticipantReply(setup.owner.ctx, { attendanceId: yes!.id, reply: "confirm" }, origin)).toEqual({ status: 200, received: 3 });
    expect(await simulateParticipantReply(setup.owner.ctx, { attendanceId: no!.id, reply: "decline" }, origin)).toMatchObject({ status: 200 });
    expect(await attendance(setup.org.id, yes!.id)).toMatchObject({ rsvp: "confirmed" });
    expect(await attendance(setup.org.id, no!.id)).toMatchObject({ rsvp: "declined" });
    const [message] = await getDb().select().from(schema.messages).where(eq(schema.messages.id, sent!.id));
    expect(message!.status).toBe("read");
  });

  it("sends STOP (opted out) and a location at the venue (checked in)", async () => {
    const setup = await given.org().occurrence({ open: true }).people(2).links();
    const [quitter, walker] = setup.people.map((p) => p.attendance);
    await simulateParticipantReply(setup.owner.ctx, { attendanceId: quitter!.id, reply: "stop" }, origin);
    const [person] = await getDb().select().from(schema.participants).where(eq(schema.participants.id, quitter!.participantId));
    expect(person!.optedOutAt).not.toBeNull();

    await simulateParticipantReply(setup.owner.ctx, { attendanceId: walker!.id, reply: "location_at_venue" }, origin);
    expect(await attendance(setup.org.id, walker!.id)).toMatchObject({ journey: "arrived", checkInMethod: "whatsapp_location" });
  });

  it("writes as the participant in their own words, and shows their chat as their phone would, in their language", async () => {
    const setup = await given.org({ name: "Simulated words" }).occurrence({ open: true }).people(2).links();
    const [ana, jonas] = setup.people.map((p) => p.attendance);
    await getDb().update(schema.organizations).set({ language: "pt-BR" }).where(eq(schema.organizations.id, setup.org.id));
    await getDb().update(schema.participants).set({ language: "de" }).where(eq(schema.participants.id, jonas!.participantId));
    const ctx = { ...setup.owner.ctx, org: { ...setup.owner.ctx.org, language: "pt-BR" } };

    // Ana (the school's Portuguese) writes "parar": she is opted out and told so in Portuguese.
    expect(await simulateParticipantReply(ctx, { attendanceId: ana!.id, reply: "text", text: "parar" }, origin)).toMatchObject({ status: 200 });
    const [person] = await getDb().select().from(schema.participants).where(eq(schema.participants.id, ana!.participantId));
    expect(person!.optedOutAt).not.toBeNull();
    const anaChat = await listSimulatorChat(ctx, ana!.id);
    expect(anaChat.map(({ from, kind, text }) => ({ from, kind, text }))).toEqual([
      { from: "them", kind: "text", text: "parar" },
      { from: "us", kind: "text", text: expect.stringMatching(/^Pronto: você não vai mais receber mensagens de .+ pelo WhatsApp\./) },
    ]);

    // Jonas got a German template: the chat shows it in our German wording, with its German buttons.
    await getDb()
      .insert(schema.messages)
      .values({
        organizationId: setup.org.id,
        participantId: jonas!.participantId,
        instanceId: setup.instance.id,
        attendanceId: jonas!.id,
        direction: "outbound",
        kind: "confirmation",
        type: "template",
        status: "sent",
        body: buildTemplateMessage({
          to: "+4915112345678",
          name: "event_confirmation",
          language: "de",
          bodyParameters: ["Jonas", "Schulweg", "Mo., 7. Jan., 07:30", "Haupttor"],
          quickReplies: [0, 1, 2].map((index) => ({ index, payload: `p${index}` })),
        }) as unknown as Record<string, unknown>,
      });
    const [line] = await listSimulatorChat(ctx, jonas!.id);
    expect(line).toMatchObject({
      from: "us",
      kind: "template",
      text: expect.stringMatching(/^Hallo Jonas, kommst du zu Schulweg am Mo\., 7\. Jan\., 07:30\? Ort: Haupttor\./),
      buttons: ["Zusagen", "Absagen", "Keine Nachrichten"],
      template: { name: "event_confirmation", language: "de" },
    });

    expect(await rejection(simulateParticipantReply(ctx, { attendanceId: ana!.id, reply: "text", text: "  " }, origin))).toMatchObject({
      code: "VALIDATION",
      fields: { text: [expect.any(String)] },
    });
    const other = await createTestOrg("Simulated stranger");
    expect(await rejection(listSimulatorChat(other.owner.ctx, ana!.id))).toMatchObject({ code: "NOT_FOUND" });
  });

  it("acts only for the caller's organization and staff", async () => {
    const setup = await given.org().occurrence({ open: true }).people(1).links();
    const other = await createTestOrg("Simulated intruder");
    const attendanceId = setup.people[0]!.attendance.id;
    expect(await rejection(simulateParticipantReply(other.owner.ctx, { attendanceId, reply: "decline" }, origin))).toMatchObject({ code: "NOT_FOUND" });
    const viewer = await setup.add("viewer");
    expect(await rejection(simulateParticipantReply(viewer.ctx, { attendanceId, reply: "decline" }, origin))).toMatchObject({ code: "FORBIDDEN" });
    expect(await rejection(simulateParticipantReply(setup.owner.ctx, { attendanceId: "nope", reply: "confirm" }, origin))).toMatchObject({ code: "VALIDATION" });
    // Nothing of the refused declines arrived.
    expect((await attendance(setup.org.id, attendanceId)).rsvp).toBe("confirmed");
  });
});
