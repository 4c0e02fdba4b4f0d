import fs from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { env } from "@/lib/env";
import { logger, maskEmail } from "@/lib/logger";

export type Mail = { to: string; subject: string; text: string };
export type OutboxMail = Mail & { sentAt: string };

let transport: nodemailer.Transporter | undefined;

/**
 * SMTP when SMTP_URL is set. Otherwise the mail is kept in the data folder's outbox (shown at /dev/outbox) and,
 * in the embedded mode only, written to the server log so a developer can follow the link.
 */
export async function sendMail(mail: Mail): Promise<void> {
  const settings = env();
  if (settings.SMTP_URL) {
    transport ??= nodemailer.createTransport(settings.SMTP_URL);
    await transport.sendMail({ from: settings.MAIL_FROM, ...mail });
    logger.info({ to: maskEmail(mail.to), subject: mail.subject }, "mail sent");
    return;
  }
  const file = outboxFile();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.appendFileSync(file, JSON.stringify({ ...mail, sentAt: new Date().toISOString() }) + "\n");
  if (settings.mode === "embedded") logger.info({ mail }, "mail written to the dev outbox (SMTP_URL not set)");
  else logger.warn({ to: maskEmail(mail.to), subject: mail.subject }, "mail not delivered: SMTP_URL is not set");
}

/** Newest first. */
export function listOutbox(limit = 50): OutboxMail[] {
  let lines: string[];
  try {
    lines = fs.readFileSync(outboxFile(), "utf8").trim().split("\n").filter(Boolean);
  } catch {
    return [];
  }
  return lines
    .slice(-limit)
    .reverse()
    .map((line) => JSON.parse(line) as OutboxMail);
}

function outboxFile(): string {
  return path.join(env().DATA_DIR, "outbox.jsonl");
}
