"use client";

import { useTranslations } from "next-intl";
import { useEffect, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { AlertTriangleIcon, MapPinIcon } from "@/components/ui/icons";
import type { TrackingPageInfo } from "@/lib/tracking/schemas";
import { Screen } from "./screens";

const bigButton = "h-12 w-full text-base";
const heading = (chunks: ReactNode) => <strong className="font-semibold text-slate-900">{chunks}</strong>;
const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

/** Plain-words consent: what is shared, with whom, until when; nothing happens before the button. */
export function ConsentPanel({ info, untilLabel, onConsent }: { info: TrackingPageInfo; untilLabel: string; onConsent: () => void }) {
  const t = useTranslations("tracking");
  const org = info.organizationName;
  return (
    <section aria-labelledby="consent-title" className="rounded-xl border border-slate-200 bg-white px-5 py-5 shadow-xs">
      <h2 id="consent-title" className="text-lg font-semibold tracking-tight text-slate-900">
        {t("consent.title")}
      </h2>
      <p className="mt-1 text-[15px] leading-6 text-slate-700">{t("consent.intro", { name: info.participantName, org })}</p>
      <ul className="mt-3 space-y-2 text-[15px] leading-6 text-slate-700">
        <li>{t.rich("consent.what", { strong: heading })}</li>
        <li>{t.rich("consent.who", { org, strong: heading })}</li>
        <li>{t.rich("consent.until", { until: untilLabel, strong: heading })}</li>
      </ul>
      <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm leading-6 text-amber-950">{t("consent.keepOpen")}</p>
      <Button className={`${bigButton} mt-4`} onClick={onConsent}>
        <MapPinIcon />
        {t("consent.share")}
      </Button>
      <p className="mt-2 text-center text-xs text-slate-500">{t("consent.browserAsks")}</p>
    </section>
  );
}

/** Location was refused: how to allow it on the two phones most people have, and a way to try again. */
export function DeniedPanel({ onRetry }: { onRetry: () => void }) {
  const t = useTranslations("tracking");
  // When the person allows location in the site settings without leaving the page, start right away.
  useEffect(() => {
    let status: PermissionStatus | null = null;
    const onChange = () => {
      if (status?.state === "granted") onRetry();
    };
    navigator.permissions
      ?.query({ name: "geolocation" })
      .then((s) => {
        status = s;
        s.addEventListener("change", onChange);
      })
      .catch(() => undefined);
    return () => status?.removeEventListener("change", onChange);
  }, [onRetry]);

  return (
    <section aria-labelledby="denied-title" className="rounded-xl border border-amber-200 bg-white px-5 py-5 shadow-xs">
      <div className="flex items-start gap-3">
        <AlertTriangleIcon className="mt-1 text-amber-700" />
        <div>
          <h2 id="denied-title" className="text-lg font-semibold tracking-tight text-slate-900">
            {t("denied.title")}
          </h2>
          <p className="mt-1 text-[15px] leading-6 text-slate-700">{t("denied.body")}</p>
        </div>
      </div>
      <div className="mt-4 space-y-4 text-[15px] leading-6 text-slate-700">
        <div>
          <h3 className="font-semibold text-slate-900">{t("denied.android")}</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            <li>{t("denied.androidIcon")}</li>
            <li>{t.rich("denied.androidAllow", { strong })}</li>
            <li>{t("denied.androidQuickSettings")}</li>
          </ol>
        </div>
        <div>
          <h3 className="font-semibold text-slate-900">{t("denied.iphone")}</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            <li>{t.rich("denied.iphoneAllow", { strong })}</li>
            <li>{t.rich("denied.iphoneSettings", { strong })}</li>
          </ol>
        </div>
      </div>
      <Button className={`${bigButton} mt-5`} onClick={onRetry}>
        {t("denied.retry")}
      </Button>
    </section>
  );
}

export function UnsupportedPanel({ insecure }: { insecure: boolean }) {
  const t = useTranslations("tracking");
  return (
    <Screen tone="warning" title={t("unsupported.title")} icon={<AlertTriangleIcon />}>
      <p>{insecure ? t("unsupported.insecure") : t("unsupported.otherBrowser")}</p>
      <p>{t("unsupported.nothingShared")}</p>
    </Screen>
  );
}
