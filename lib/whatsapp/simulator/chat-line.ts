// Client-safe: one message of the simulator's chat, as the participant's phone shows it.

export type ChatLine = {
  id: string;
  /** ISO time it was sent or received. */
  at: string;
  from: "us" | "them";
  /**
   * text: words (with reply buttons when it had them); template: an approved template, shown in our recommended
   * wording; locationRequest: words above a "Send location" button; tap: they tapped a button titled `text`;
   * location: they shared a location; other: anything else.
   */
  kind: "text" | "template" | "locationRequest" | "tap" | "location" | "other";
  text?: string;
  buttons?: string[];
  /** A template's name and WhatsApp language code. */
  template?: { name: string; language: string };
};
