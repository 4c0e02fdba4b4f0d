"use client";

import { useRouter } from "next/navigation";
import { useEffect } from "react";

// setTimeout holds at most ~24.8 days; a link that opens later than a day ahead is simply reloaded by the person.
const MAX_WAIT_MS = 24 * 60 * 60_000;

/** Reloads the server page once `at` has passed (a not-yet-open link turns into the consent screen by itself). */
export function RefreshAt({ at }: { at: string }) {
  const router = useRouter();
  useEffect(() => {
    const wait = Date.parse(at) - Date.now() + 1_000;
    if (wait > MAX_WAIT_MS) return;
    const id = setTimeout(() => router.refresh(), Math.max(wait, 0));
    return () => clearTimeout(id);
  }, [at, router]);
  return null;
}
