const BASE = new URL("http://this-app.invalid");
// Control characters (a tab or newline is dropped by URL parsers, so "/\t/evil.example" becomes "//evil.example"),
// backslashes (read as "/" by browsers), and anything that decodes to them.
const UNSAFE = /[\u0000-\u001f\u007f\\]/;

/**
 * A same-site path to continue to after sign-in, or the fallback: never an absolute or protocol-relative URL, never
 * anything that turns into one after decoding or parsing, never a value that cannot be put in a Location header.
 */
export function safeCallbackPath(value: unknown, fallback = "/"): string {
  if (typeof value !== "string" || value.length > 2_000 || !value.startsWith("/")) return fallback;
  let decoded: string;
  try {
    decoded = decodeURIComponent(value);
  } catch {
    return fallback;
  }
  if (UNSAFE.test(value) || UNSAFE.test(decoded) || decoded.startsWith("//")) return fallback;
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return fallback;
  }
  if (url.origin !== BASE.origin) return fallback;
  // Re-serialized by the URL parser: percent-encoded ASCII, safe in a Location header.
  return `${url.pathname}${url.search}${url.hash}`;
}
