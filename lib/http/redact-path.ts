/** Links that carry a secret in the path (tracking, invitation, password reset) are logged without it. */
export function redactTokens(pathname: string): string {
  return pathname.replace(/^\/(t|invite|reset-password)\/[^/]+/, "/$1/:token");
}
