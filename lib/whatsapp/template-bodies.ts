import { translatorFor, type Locale } from "@/lib/i18n";
import type { TemplateKind, TemplatePreview } from "./template-preview";

/** The values a template body is filled with; WhatsApp numbers them {{1}} name, {{2}} event, {{3}} start, {{4}} venue. */
export type TemplateValues = { name: string; event: string; start: string; venue: string };

/** The placeholders of the bodies as they are submitted to Meta (docs/whatsapp-templates.md). */
export const TEMPLATE_PLACEHOLDERS: TemplateValues = { name: "{{1}}", event: "{{2}}", start: "{{3}}", venue: "{{4}}" };

/**
 * The wording we recommend for each kind's template in each language, with `values` in place of the parameters, and
 * the buttons the template carries (quick replies titled like the free-form ones, or the tracking link's URL button).
 */
export function templateBody(kind: TemplateKind, locale: Locale, values: TemplateValues): TemplatePreview {
  const t = translatorFor(locale, "whatsapp");
  switch (kind) {
    case "confirmation":
      return {
        body: t("templates.confirmation", values),
        buttons: [t("buttons.confirm"), t("buttons.decline"), t("buttons.optOut")],
      };
    case "reminder":
      return { body: t("templates.reminder", values), buttons: [] };
    case "tracking_link":
      return { body: t("templates.trackingLink", values), buttons: [t("templates.trackingLinkButton")] };
    case "closure":
      return { body: t("templates.closure", values), buttons: [] };
  }
}

/** The parameters a template message of this kind carries, in order (compose.ts sends them so). */
export const TEMPLATE_PARAMETERS: Record<TemplateKind, readonly (keyof TemplateValues)[]> = {
  confirmation: ["name", "event", "start", "venue"],
  reminder: ["name", "event", "start", "venue"],
  tracking_link: ["name", "event", "start"],
  closure: ["name", "event"],
};
