import { env } from "@/lib/env";

/**
 * The public base URL (no trailing slash) that every link in an e-mail or a WhatsApp message starts with. It comes from
 * APP_URL, never from request headers: a forged Host or X-Forwarded-Host would otherwise put a password-reset token
 * into a link to the attacker's site. Production requires APP_URL; the embedded mode links to itself on this machine.
 */
export function appUrl(): string {
  const settings = env();
  if (settings.APP_URL) return settings.APP_URL.replace(/\/+$/, "");
  if (settings.mode === "production") throw new Error("APP_URL is required in production (checked at start-up).");
  return `http://localhost:${serverPort()}`;
}

/** This server process on loopback, for the embedded mode's simulators that post to the app's own API. */
export function loopbackUrl(): string {
  return `http://127.0.0.1:${serverPort()}`;
}

// `next start` and `next dev` put the port they listen on into PORT before any app code runs.
function serverPort(): string {
  return process.env.PORT || env().PORT || "3000";
}
