import { describe, expect, it } from "vitest";
import { connectTestDatabase, rejection } from "@/test/database";

connectTestDatabase();
const { given, randomPhone } = await import("@/test/given");
const { pageParticipants } = await import("./list-participants");
const { upsertParticipants } = await import("./upsert-participants");

describe("participants in pages", () => {
  it("reads everyone exactly once while people are added between pages (in one statement, so in the same microsecond)", async () => {
    const t = await given.org({ country: "DE" });
    const rows = (n: number, from: number) => Array.from({ length: n }, (_, i) => ({ name: `P${from + i}`, phone: randomPhone() }));
    await upsertParticipants(t.owner.ctx, { rows: rows(25, 0) });
    const seen: string[] = [];
    let after;
    let pages = 0;
    do {
      const page = await pageParticipants(t.owner.ctx, { limit: 7, cursor: after });
      seen.push(...page.data.map((p) => p.name));
      after = page.nextCursor ?? undefined;
      pages += 1;
      if (pages === 2) await upsertParticipants(t.owner.ctx, { rows: rows(5, 25) });
    } while (after);
    expect(seen).toHaveLength(30);
    expect(new Set(seen).size).toBe(30);
    expect(pages).toBe(5);
  });

  it("searches name, phone and e-mail, and shows nothing of another organization", async () => {
    const t = await given.org({ country: "DE" });
    const phone = randomPhone();
    await upsertParticipants(t.owner.ctx, {
      rows: [
        { name: "Maria 100%", phone },
        { name: "Jon", phone: randomPhone(), email: "jon@school.example" },
        { name: "Zoe", phone: randomPhone() },
      ],
    });
    const names = async (search: string) => (await pageParticipants(t.owner.ctx, { search })).data.map((p) => p.name);
    expect(await names("maria")).toEqual(["Maria 100%"]);
    expect(await names(phone.slice(-6))).toEqual(["Maria 100%"]);
    expect(await names("SCHOOL.example")).toEqual(["Jon"]);
    expect(await names("0%")).toEqual(["Maria 100%"]);
    const b = await given.org();
    expect(await pageParticipants(b.owner.ctx, {})).toEqual({ data: [], nextCursor: null });
    expect((await rejection(pageParticipants(t.owner.ctx, { cursor: "yesterday" }))).code).toBe("VALIDATION");
  });
});
