import path from "node:path";
import { sql } from "drizzle-orm";
import { migrate } from "drizzle-orm/postgres-js/migrator";
import { afterAll, describe, expect, it } from "vitest";
import { openPglite, type DatabaseHandle } from "@/db/client";
import { migrationsBefore, removeMigrationFolders } from "@/test/migrations";

// A database of its own (the embedded engine, in memory: the shared test database is migrated already), migrated to
// just before templates had a language, then to the end.
let handle: DatabaseHandle | undefined;
afterAll(async () => {
  await handle?.close();
  removeMigrationFolders();
});

describe("migration 0013: WhatsApp templates per language", () => {
  it("keeps each template mapped before as the one for its organization's language", { timeout: 120_000 }, async () => {
    handle = openPglite();
    const { db } = handle;
    await migrate(db, { migrationsFolder: migrationsBefore("0013_whatsapp_templates_per_language") });
    const orgs = await db.execute<{ id: string; language: string }>(sql`
      insert into organizations (name, slug, type, time_zone, language)
      values ('Escola', 'escola', 'school', 'America/Sao_Paulo', 'pt-BR'), ('Club', 'club', 'school', 'Europe/London', 'en')
      returning id, language`);
    const [escola, club] = orgs;
    await db.execute(sql`
      insert into message_templates (organization_id, kind, template_name, language)
      values (${escola!.id}, 'confirmation', 'confirmacao', 'pt_BR'), (${escola!.id}, 'closure', 'obrigado', 'pt_BR'),
             (${club!.id}, 'confirmation', 'club_confirmation', 'en_GB')`);

    await migrate(db, { migrationsFolder: path.join(process.cwd(), "drizzle") });

    const rows = await db.execute<{ organization_id: string; kind: string; locale: string; template_name: string; language: string }>(sql`
      select organization_id, kind, locale, template_name, language from message_templates order by template_name`);
    expect(rows).toEqual([
      { organization_id: club!.id, kind: "confirmation", locale: "en", template_name: "club_confirmation", language: "en_GB" },
      { organization_id: escola!.id, kind: "confirmation", locale: "pt-BR", template_name: "confirmacao", language: "pt_BR" },
      { organization_id: escola!.id, kind: "closure", locale: "pt-BR", template_name: "obrigado", language: "pt_BR" },
    ]);
    // One template per kind and language: a second Portuguese confirmation is refused, a Spanish one is welcome.
    const duplicate = await db
      .execute(sql`insert into message_templates (organization_id, kind, locale, template_name) values (${escola!.id}, 'confirmation', 'pt-BR', 'outra')`)
      .then(() => null, (error: Error) => error);
    expect(String((duplicate?.cause as Error | undefined)?.message)).toMatch(/message_templates_org_kind_locale_key/);
    await db.execute(sql`insert into message_templates (organization_id, kind, locale, template_name, language) values (${escola!.id}, 'confirmation', 'es', 'confirmacion', 'es')`);
  });
});
