import { describe, expect, it } from "vitest";
import { z } from "zod";
import { AppError } from "@/lib/errors";
import { worded } from "@/test/words";
import { readInput } from "./read-input";

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [name, value] of entries) data.append(name, value);
  return data;
};

const Move = z.object({ instanceId: z.string(), startsLocal: z.string().transform((value) => value.slice(0, 16)) });

describe("readInput (what an action body receives)", () => {
  it("reads a form through the schema: the body gets the schema's output", () => {
    const input = readInput({ name: "move", input: Move }, form([["instanceId", "i-1"], ["startsLocal", "2026-12-01T07:30:00"]]));
    expect(input).toEqual({ instanceId: "i-1", startsLocal: "2026-12-01T07:30" });
  });

  it("refuses a form the schema rejects with VALIDATION, the form's field names and the action's own message", () => {
    const error = (() => {
      try {
        readInput({ name: "sign-in", input: z.object({ email: z.email("Enter an e-mail.") }), invalid: "Enter your e-mail and password." }, form([["email", "nope"]]));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "VALIDATION", message: "Enter your e-mail and password.", fields: { email: ["Enter an e-mail."] } });
  });

  it("says 'Some fields need attention.' when the action names no message of its own", () => {
    const error = (() => {
      try {
        readInput({ name: "move", input: Move }, form([]));
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(worded(error!).message).toBe("Some fields need attention.");
  });

  it("parses an object passed from code (the import wizard's chunks) the same way", () => {
    expect(readInput({ name: "move", input: Move }, { instanceId: "i-2", startsLocal: "2026-12-01T08:00" })).toEqual({
      instanceId: "i-2",
      startsLocal: "2026-12-01T08:00",
    });
  });

  it("without a schema hands over the form's fields as sent, repeated names as lists", () => {
    const input = readInput({ name: "sign-up" }, form([["name", "Kim"], ["metadataKey", "a"], ["metadataKey", "b"]]));
    expect(input).toEqual({ name: "Kim", metadataKey: ["a", "b"] });
    expect(readInput({ name: "sign-out" }, undefined)).toEqual({});
  });
});
