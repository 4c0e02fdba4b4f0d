// Types only: the i18n entry is server-only, and a type import leaves nothing in a client bundle.
import type { Locale } from "@/lib/i18n";

// Client-safe: the message kinds an organization maps to its approved WhatsApp templates, and the settings card's data.

export const TEMPLATE_KINDS = ["confirmation", "reminder", "tracking_link", "closure"] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

/** A template as the participant sees it: its body with the values filled in, and the buttons it carries. */
export type TemplatePreview = { body: string; buttons: string[] };

export type TemplateSetting = {
  kind: TemplateKind;
  /** What is sent to a participant of this language: their template, the organization language's, or the default. */
  templateName: string;
  language: string;
  /** This language has a template of its own. */
  configured: boolean;
  /** Not configured, in another language than the organization's: it gets the organization's language's template. */
  fallbackLocale: Locale | null;
  /** The language code to offer for a template of its own: its own, else WhatsApp's code of this language. */
  suggestedLanguage: string;
  /** Our recommended wording in this language, with a sample participant's details. */
  preview: TemplatePreview;
};

/**
 * One language: the organization's, one its participants have or a template is mapped for (`inUse`), or one nobody
 * needs yet (listed last, so templates can be ready before a roster in that language arrives).
 */
export type TemplateLanguage = { locale: Locale; isOrganization: boolean; inUse: boolean; participants: number; templates: TemplateSetting[] };
