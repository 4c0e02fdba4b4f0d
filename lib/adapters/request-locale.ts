import { headers } from "next/headers";
import { cache } from "react";
import { getCurrentUser, getOrgContext } from "@/lib/auth";
import { PATH_HEADER } from "@/lib/http";
import { DEFAULT_LOCALE, negotiateLocale, toLocale, type Locale } from "@/lib/i18n";
import { unsafeLinkLocale } from "@/lib/tracking";


const TRACKING_PAGE = /^\/t\/([^/?#]+)/;
const ORG_PAGE = /^\/(?:board\/)?([a-z0-9][a-z0-9-]*)(?:\/|$)/;

/**
 * The language a page request is answered in, decided once per request:
 * - a tracking page speaks its participant's language (theirs, else their organization's);
 * - everywhere else, the signed-in user's choice, else the browser's `Accept-Language`, else the organization of
 *   the page (when they are a member), else English.
 */
export const requestLocale = cache(async (): Promise<Locale> => {
  const h = await headers();
  const path = h.get(PATH_HEADER) ?? "";
  const token = TRACKING_PAGE.exec(path)?.[1];
  if (token) return (await unsafeLinkLocale(token)) ?? negotiateLocale(h.get("accept-language")) ?? DEFAULT_LOCALE;

  const user = await getCurrentUser();
  if (user?.language) return toLocale(user.language);
  const browser = negotiateLocale(h.get("accept-language"));
  if (browser) return browser;
  const slug = user ? ORG_PAGE.exec(path)?.[1] : undefined;
  if (slug) {
    const org = await getOrgContext(slug).then((ctx) => ctx.org, () => null);
    if (org) return toLocale(org.language);
  }
  return DEFAULT_LOCALE;
});
