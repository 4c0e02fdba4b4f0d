"use client";

import { useTranslations } from "next-intl";
import { useEffect, type ReactNode } from "react";
import { AlertTriangleIcon } from "@/components/ui/icons";
import { PhoneButton } from "./phone-button";
import { Screen } from "./screens";

// Shown only when a phone cannot share: loaded on demand (next/dynamic in tracking-session.tsx), not with the page.

const strong = (chunks: ReactNode) => <strong>{chunks}</strong>;

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
      <PhoneButton className="mt-5 w-full" onClick={onRetry}>
        {t("denied.retry")}
      </PhoneButton>
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
