import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { connectTestDatabase, createTestUser, rejection } from "@/test/database";

connectTestDatabase();
const { getDb, schema } = await import("@/lib/database");
const { setUserLanguage } = await import("./user-language");

async function languageOf(id: string) {
  const [row] = await getDb().select({ language: schema.users.language }).from(schema.users).where(eq(schema.users.id, id));
  return row!.language;
}

describe("an organizer's own dashboard language", () => {
  it("is saved on their account, and the menu's browser default clears it", async () => {
    const user = await createTestUser();
    expect(await languageOf(user.id)).toBeNull();
    await setUserLanguage(user, { language: "es" });
    expect(await languageOf(user.id)).toBe("es");
    await setUserLanguage(user, { language: "" });
    expect(await languageOf(user.id)).toBeNull();
  });

  it("refuses a language the app does not speak, and nothing changes", async () => {
    const user = await createTestUser();
    await setUserLanguage(user, { language: "de" });
    for (const language of ["fr", "pt", "EN", "de-DE"]) {
      const error = await rejection(setUserLanguage(user, { language: language as "de" }));
      expect(error.code).toBe("VALIDATION");
    }
    expect(await languageOf(user.id)).toBe("de");
  });

  it("changes only the signed-in user's own account", async () => {
    const [me, someoneElse] = await Promise.all([createTestUser(), createTestUser()]);
    await setUserLanguage(someoneElse, { language: "pt-BR" });
    await setUserLanguage(me, { language: "es" });
    expect(await languageOf(someoneElse.id)).toBe("pt-BR");
  });
});
