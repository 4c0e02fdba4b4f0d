import { headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser } from "@/lib/auth";
import { PATH_HEADER } from "@/lib/http";
import { DEFAULT_LOCALE, negotiateLocale, toLocale, type Locale } from "@/lib/i18n";
import { resolveOrgContext, type SignedInUser } from "@/lib/tenant";
import { unsafeLinkLocale } from "@/lib/tracking";


const TRACKING_PAGE = /^\/t\/([^/?#]+)/;
const ORG_PAGE = /^\/(?:board\/)?([a-z0-9][a-z0-9-]*)(?:\/|$)/;

/** What a page request says about its reader: its path, the browser's languages and who is signed in. */
export type LocaleRequest = {
  path: string;
  acceptLanguage: string | null;
  user: (SignedInUser & { language: string | null }) | null;
};

/**
 * The language a page request is answered in:
 * - a tracking page speaks its participant's language (theirs, else their organization's);
 * - everywhere else, the signed-in user's choice, else the browser's `Accept-Language`, else the organization of
 *   the page (when they are a member), else English.
 */
export async function decideLocale({ path, acceptLanguage, user }: LocaleRequest): Promise<Locale> {
  const token = TRACKING_PAGE.exec(path)?.[1];
  if (token) return (await unsafeLinkLocale(token)) ?? negotiateLocale(acceptLanguage) ?? DEFAULT_LOCALE;

  if (user?.language) return toLocale(user.language);
  const browser = negotiateLocale(acceptLanguage);
  if (browser) return browser;
  const slug = user ? ORG_PAGE.exec(path)?.[1] : undefined;
  if (slug) {
    // The same membership check as the page's: someone else's organization (or none) does not lend its language.
    const org = await resolveOrgContext(user!, slug).then((ctx) => ctx.org, () => null);
    if (org) return toLocale(org.language);
  }
  return DEFAULT_LOCALE;
}

/** The request's language, decided once per request (next-intl's request configuration reads it). */
export const requestLocale = cache(async (): Promise<Locale> => {
  const h = await headers();
  return decideLocale({ path: h.get(PATH_HEADER) ?? "", acceptLanguage: h.get("accept-language"), user: await getCurrentUser() });
});
