import { randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/env";

/**
 * AUTH_SECRET when set (required in production). In the embedded mode a random secret is created once in the data
 * folder, so sessions survive restarts without any configuration.
 */
export function getAuthSecret(): string {
  const settings = env();
  if (settings.AUTH_SECRET) return settings.AUTH_SECRET;
  const file = path.join(settings.DATA_DIR, "auth-secret");
  if (!fs.existsSync(file)) {
    fs.mkdirSync(settings.DATA_DIR, { recursive: true });
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another caller created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  return fs.readFileSync(file, "utf8").trim();
}
