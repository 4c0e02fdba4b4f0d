import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import { getLocale, getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { MapSettingsProvider } from "@/components/map/map-settings";
import { env } from "@/lib/env";
import { mapSettingsOf } from "@/lib/map";
import "@fontsource-variable/inter";
import "./globals.css";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("home");
  return {
    title: { default: "Event-Coming", template: "%s · Event-Coming" },
    description: t("metaDescription"),
    applicationName: "Event-Coming",
  };
}

export const viewport: Viewport = {
  themeColor: "#00646c",
  width: "device-width",
  initialScale: 1,
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page is rendered per request: its scripts carry that request's CSP nonce (proxy.ts), which a page
  // prerendered at build time could not.
  await connection();
  return (
    <html lang={await getLocale()}>
      <body className="min-h-dvh bg-slate-50 font-sans text-slate-900 antialiased">
        {/* Every map of every page draws the deployment's map (MAP_STYLE), decided at start, not at build. */}
        <MapSettingsProvider value={mapSettingsOf(env())}>{children}</MapSettingsProvider>
      </body>
    </html>
  );
}
