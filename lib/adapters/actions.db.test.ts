import { describe, expect, it } from "vitest";
import { z } from "zod";
import { connectTestDatabase } from "@/test/database";

connectTestDatabase();
const { AppError } = await import("@/lib/errors");
const { idle } = await import("@/lib/http");
const { bindOrgActions, publicAction } = await import("./actions");

const form = (fields: Record<string, string>) => {
  const data = new FormData();
  for (const [name, value] of Object.entries(fields)) data.set(name, value);
  return data;
};

const Seats = z.object({ seats: z.coerce.number().int().min(1, "At least one seat.") });

describe("action builders", () => {
  it("hand the body the parsed input and return its result", async () => {
    const book = publicAction({ name: "book", input: Seats }).run(async ({ seats }) => ({ ok: true, data: seats * 2 }));
    expect(await book(idle, form({ seats: "3" }))).toEqual({ ok: true, data: 6 });
  });

  it("answer a refused input with its field errors, and the body does not run", async () => {
    let ran = false;
    const book = publicAction({ name: "book", input: Seats, invalid: "Check the seats." }).run(async () => {
      ran = true;
    });
    expect(await book(idle, form({ seats: "0" }))).toEqual({
      ok: false,
      code: "VALIDATION",
      message: "Check the seats.",
      fields: { seats: ["At least one seat."] },
    });
    expect(ran).toBe(false);
  });

  it("map the body's AppError to the form's result, and a plain return to success", async () => {
    const refuse = publicAction({ name: "refuse" }).run(async () => {
      throw new AppError("CONFLICT", "Already taken.");
    });
    expect(await refuse(idle, form({}))).toEqual({ ok: false, code: "CONFLICT", message: "Already taken." });
    expect(await publicAction({ name: "noop" }).run(async () => undefined)(idle, form({}))).toEqual({ ok: true });
  });

  it("turn `{ redirect }` into Next's redirect once the body is done", async () => {
    const go = publicAction({ name: "go" }).run(async () => ({ redirect: "/acme/events" }));
    const error = await go(idle, form({})).then(
      () => null,
      (e: unknown) => e as { digest?: string },
    );
    expect(error?.digest).toMatch(/^NEXT_REDIRECT;.*;\/acme\/events;/);
  });

  it("bind a page's actions to its organization, the slug first", () => {
    const bound = bindOrgActions("acme", { save: (slug: string, n: number) => `${slug}:${n}` });
    expect(bound.save(7)).toBe("acme:7");
  });
});
