import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { removeOrphanSocketDirs } from "./client";

// The embedded database's socket folders: one left behind by a killed process is removed at the next start.
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), "ec-socket-dirs-"));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function socketDir(name: string, owner?: number): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  fs.writeFileSync(path.join(dir, ".s.PGSQL.5432"), "");
  if (owner !== undefined) fs.writeFileSync(path.join(dir, "owner.pid"), String(owner));
  return dir;
}

describe("removeOrphanSocketDirs", () => {
  it("removes the folder of a process that is gone, and keeps a running one's, one without an owner, and others", () => {
    const gone = spawnSync(process.execPath, ["-e", "process.stdout.write(String(process.pid))"], { encoding: "utf8" });
    const deadPid = Number(gone.stdout);
    expect(deadPid).toBeGreaterThan(0);
    const orphan = socketDir("event-coming-db-orphan", deadPid);
    const mine = socketDir("event-coming-db-mine", process.pid);
    const unowned = socketDir("event-coming-db-unowned");
    const unrelated = socketDir("something-else", deadPid);

    expect(removeOrphanSocketDirs(tmp)).toBe(1);
    expect(fs.existsSync(orphan)).toBe(false);
    for (const kept of [mine, unowned, unrelated]) expect(fs.existsSync(kept)).toBe(true);
  });
});
