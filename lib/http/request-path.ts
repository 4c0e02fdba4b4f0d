/**
 * The page request's path, as proxy.ts saw it, for server code that decides by page (the language of a tracking
 * page). The proxy sets it on every page request, so a value a client sent never gets through.
 */
export const PATH_HEADER = "x-ec-path";
