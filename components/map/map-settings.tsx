"use client";

import { createContext, useContext, type ReactNode } from "react";
import type { MapSettings } from "@/lib/map/types";

const MapSettingsContext = createContext<MapSettings>({ kind: "offline" });

/** The deployment's map (MAP_STYLE), handed down from the server: read at start, never built into the code. */
export function MapSettingsProvider({ value, children }: { value: MapSettings; children: ReactNode }) {
  return <MapSettingsContext value={value}>{children}</MapSettingsContext>;
}

export function useMapSettings(): MapSettings {
  return useContext(MapSettingsContext);
}
