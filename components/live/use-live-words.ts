"use client";

import { useFormatter, useLocale, useTranslations } from "next-intl";
import { useMemo } from "react";
import { formatDistance } from "@/lib/i18n/format";
import type { DistanceUnits } from "@/lib/i18n/locales";
import type { LiveWords } from "./presentation";

/** The reader's words, formats and distances for the live views; one object per render of the page, so memoized rows keep it. */
export function useLiveWords(units: DistanceUnits): LiveWords {
  const t = useTranslations("live");
  const format = useFormatter();
  const locale = useLocale();
  return useMemo(() => ({ t, format, distance: (metres: number) => formatDistance(metres, locale, units) }), [t, format, locale, units]);
}
