import { z } from "zod";

/**
 * Every setting the server reads, parsed once. With no settings at all the app runs in the embedded
 * mode (PGlite, in-process jobs, log transports). Setting DATABASE_URL switches to the production mode,
 * where every secret that part needs must be present: a missing one is a start-up error naming it.
 */
const optionalString = z
  .string()
  .trim()
  .transform((v) => (v === "" ? undefined : v))
  .optional();
const optionalUrl = optionalString.pipe(z.url().optional());
const flag = optionalString.transform((v) => v === "1" || v === "true");

export const RawEnv = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: optionalString,
  /** Public base URL: every link in an e-mail or a WhatsApp message starts with it. Required in production. */
  APP_URL: optionalUrl.pipe(
    z
      .string()
      .refine((v) => /^https?:\/\/[^/?#]+\/?$/.test(v), "must be an origin such as https://app.example.com (no path)")
      .optional(),
  ),
  /**
   * How many reverse proxies in front of the app append to X-Forwarded-For. 0: nobody, so the socket's peer address
   * is the client and X-Forwarded-For is ignored (a client can write anything there).
   */
  TRUSTED_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
  /** Bearer token that shows /api/health's details to an operator's monitoring (everyone else sees the status). */
  OPERATOR_TOKEN: optionalString.pipe(z.string().min(24, "must be at least 24 characters").optional()),
  /** Bearer token Prometheus scrapes /api/metrics with; without it /api/metrics answers 404. */
  METRICS_TOKEN: optionalString.pipe(z.string().min(24, "must be at least 24 characters").optional()),
  /**
   * OTLP/HTTP collector traces are sent to (e.g. http://otel-collector:4318; spans go to <url>/v1/traces). Unset: no
   * tracing code is loaded at all.
   */
  OTEL_EXPORTER_OTLP_ENDPOINT: optionalUrl,
  /** The service name the traces carry. */
  OTEL_SERVICE_NAME: z.string().trim().min(1).default("event-coming"),
  /** Origins allowed to embed the arrival board in a frame (space-separated); nothing else may frame the app. */
  BOARD_FRAME_ANCESTORS: optionalString.pipe(
    z
      .string()
      .refine(
        (v) => v.split(/\s+/).every((origin) => /^https?:\/\/[a-z0-9.-]+(:\d+)?$/i.test(origin)),
        "must be space-separated origins such as https://screens.example.com",
      )
      .optional(),
  ),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),

  DATA_DIR: z.string().trim().min(1).default(".data"),
  DATABASE_URL: optionalUrl,
  DATABASE_POOL_MAX: z.coerce.number().int().min(1).max(100).default(10),

  AUTH_SECRET: optionalString.pipe(z.string().min(32, "must be at least 32 characters").optional()),

  UPSTASH_REDIS_REST_URL: optionalUrl,
  UPSTASH_REDIS_REST_TOKEN: optionalString,

  JOB_RUNNER: z.enum(["inngest", "local"]).optional(),
  INNGEST_EVENT_KEY: optionalString,
  INNGEST_SIGNING_KEY: optionalString,
  INNGEST_DEV: flag,
  INNGEST_BASE_URL: optionalUrl,

  WHATSAPP_ACCESS_TOKEN: optionalString,
  WHATSAPP_APP_SECRET: optionalString,
  WHATSAPP_VERIFY_TOKEN: optionalString,
  WHATSAPP_API_BASE_URL: z.url().default("https://graph.facebook.com"),
  WHATSAPP_API_VERSION: z.string().regex(/^v\d+\.\d+$/, "looks like v23.0").default("v23.0"),

  OSRM_URL: optionalUrl,
  /** How long one OSRM table request may take before the refresh falls back to the estimate (ms). */
  OSRM_TIMEOUT_MS: z.coerce.number().int().min(100).max(30_000).default(1500),
  /** Road distance ÷ straight-line distance, for ETAs without road routing. */
  ETA_CIRCUITY: z.coerce.number().min(1).max(3).default(1.3),
  /** A participant whose newest fix is older than this is shown as stale. */
  ETA_STALE_AFTER_MINUTES: z.coerce.number().int().min(1).max(120).default(3),
  /** How often the local runner recomputes ETAs of occurrences in their tracking window (seconds). */
  ETA_REFRESH_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(60).default(10),
  /**
   * The map under every map of the app, read at start (one build serves any deployment): `offline` (coastlines only,
   * the default), `pmtiles` (streets from MAP_PMTILES_PATH, served by the app itself) or the URL of a MapLibre style
   * (a third-party provider, which then sees the area each map shows, and is named on the participant's consent).
   */
  MAP_STYLE: z
    .union([z.enum(["offline", "pmtiles"]), z.url({ protocol: /^https?$/, error: "must be offline, pmtiles or an http(s) style URL" })])
    .default("offline"),
  /** A Protomaps basemap (.pmtiles, vector tiles) on this server's disk, for MAP_STYLE=pmtiles. */
  MAP_PMTILES_PATH: optionalString,
  /** The provider's name as participants read it (default: the style URL's host), for MAP_STYLE=<URL>. */
  MAP_PROVIDER_NAME: optionalString.pipe(z.string().max(80).optional()),

  SMTP_URL: optionalUrl,
  /**
   * smtp | log. Production needs SMTP (sign-up confirmations and password resets are e-mailed); `log` keeps mails in
   * DATA_DIR/outbox.jsonl instead, the embedded mode's default, and must be chosen explicitly with DATABASE_URL.
   */
  MAIL_TRANSPORT: z.enum(["smtp", "log"]).optional(),
  MAIL_FROM: z.string().default("Event-Coming <no-reply@event-coming.local>"),

  /** Point batches one tracking link may post per minute (a phone sends one every few seconds). */
  TRACKING_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(120),
  /** Requests one API key may make per minute (429 + Retry-After beyond), shared by every server through Redis. */
  API_RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(1).default(600),
  /** How often the local runner drains the Redis location buffer into Postgres (seconds). */
  LOCATION_FLUSH_INTERVAL_SECONDS: z.coerce.number().int().min(1).max(60).default(5),

  /**
   * Outbound webhooks may reach private, loopback and link-local addresses, and plain http: URLs. Off by default (a
   * receiver URL could otherwise probe the server's own network); for development and tests only.
   */
  WEBHOOKS_ALLOW_PRIVATE_ADDRESSES: flag,
  /** An endpoint whose deliveries have failed without a success for this many days is disabled (its owners are e-mailed). */
  WEBHOOKS_DISABLE_AFTER_DAYS: z.coerce.number().min(1).max(60).default(5),

  /** Accounts that may be created from one client address per hour (a staff room signing up together fits). */
  SIGNUPS_PER_ADDRESS_PER_HOUR: z.coerce.number().int().min(1).default(30),
  LOGIN_MAX_ATTEMPTS: z.coerce.number().int().min(1).default(10),
  LOGIN_WINDOW_SECONDS: z.coerce.number().int().min(1).default(900),
});
export type RawEnv = z.infer<typeof RawEnv>;

