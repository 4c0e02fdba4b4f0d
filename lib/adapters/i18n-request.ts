import { getRequestConfig } from "next-intl/server";
import { messagesFor } from "@/lib/i18n";
import { requestLocale } from "./request-locale";

// next-intl's request configuration (next.config.ts points at this file): every server component's
// getTranslations() and getFormatter() read it. The locale comes from our own rules, never from a request header that
// next-intl would otherwise trust.
export default getRequestConfig(async () => {
  const locale = await requestLocale();
  // Dates are always formatted with the event's zone passed in; UTC makes a forgotten zone obvious, not the server's.
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
