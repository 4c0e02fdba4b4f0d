/** Links that carry a secret in the path (tracking, invitation, password reset, calendar feed) are logged without it. */
export function redactTokens(pathname: string): string {
  return pathname.replace(/^\/(t|invite|reset-password|calendar)\/[^/]+/, "/$1/:token");
}
