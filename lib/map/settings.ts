import type { Env } from "@/lib/env";
import { PMTILES_STYLE_PATH, type MapSettings } from "./types";

/** The map settings pages pass to the browser, from this process's settings. */
export function mapSettingsOf(settings: Pick<Env, "MAP_STYLE" | "MAP_PROVIDER_NAME">): MapSettings {
  const style = settings.MAP_STYLE;
  if (style === "offline") return { kind: "offline" };
  if (style === "pmtiles") return { kind: "pmtiles", styleUrl: PMTILES_STYLE_PATH };
  return { kind: "provider", styleUrl: style, provider: settings.MAP_PROVIDER_NAME ?? new URL(style).hostname };
}

/** The one origin outside the app that the browser may fetch map resources from (style, tiles, sprites, fonts). */
export function mapProviderOrigin(settings: Pick<Env, "MAP_STYLE">): string | null {
  const style = settings.MAP_STYLE;
  return style === "offline" || style === "pmtiles" ? null : new URL(style).origin;
}
