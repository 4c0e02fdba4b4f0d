import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/** Whether the request carries `Authorization: Bearer <expected>`, compared in constant time; never with no token set. */
export function hasBearerToken(request: Request, expected: string | undefined): boolean {
  const header = request.headers.get("authorization") ?? "";
  if (!expected || !header.toLowerCase().startsWith("bearer ")) return false;
  // Hashing both sides gives equal lengths, so the comparison leaks neither the token nor its length.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(header.slice(7).trim()), digest(expected));
}

/** Whether the request carries `Authorization: Bearer <OPERATOR_TOKEN>`. */
export function hasOperatorToken(request: Request): boolean {
  return hasBearerToken(request, env().OPERATOR_TOKEN);
}
