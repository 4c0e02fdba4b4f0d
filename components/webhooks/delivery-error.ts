// Why a delivery's last attempt failed, in the reader's language, from the code stored with it. Rows written
// before the codes existed keep their stored English sentence.
import type { Translator } from "@/lib/i18n/translator-type";
import { DELIVERY_ERROR_CODES, type DeliveryErrorCode } from "@/lib/webhooks/event-types";

const isCode = (code: string): code is DeliveryErrorCode => (DELIVERY_ERROR_CODES as readonly string[]).includes(code);

export function deliveryErrorText(t: Translator<"webhooks">, row: { lastErrorCode: string | null; lastError: string | null }): string | null {
  if (row.lastErrorCode === null || !isCode(row.lastErrorCode)) return row.lastError;
  return t(`deliveryError.${row.lastErrorCode}`, { detail: row.lastError ?? "" });
}
