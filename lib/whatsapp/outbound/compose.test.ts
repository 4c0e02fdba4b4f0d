import { describe, expect, it } from "vitest";
import { formatStart } from "@/lib/whatsapp/format";
import { composeMessage, isInsideWindow, storedBody, WINDOW_MS } from "./compose";
import { defaultTemplate } from "./templates";

const now = new Date("2030-01-07T06:00:00Z");
const base = {
  locale: "en" as const,
  template: { ...defaultTemplate("tracking_link", "en"), locale: "en" as const, configured: false },
  secret: "s3cret",
  person: { participantId: "7b0f5a8e-1c2d-4e5f-8a9b-0c1d2e3f4a5b", attendanceId: "1f2e3d4c-5b6a-4978-8b7c-6d5e4f3a2b1c", name: "Zoë Müller", phone: "+4915112345678" },
  event: { title: "Schulweg", venueName: "Haupttor", startsAt: new Date("2030-01-07T06:30:00Z"), timeZone: "Europe/Berlin" },
  link: { token: "tok_ABC123", url: "https://app.example.test/t/tok_ABC123" },
};

describe("24-hour window", () => {
  it("is open only within 24 hours after the person last wrote", () => {
    expect(isInsideWindow(null, now)).toBe(false);
    expect(isInsideWindow(new Date(now.getTime() - WINDOW_MS + 1000), now)).toBe(true);
    expect(isInsideWindow(new Date(now.getTime() - WINDOW_MS), now)).toBe(false);
  });
});

describe("composeMessage", () => {
  it("tracking link outside the window: the template's URL button carries the token; inside: the full URL in a text", () => {
    const template = composeMessage({ ...base, kind: "tracking_link", insideWindow: false });
    expect(template).toMatchObject({
      type: "template",
      template: {
        name: "event_tracking_link",
        components: [
          { type: "body", parameters: [{ text: "Zoë Müller" }, { text: "Schulweg" }, { text: "Mon, Jan 7, 7:30 AM" }] },
          { type: "button", sub_type: "url", index: "0", parameters: [{ type: "text", text: "tok_ABC123" }] },
        ],
      },
    });
    const text = composeMessage({ ...base, kind: "tracking_link", insideWindow: true });
    expect(text).toMatchObject({ type: "text", text: { body: expect.stringContaining("https://app.example.test/t/tok_ABC123") } });
    expect(JSON.stringify(storedBody(text, "tok_ABC123"))).not.toContain("tok_ABC123");
  });

  it("formats the start in the event's zone on one line, as the participant's language writes it", () => {
    expect(formatStart(base.event.startsAt, "Europe/Berlin", "en")).toBe("Mon, Jan 7, 7:30 AM");
    expect(formatStart(base.event.startsAt, "America/Sao_Paulo", "en")).toBe("Mon, Jan 7, 3:30 AM");
    expect(formatStart(base.event.startsAt, "Europe/Berlin", "de")).toBe("Mo., 7. Jan., 07:30");
    expect(formatStart(base.event.startsAt, "America/Sao_Paulo", "pt-BR")).toBe("seg., 7 de jan., 03:30");
    expect(formatStart(new Date("2030-01-07T17:05:00Z"), "Europe/Madrid", "es")).toBe("lun, 7 ene, 18:05");
  });
});
