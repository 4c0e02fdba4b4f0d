import { AsyncLocalStorage } from "node:async_hooks";
import type { LocaleRequest } from "@/lib/adapters/request-locale";

// Tests have no Next request. Code that asks next-intl for the request's language (runAction's wording, a server
// action's getTranslations) gets it from test/i18n-request.ts, which decides it with the app's own rules
// (decideLocale) from the facts a test gives here: the browser's languages, the signed-in user, the page.

const current = new AsyncLocalStorage<Partial<LocaleRequest>>();

/** Runs `work` as if in a request with these facts (none given: a reader nobody knows, so English). */
export function asRequest<T>(facts: Partial<LocaleRequest>, work: () => Promise<T>): Promise<T> {
  return current.run(facts, work);
}

export function currentRequest(): LocaleRequest {
  const facts = current.getStore() ?? {};
  return { path: facts.path ?? "", acceptLanguage: facts.acceptLanguage ?? null, user: facts.user ?? null };
}
