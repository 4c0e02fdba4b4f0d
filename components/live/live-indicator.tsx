import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";
import type { LiveConnection } from "./use-live-snapshot";

type Props = { connection: LiveConnection; tone?: "light" | "dark"; className?: string };

/**
 * "Live" with a green dot while the stream is open (it pings a few times each time the stream connects, then rests);
 * "Reconnecting…" while it is not; a plain statement when the server ended it for good (signed out or removed).
 * Announced politely.
 */
export function LiveIndicator({ connection, tone = "light", className }: Props) {
  const t = useTranslations("live");
  const isLive = connection === "live";
  const styles =
    tone === "dark"
      ? isLive
        ? "bg-emerald-400/15 text-emerald-200 ring-emerald-300/40"
        : "bg-amber-400/15 text-amber-200 ring-amber-300/40"
      : isLive
        ? "bg-emerald-50 text-emerald-800 ring-emerald-300/70"
        : "bg-amber-50 text-amber-900 ring-amber-300/80";
  return (
    <span
      role="status"
      data-testid="live-indicator"
      data-connection={connection}
      className={cn(
        "inline-flex items-center gap-2 rounded-full px-2.5 py-1 text-xs font-semibold whitespace-nowrap ring-1 ring-inset",
        styles,
        className,
      )}
    >
      <span aria-hidden="true" className="relative flex size-2">
        {/* Mounted afresh each time the stream is live again, so every (re)connection pings, a few times only. */}
        {isLive ? <span className="absolute inline-flex size-full rounded-full bg-emerald-500 opacity-60 motion-safe:animate-live-ping" /> : null}
        <span className={cn("relative inline-flex size-2 rounded-full", isLive ? "bg-emerald-500" : "bg-amber-500")} />
      </span>
      {t(`connection.${connection}`)}
    </span>
  );
}