export class ConfigError extends Error {
  override name = "ConfigError";
}

function need(raw: RawEnv, names: (keyof RawEnv)[], why: string): void {
  const missing = names.filter((n) => raw[n] === undefined);
  if (missing.length > 0) {
    throw new ConfigError(`Missing setting ${missing.join(", ")}: ${why}. See .env.example.`);
  }
}

export function parseEnv(source: Record<string, string | undefined>) {
  // `NAME=` (as in a copied .env.example) means "not set", for every setting alike.
  const present = Object.fromEntries(Object.entries(source).filter(([, value]) => value !== undefined && value.trim() !== ""));
  const result = RawEnv.safeParse(present);
  if (!result.success) {
    const lines = result.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`);
    throw new ConfigError(`Invalid settings:\n${lines.join("\n")}`);
  }
  const raw = result.data;
  const production = raw.DATABASE_URL !== undefined;
  // Built into the browser code until issue 19; a value left behind would now be silently ignored.
  if (present.NEXT_PUBLIC_MAP_STYLE_URL) {
    throw new ConfigError("NEXT_PUBLIC_MAP_STYLE_URL is no longer read: set MAP_STYLE to the style URL instead. See .env.example.");
  }
  if (raw.MAP_STYLE === "pmtiles") need(raw, ["MAP_PMTILES_PATH"], "MAP_STYLE=pmtiles serves the map from this file");

  if (production) need(raw, ["AUTH_SECRET"], "required with DATABASE_URL to sign sessions");
  // Links in e-mails are never built from request headers (a forged Host would send a reset link elsewhere).
  if (production) need(raw, ["APP_URL"], "required with DATABASE_URL: links in e-mails and messages start with it");
  if (raw.UPSTASH_REDIS_REST_URL || raw.UPSTASH_REDIS_REST_TOKEN) {
    need(raw, ["UPSTASH_REDIS_REST_URL", "UPSTASH_REDIS_REST_TOKEN"], "Upstash Redis needs both");
  }
  const whatsappKeys = ["WHATSAPP_ACCESS_TOKEN", "WHATSAPP_APP_SECRET", "WHATSAPP_VERIFY_TOKEN"] as const;
  if (whatsappKeys.some((k) => raw[k] !== undefined)) {
    need(raw, [...whatsappKeys], "the WhatsApp Cloud API needs all three");
  }

  const mail = raw.MAIL_TRANSPORT ?? (raw.SMTP_URL ? "smtp" : production ? undefined : "log");
  if (mail === undefined) {
    throw new ConfigError(
      "Missing setting SMTP_URL: with DATABASE_URL, sign-up confirmations and password resets must be e-mailed " +
        "(or set MAIL_TRANSPORT=log to keep them in DATA_DIR/outbox.jsonl, for a trial). See .env.example.",
    );
  }
  if (mail === "smtp") need(raw, ["SMTP_URL"], "MAIL_TRANSPORT=smtp sends through it");

  const inngestConfigured = raw.INNGEST_DEV || raw.INNGEST_EVENT_KEY !== undefined;
  const jobRunner = raw.JOB_RUNNER ?? (inngestConfigured ? "inngest" : production ? undefined : "local");
  if (jobRunner === undefined) {
    throw new ConfigError(
      "Missing setting INNGEST_EVENT_KEY, INNGEST_SIGNING_KEY: background jobs need Inngest with DATABASE_URL " +
        "(or set JOB_RUNNER=local to run them in the server processes). See .env.example.",
    );
  }
  if (jobRunner === "inngest" && !raw.INNGEST_DEV) {
    need(raw, ["INNGEST_EVENT_KEY", "INNGEST_SIGNING_KEY"], "Inngest Cloud needs both (or INNGEST_DEV=1)");
  }

  return {
    ...raw,
    mode: production ? ("production" as const) : ("embedded" as const),
    database: production ? ("postgres" as const) : ("pglite" as const),
    redis: raw.UPSTASH_REDIS_REST_URL ? ("upstash" as const) : ("none" as const),
    jobRunner,
    whatsapp: raw.WHATSAPP_ACCESS_TOKEN ? ("cloud" as const) : ("log" as const),
    mail,
  };
}
export type Env = ReturnType<typeof parseEnv>;

let cached: Env | undefined;

/** The parsed settings of this process. Throws a ConfigError naming the variable at first use. */
export function env(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}
