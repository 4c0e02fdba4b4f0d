"use client";

import { useTranslations } from "next-intl";
import type { ReactNode } from "react";
import { useMapSettings } from "@/components/map/map-settings";
import { MapPinIcon } from "@/components/ui/icons";
import { mapProviderOf } from "@/lib/map/types";
import type { TrackingPageInfo } from "@/lib/tracking/schemas";
import { PhoneButton } from "./phone-button";

const heading = (chunks: ReactNode) => <strong className="font-semibold text-slate-900">{chunks}</strong>;

/** Plain-words consent: what is shared, with whom, until when; nothing happens before the button. */
export function ConsentPanel({ info, untilLabel, onConsent }: { info: TrackingPageInfo; untilLabel: string; onConsent: () => void }) {
  const t = useTranslations("tracking");
  const org = info.organizationName;
  // A third-party map sees the area the phone's map shows: say who, before anything is shared.
  const provider = mapProviderOf(useMapSettings());
  return (
    <section aria-labelledby="consent-title" className="rounded-xl border border-slate-200 bg-white px-5 py-5 shadow-xs">
      <h2 id="consent-title" className="text-lg font-semibold tracking-tight text-slate-900">
        {t("consent.title")}
      </h2>
      <p className="mt-1 text-[15px] leading-6 text-slate-700">{t("consent.intro", { name: info.participantName, org })}</p>
      <ul className="mt-3 space-y-2 text-[15px] leading-6 text-slate-700">
        <li>{t.rich("consent.what", { strong: heading })}</li>
        <li>{t.rich("consent.who", { org, strong: heading })}</li>
        {provider ? <li>{t.rich("consent.mapProvider", { provider, strong: heading })}</li> : null}
        <li>{t.rich("consent.until", { until: untilLabel, strong: heading })}</li>
      </ul>
      <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm leading-6 text-amber-950">{t("consent.keepOpen")}</p>
      <PhoneButton className="mt-4 w-full" onClick={onConsent}>
        <MapPinIcon />
        {t("consent.share")}
      </PhoneButton>
      <p className="mt-2 text-center text-xs text-slate-500">{t("consent.browserAsks")}</p>
    </section>
  );
}
