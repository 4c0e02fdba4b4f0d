"use client";

import { useEffect } from "react";
import { Button } from "@/components/ui/button";
import { AlertTriangleIcon, MapPinIcon } from "@/components/ui/icons";
import type { TrackingPageInfo } from "@/lib/tracking/schemas";
import { Screen } from "./screens";

const bigButton = "h-12 w-full text-base";

/** Plain-words consent: what is shared, with whom, until when; nothing happens before the button. */
export function ConsentPanel({ info, untilLabel, onConsent }: { info: TrackingPageInfo; untilLabel: string; onConsent: () => void }) {
  const org = info.organizationName;
  return (
    <section aria-labelledby="consent-title" className="rounded-xl border border-slate-200 bg-white px-5 py-5 shadow-xs">
      <h2 id="consent-title" className="text-lg font-semibold tracking-tight text-slate-900">
        Share your location on the way?
      </h2>
      <p className="mt-1 text-[15px] leading-6 text-slate-700">
        Hello {info.participantName}. {org} then sees when you will arrive and checks you in automatically.
      </p>
      <ul className="mt-3 space-y-2 text-[15px] leading-6 text-slate-700">
        <li>
          <strong className="font-semibold text-slate-900">What:</strong> your position, only while this page is open.
        </li>
        <li>
          <strong className="font-semibold text-slate-900">Who sees it:</strong> the staff of {org} for this event.
        </li>
        <li>
          <strong className="font-semibold text-slate-900">Until when:</strong> until you arrive (sharing then stops by itself), at
          the latest {untilLabel}. You can stop at any time.
        </li>
      </ul>
      <p className="mt-3 rounded-lg bg-amber-50 px-3 py-2 text-sm leading-6 text-amber-950">
        Keep this page open on the way: sharing pauses if you switch to another app or lock your phone.
      </p>
      <Button className={`${bigButton} mt-4`} onClick={onConsent}>
        <MapPinIcon />
        Share my location
      </Button>
      <p className="mt-2 text-center text-xs text-slate-500">Your browser will then ask you to allow location.</p>
    </section>
  );
}

/** Location was refused: how to allow it on the two phones most people have, and a way to try again. */
export function DeniedPanel({ onRetry }: { onRetry: () => void }) {
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
            Location is blocked
          </h2>
          <p className="mt-1 text-[15px] leading-6 text-slate-700">
            Your phone did not let this page see your location, so nothing is shared. To share it, allow location for this
            site and try again.
          </p>
        </div>
      </div>
      <div className="mt-4 space-y-4 text-[15px] leading-6 text-slate-700">
        <div>
          <h3 className="font-semibold text-slate-900">Chrome on Android</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            <li>Tap the icon left of the web address (the settings or lock icon).</li>
            <li>
              Tap <strong>Permissions</strong> → <strong>Location</strong> → <strong>Allow</strong>.
            </li>
            <li>Check that Location is turned on in the phone&apos;s quick settings.</li>
          </ol>
        </div>
        <div>
          <h3 className="font-semibold text-slate-900">Safari on iPhone</h3>
          <ol className="mt-1 list-decimal space-y-1 pl-5">
            <li>
              Tap <strong>aA</strong> in the address bar → <strong>Website Settings</strong> → <strong>Location</strong> →{" "}
              <strong>Allow</strong>.
            </li>
            <li>
              If that is not offered: <strong>Settings</strong> → <strong>Privacy &amp; Security</strong> →{" "}
              <strong>Location Services</strong> → <strong>Safari Websites</strong> → <strong>While Using the App</strong>.
            </li>
          </ol>
        </div>
      </div>
      <Button className={`${bigButton} mt-5`} onClick={onRetry}>
        Try again
      </Button>
    </section>
  );
}

export function UnsupportedPanel({ insecure }: { insecure: boolean }) {
  return (
    <Screen tone="warning" title="This browser cannot share your location" icon={<AlertTriangleIcon />}>
      {insecure ? (
        <p>This page was opened over an insecure connection. Open the link exactly as you received it (it starts with https).</p>
      ) : (
        <p>Open this link in Chrome, Safari, Firefox or Samsung Internet on your phone instead.</p>
      )}
      <p>Nothing is shared from this page.</p>
    </Screen>
  );
}
