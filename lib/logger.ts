import pino from "pino";

/**
 * Structured JSON logs. Secrets never reach a log line: known secret fields are censored, and phone numbers are
 * masked by `maskPhone` before logging.
 */
export const logger = pino({
  level: process.env.LOG_LEVEL ?? "info",
  base: { service: "event-coming" },
  timestamp: pino.stdTimeFunctions.isoTime,
  redact: {
    paths: [
      "password",
      "*.password",
      "passwordHash",
      "*.passwordHash",
      "token",
      "*.token",
      "authorization",
      "*.authorization",
      "headers.cookie",
      "*.headers.cookie",
      "secret",
      "*.secret",
    ],
    censor: "[redacted]",
  },
  formatters: { level: (label) => ({ level: label }) },
});

export type Logger = pino.Logger;

/** "+4915112345678" → "+49•••••••678": enough to tell people apart in a log, not enough to call them. */
export function maskPhone(phone: string): string {
  if (phone.length <= 6) return "•••";
  return `${phone.slice(0, 3)}${"•".repeat(phone.length - 6)}${phone.slice(-3)}`;
}

/** "jane.doe@example.com" → "j•••@example.com". */
export function maskEmail(email: string): string {
  const [local = "", domain = ""] = email.split("@");
  return `${local.slice(0, 1)}•••@${domain}`;
}
