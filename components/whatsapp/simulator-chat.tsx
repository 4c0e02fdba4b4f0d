"use client";

import { useTranslations } from "next-intl";
import { cn } from "@/lib/utils/cn";
import type { ChatLine } from "@/lib/whatsapp/simulator/chat-line";

/** The participant's WhatsApp, as their phone shows it: what we sent on the left, what they did on the right. */
export function SimulatorChat({ name, lines }: { name: string; lines: ChatLine[] }) {
  const t = useTranslations("simulator");
  return (
    <div role="log" aria-label={t("chat.label", { name })} className="space-y-2 rounded-2xl bg-[#e7f3ea] p-3 text-sm">
      {lines.length === 0 ? <p className="text-slate-600">{t("chat.empty")}</p> : null}
      {lines.map((line) => (
        <div key={line.id} data-testid="chat-line" className={cn("flex", line.from === "them" ? "justify-end" : "justify-start")}>
          <div
            className={cn(
              "max-w-[85%] rounded-xl px-3 py-2 break-words whitespace-pre-line shadow-xs",
              line.from === "them" ? "bg-[#d9fdd3] text-slate-900" : "bg-white text-slate-900",
            )}
          >
            <LineText line={line} />
            {line.buttons?.map((button) => (
              <span key={button} className="mt-1 block rounded-lg border border-slate-100 px-2 py-1 text-center font-medium text-sky-700">
                {button}
              </span>
            ))}
            {line.kind === "locationRequest" ? (
              <span className="mt-1 block rounded-lg border border-slate-100 px-2 py-1 text-center font-medium text-sky-700">
                {t("chat.locationRequest")}
              </span>
            ) : null}
            {line.template ? (
              <span className="mt-1 block text-xs text-slate-500">{t("chat.template", line.template)}</span>
            ) : null}
          </div>
        </div>
      ))}
    </div>
  );
}

function LineText({ line }: { line: ChatLine }) {
  const t = useTranslations("simulator");
  switch (line.kind) {
    case "tap":
      return <>{t("chat.tapped", { title: line.text ?? "" })}</>;
    case "location":
      return <>{t("chat.location")}</>;
    case "other":
      return <span className="text-slate-500">{t("chat.other")}</span>;
    default:
      return <>{line.text}</>;
  }
}
