import { NextIntlClientProvider } from "next-intl";
import { getLocale } from "next-intl/server";
import type { ReactNode } from "react";
import { messagesFor, pickMessages, type Namespace } from "@/lib/i18n";

/**
 * Gives client components below it the request's locale and words. Organizer pages pass every namespace; the
 * participant's page names the few it shows, so a phone downloads only those.
 */
export async function IntlProvider({ namespaces, children }: { namespaces?: readonly Namespace[]; children: ReactNode }) {
  const locale = await getLocale();
  const messages = namespaces ? pickMessages(locale, namespaces) : messagesFor(locale);
  // Client components format dates with the event's zone passed in, like the server; UTC makes a forgotten one obvious.
  return (
    <NextIntlClientProvider locale={locale} messages={messages} timeZone="UTC">
      {children}
    </NextIntlClientProvider>
  );
}
