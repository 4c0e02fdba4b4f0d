import { getRequestConfig } from "next-intl/server";
import { decideLocale } from "@/lib/adapters/request-locale";
import { messagesFor } from "@/lib/i18n";
import { currentRequest } from "./request";

// next-intl's request configuration in tests (vitest.config.ts points `next-intl/config` here, as next.config.ts
// points it at lib/adapters/i18n-request.ts): the same rules and catalogs, with the request's facts from
// test/request.ts instead of Next's headers, which exist only inside a real request.
export default getRequestConfig(async () => {
  const locale = await decideLocale(currentRequest());
  return { locale, messages: messagesFor(locale), timeZone: "UTC" };
});
