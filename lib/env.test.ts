import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { ConfigError, parseEnv, RawEnv } from "./env";

const SECRET = "s".repeat(32);
const PRODUCTION = {
  DATABASE_URL: "postgres://app@db.internal:5432/app",
  AUTH_SECRET: SECRET,
  APP_URL: "https://app.example.com",
  SMTP_URL: "smtps://mailer:secret@smtp.example.com:465",
};

/** The ConfigError parseEnv throws for these settings (fails the test if it does not throw one). */
function configError(source: Record<string, string | undefined>): ConfigError {
  try {
    parseEnv(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`expected a ConfigError for ${JSON.stringify(source)}`);
}

/** The variables a "Missing setting A, B: …" message lists. */
function missingNames(error: ConfigError): string[] {
  const match = /Missing setting ([A-Z_, ]+):/.exec(error.message);
  expect(match, `no "Missing setting" list in: ${error.message}`).not.toBeNull();
  return match![1]!.split(",").map((name) => name.trim());
}

describe("parseEnv", () => {
  it("with no settings at all runs the embedded mode: PGlite, in-process jobs, logged mail and WhatsApp", () => {
    expect(parseEnv({})).toMatchObject({
      mode: "embedded",
      database: "pglite",
      redis: "none",
      jobRunner: "local",
      whatsapp: "log",
      mail: "log",
      DATA_DIR: ".data",
      LOGIN_MAX_ATTEMPTS: 10,
      LOGIN_WINDOW_SECONDS: 900,
    });
  });

  it("DATABASE_URL without AUTH_SECRET is a start-up error naming AUTH_SECRET", () => {
    const error = configError({ DATABASE_URL: PRODUCTION.DATABASE_URL, JOB_RUNNER: "local" });
    expect(missingNames(error)).toEqual(["AUTH_SECRET"]);
  });

  it("DATABASE_URL without APP_URL is a start-up error naming APP_URL (links are never built from request headers)", () => {
    const { APP_URL: _unset, ...withoutAppUrl } = PRODUCTION;
    expect(missingNames(configError({ ...withoutAppUrl, JOB_RUNNER: "local" }))).toEqual(["APP_URL"]);
  });

  it("DATABASE_URL without SMTP_URL is a start-up error naming it, unless the outbox is chosen explicitly", () => {
    const { SMTP_URL: _unset, ...withoutSmtp } = PRODUCTION;
    expect(missingNames(configError({ ...withoutSmtp, JOB_RUNNER: "local" }))).toEqual(["SMTP_URL"]);
    expect(parseEnv({ ...withoutSmtp, JOB_RUNNER: "local", MAIL_TRANSPORT: "log" }).mail).toBe("log");
    expect(missingNames(configError({ ...withoutSmtp, JOB_RUNNER: "local", MAIL_TRANSPORT: "smtp" }))).toEqual(["SMTP_URL"]);
    expect(parseEnv({ ...PRODUCTION, JOB_RUNNER: "local" }).mail).toBe("smtp");
  });

  it("APP_URL must be an origin: a path or a query is an error naming it", () => {
    for (const APP_URL of ["https://app.example.com/events", "https://app.example.com?x=1", "ftp://app.example.com"]) {
      expect(configError({ ...PRODUCTION, APP_URL, JOB_RUNNER: "local" }).message).toContain("APP_URL");
    }
    expect(parseEnv({ ...PRODUCTION, APP_URL: "https://app.example.com/", JOB_RUNNER: "local" }).APP_URL).toBe(
      "https://app.example.com/",
    );
  });

  it("trusts no proxy unless told how many there are", () => {
    expect(parseEnv({}).TRUSTED_PROXY_HOPS).toBe(0);
    expect(parseEnv({ TRUSTED_PROXY_HOPS: "2" }).TRUSTED_PROXY_HOPS).toBe(2);
    expect(configError({ TRUSTED_PROXY_HOPS: "-1" }).message).toContain("TRUSTED_PROXY_HOPS");
  });

  it("a too short AUTH_SECRET is an error naming it", () => {
    expect(configError({ ...PRODUCTION, AUTH_SECRET: "short", JOB_RUNNER: "local" }).message).toContain("AUTH_SECRET");
  });

  it("DATABASE_URL without Inngest keys or JOB_RUNNER is an error naming INNGEST_EVENT_KEY", () => {
    expect(configError(PRODUCTION).message).toContain("INNGEST_EVENT_KEY");
  });

  it("an Inngest event key without its signing key is an error naming INNGEST_SIGNING_KEY", () => {
    expect(missingNames(configError({ ...PRODUCTION, INNGEST_EVENT_KEY: "evt" }))).toEqual(["INNGEST_SIGNING_KEY"]);
  });

  it("JOB_RUNNER=local with DATABASE_URL runs the production mode with in-process jobs", () => {
    expect(parseEnv({ ...PRODUCTION, JOB_RUNNER: "local" })).toMatchObject({
      mode: "production",
      database: "postgres",
      jobRunner: "local",
    });
  });

  it("both Inngest keys, or INNGEST_DEV, choose Inngest", () => {
    expect(parseEnv({ ...PRODUCTION, INNGEST_EVENT_KEY: "evt", INNGEST_SIGNING_KEY: "sig" }).jobRunner).toBe("inngest");
    expect(parseEnv({ ...PRODUCTION, INNGEST_DEV: "1" }).jobRunner).toBe("inngest");
    expect(parseEnv({ INNGEST_DEV: "true" }).jobRunner).toBe("inngest");
  });

  it("Upstash needs both the URL and the token; the missing one is named", () => {
    expect(missingNames(configError({ UPSTASH_REDIS_REST_URL: "https://redis.example.test" }))).toEqual([
      "UPSTASH_REDIS_REST_TOKEN",
    ]);
    expect(missingNames(configError({ UPSTASH_REDIS_REST_TOKEN: "tok" }))).toEqual(["UPSTASH_REDIS_REST_URL"]);
    expect(parseEnv({ UPSTASH_REDIS_REST_URL: "https://redis.example.test", UPSTASH_REDIS_REST_TOKEN: "tok" }).redis).toBe(
      "upstash",
    );
  });

  it("a partial WhatsApp set is an error naming exactly the missing ones", () => {
    expect(missingNames(configError({ WHATSAPP_ACCESS_TOKEN: "token" }))).toEqual([
      "WHATSAPP_APP_SECRET",
      "WHATSAPP_VERIFY_TOKEN",
    ]);
    expect(missingNames(configError({ WHATSAPP_APP_SECRET: "a", WHATSAPP_VERIFY_TOKEN: "v" }))).toEqual([
      "WHATSAPP_ACCESS_TOKEN",
    ]);
    expect(
      parseEnv({ WHATSAPP_ACCESS_TOKEN: "token", WHATSAPP_APP_SECRET: "a", WHATSAPP_VERIFY_TOKEN: "v" }).whatsapp,
    ).toBe("cloud");
  });

  it.each(["DATABASE_URL", "APP_URL", "UPSTASH_REDIS_REST_URL", "OSRM_URL", "SMTP_URL"])(
    "an invalid URL in %s is an error naming the variable",
    (name) => {
      const error = configError({ [name]: "not a url" });
      expect(error.message).toContain(name);
    },
  );

  it("empty strings count as unset for secrets and URLs", () => {
    expect(
      parseEnv({
        DATABASE_URL: "",
        AUTH_SECRET: "",
        UPSTASH_REDIS_REST_URL: " ",
        UPSTASH_REDIS_REST_TOKEN: "",
        WHATSAPP_ACCESS_TOKEN: "",
        SMTP_URL: "",
      }),
    ).toMatchObject({ mode: "embedded", redis: "none", whatsapp: "log", mail: "log" });
    expect(missingNames(configError({ DATABASE_URL: PRODUCTION.DATABASE_URL, AUTH_SECRET: "", JOB_RUNNER: "local" }))).toEqual([
      "AUTH_SECRET",
    ]);
    expect(missingNames(configError({ UPSTASH_REDIS_REST_URL: "", UPSTASH_REDIS_REST_TOKEN: "tok" }))).toEqual([
      "UPSTASH_REDIS_REST_URL",
    ]);
  });

  // A deployment tool or a copied .env file often writes `NAME=` for a setting it leaves alone.
  it("the map is the offline one unless MAP_STYLE says otherwise; pmtiles needs its file, a URL names its provider", () => {
    expect(parseEnv({}).MAP_STYLE).toBe("offline");
    expect(missingNames(configError({ MAP_STYLE: "pmtiles" }))).toEqual(["MAP_PMTILES_PATH"]);
    expect(parseEnv({ MAP_STYLE: "pmtiles", MAP_PMTILES_PATH: "/srv/maps/region.pmtiles" }).MAP_STYLE).toBe("pmtiles");
    expect(parseEnv({ MAP_STYLE: "https://tiles.openfreemap.org/styles/liberty" }).MAP_STYLE).toBe("https://tiles.openfreemap.org/styles/liberty");
    for (const bad of ["streets", "ftp://tiles.example.net/style.json", "javascript:alert(1)"]) {
      expect(configError({ MAP_STYLE: bad }).message, bad).toContain("MAP_STYLE");
    }
  });

  it("the build-time map setting of old is refused at start, pointing at MAP_STYLE", () => {
    expect(configError({ NEXT_PUBLIC_MAP_STYLE_URL: "https://tiles.example.net/style.json" }).message).toContain("set MAP_STYLE");
  });

  it("an empty value counts as unset for every setting (same result as leaving it out)", () => {
    const unset = parseEnv({});
    const treatedDifferently = Object.keys(RawEnv.shape).filter((name) => {
      try {
        return JSON.stringify(parseEnv({ [name]: "" })) !== JSON.stringify(unset);
      } catch {
        return true;
      }
    });
    expect(treatedDifferently).toEqual([]);
  });

  it(".env.example, copied as it is, starts the embedded mode", () => {
    const file = fs.readFileSync(path.join(import.meta.dirname, "..", ".env.example"), "utf8");
    const source = Object.fromEntries(
      file
        .split("\n")
        .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
        .map((line) => [line.slice(0, line.indexOf("=")), line.slice(line.indexOf("=") + 1)]),
    );
    expect(Object.keys(source).length).toBeGreaterThan(10);
    expect(parseEnv(source)).toMatchObject({ mode: "embedded", database: "pglite", jobRunner: "local" });
  });
});
