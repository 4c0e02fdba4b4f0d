import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";

/** Whether the request carries `Authorization: Bearer <OPERATOR_TOKEN>` (compared in constant time). */
export function hasOperatorToken(request: Request): boolean {
  const expected = env().OPERATOR_TOKEN;
  const header = request.headers.get("authorization") ?? "";
  if (!expected || !header.toLowerCase().startsWith("bearer ")) return false;
  // Hashing both sides gives equal lengths, so the comparison leaks neither the token nor its length.
  const digest = (value: string) => createHash("sha256").update(value).digest();
  return timingSafeEqual(digest(header.slice(7).trim()), digest(expected));
}
