import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { startFakeWhatsAppCloud } from "@/test/fakes/whatsapp-cloud";
import { connectTestDatabase } from "@/test/database";

// Opt-out words and our answers in the participant's language, through the real webhook route. The answers go to a
// fake Graph API on loopback.
const graph = await startFakeWhatsAppCloud();
connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { given } = await import("@/test/given");
const { formatStart } = await import("@/lib/whatsapp/format");
const { delivery, messageRows, nowSeconds, participantRow, post, rsvpPayload } = await import("@/test/whatsapp-inbound");

const db = getDb();
const answersTo = (phone: string) => graph.requests.filter((r) => (r.body as { to?: string }).to === phone).map((r) => r.body as { type: string; text: { body: string } });

async function write(t: { phoneNumberId: string | null }, from: string, text: string) {
  const wamid = `wamid.lang-${crypto.randomUUID()}`;
  const res = await post(delivery("text-stop-non-ascii", { number: t.phoneNumberId!, from, wamid, text }));
  expect(res.status).toBe(200);
  return wamid;
}

describe("opt-out in the participant's words", () => {
  it("“parar”, “Parar!” and “SAIR” opt Brazilian participants out, and each is told so in Portuguese", async () => {
    const t = await given
      .org({ whatsapp: true, language: "pt-BR", name: "Escola Sol" })
      .occurrence({ open: true })
      .people([{ name: "Ana" }, { name: "Bruno" }, { name: "Carla" }]);
    for (const [name, word] of [
      ["Ana", "parar"],
      ["Bruno", "Parar!"],
      ["Carla", "SAIR"],
    ] as const) {
      const { participant } = t.byName(name);
      const wamid = await write(t, participant.phone, word);
      expect((await participantRow(t.org.id, participant.id)).optedOutAt).not.toBeNull();
      expect((await messageRows(wamid))[0]!.body).toMatchObject({ text: word, outcome: "opted_out" });
      const answers = answersTo(participant.phone);
      expect(answers).toHaveLength(1);
      expect(answers[0]).toEqual(
        expect.objectContaining({
          type: "text",
          text: {
            body: `Pronto: você não vai mais receber mensagens de ${t.org.name} pelo WhatsApp. Para voltar a receber, fale com quem organiza.`,
            preview_url: false,
          },
        }),
      );
    }
  });

  it("a sentence containing an opt-out word is only recorded: nobody is opted out or answered", async () => {
    const t = await given.org({ whatsapp: true, language: "pt-BR" }).occurrence({ open: true }).people([{ name: "Davi" }]);
    const { participant } = t.byName("Davi");
    for (const text of ["Vou parar na padaria e já chego", "Preciso cancelar a ida de hoje", "Posso sair mais cedo?"]) {
      const wamid = await write(t, participant.phone, text);
      expect((await messageRows(wamid))[0]!.body).toMatchObject({ text, outcome: "recorded" });
    }
    expect((await participantRow(t.org.id, participant.id)).optedOutAt).toBeNull();
    expect(answersTo(participant.phone)).toEqual([]);
  });

  it("the participant's own language wins over the organization's: a German participant's STOPP is answered in German", async () => {
    const t = await given.org({ whatsapp: true, name: "City Club" }).occurrence({ open: true }).people([{ name: "Lena", language: "de" }]);
    const { participant } = t.byName("Lena");
    await write(t, participant.phone, "Stopp.");
    expect((await participantRow(t.org.id, participant.id)).optedOutAt).not.toBeNull();
    expect(answersTo(participant.phone).map((a) => a.text.body)).toEqual([
      `Erledigt: Du bekommst keine WhatsApp-Nachrichten mehr von ${t.org.name}. Wenn du sie wieder haben möchtest, melde dich bei der Organisation.`,
    ]);
  });
});

describe("answers in the participant's language", () => {
  it("a Spanish participant's late tap is not recorded, and they are told so in Spanish with the date as Spanish writes it", async () => {
    const t = await given.org({ whatsapp: true }).occurrence({ open: true }).people([{ name: "Sofía", language: "es", rsvp: "pending" }]);
    const { participant, attendance } = t.byName("Sofía");
    await db
      .update(schema.eventInstances)
      .set({ status: "cancelled" })
      .where(and(eq(schema.eventInstances.id, t.instance.id), eq(schema.eventInstances.organizationId, t.org.id)));
    const tap = { number: t.phoneNumberId!, from: participant.phone, wamid: `wamid.late-${crypto.randomUUID()}`, timestamp: nowSeconds() };
    expect((await post(delivery("template-button-confirm", { ...tap, payload: rsvpPayload(attendance.id, "confirm") }))).status).toBe(200);
    const start = formatStart(t.instance.startsAt, t.event.timeZone, "es");
    expect(answersTo(participant.phone).map((a) => a.text.body)).toEqual([
      `Tu respuesta no se registró: “${t.event.title}” del ${start} se canceló.`,
    ]);
  });
});
