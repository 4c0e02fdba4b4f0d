import { createHash, createHmac, randomBytes, timingSafeEqual } from "node:crypto";
import { appUrl } from "@/lib/http";
import { getAuthSecret } from "./secret";

/**
 * OWASP's device cookie: after a successful sign-in the browser gets a cookie bound to that account, and attempts
 * from it are throttled on their own. A stranger guessing the password locks out untrusted browsers for a while,
 * never the owner's own (https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies).
 */
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

export type DeviceCookie = { name: string; value: string; options: { httpOnly: true; sameSite: "lax"; secure: boolean; path: "/"; maxAge: number } };

/** One cookie per account (a shared family computer can be trusted for two accounts). */
export function deviceCookieName(email: string): string {
  return `ec-device-${createHash("sha256").update(email).digest("hex").slice(0, 16)}`;
}

export function mintDeviceCookie(email: string): DeviceCookie {
  const deviceId = randomBytes(12).toString("base64url");
  return {
    name: deviceCookieName(email),
    value: `${deviceId}.${mac(email, deviceId)}`,
    options: { httpOnly: true, sameSite: "lax", secure: appUrl().startsWith("https:"), path: "/", maxAge: ONE_YEAR_SECONDS },
  };
}

/** The device id of a genuine cookie for this account among the request's cookies, or null. */
export function trustedDeviceId(cookieHeader: string | null, email: string): string | null {
  const name = deviceCookieName(email);
  const value = (cookieHeader ?? "")
    .split(";")
    .map((part) => part.trim())
    .find((part) => part.startsWith(`${name}=`))
    ?.slice(name.length + 1);
  const [deviceId, given] = value?.split(".") ?? [];
  if (!deviceId || !given) return null;
  const expected = Buffer.from(mac(email, deviceId));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected) ? deviceId : null;
}

function mac(email: string, deviceId: string): string {
  return createHmac("sha256", getAuthSecret()).update(`device-cookie:${email}:${deviceId}`).digest("base64url");
}
