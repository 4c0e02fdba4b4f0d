import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";

// Test-only: drizzle/ as it was before a migration, for tests that migrate a database of their own to just before it,
// write rows as they were, and then migrate to the end as a deploy or the embedded start-up would.

const folders: string[] = [];

/** drizzle/ as it was before the migration `tag`: its files and a journal that ends just before it. */
export function migrationsBefore(tag: string): string {
  const source = path.join(process.cwd(), "drizzle");
  const journal = JSON.parse(readFileSync(path.join(source, "meta", "_journal.json"), "utf8")) as { entries: { tag: string }[] };
  const cut = journal.entries.findIndex((entry) => entry.tag === tag);
  if (cut <= 0) throw new Error(`No migration ${tag} with one before it.`);
  const folder = mkdtempSync(path.join(os.tmpdir(), "ec-drizzle-"));
  folders.push(folder);
  mkdirSync(path.join(folder, "meta"));
  const entries = journal.entries.slice(0, cut);
  writeFileSync(path.join(folder, "meta", "_journal.json"), JSON.stringify({ ...journal, entries }));
  for (const entry of entries) copyFileSync(path.join(source, `${entry.tag}.sql`), path.join(folder, `${entry.tag}.sql`));
  return folder;
}

/** Removes the folders migrationsBefore made. */
export function removeMigrationFolders(): void {
  for (const folder of folders.splice(0)) rmSync(folder, { recursive: true, force: true });
}
