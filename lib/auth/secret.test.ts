import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "ec-secret-"));
process.env.DATA_DIR = dataDir;
delete process.env.AUTH_SECRET;
delete process.env.DATABASE_URL;
const { getAuthSecret } = await import("./secret");

describe("embedded-mode auth secret", () => {
  it("is generated once into the data folder and read back on every later start, so sessions survive restarts", () => {
    const first = getAuthSecret();
    expect(first.length).toBeGreaterThanOrEqual(32);
    const file = path.join(dataDir, "auth-secret");
    expect(fs.readFileSync(file, "utf8")).toBe(first);
    expect(fs.statSync(file).mode & 0o077).toBe(0); // readable by the owner only
    expect(getAuthSecret()).toBe(first);
  });
});
