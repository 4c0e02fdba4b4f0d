// The utils domain's public face: other domains import only this file.
export { coalesce } from "./coalesce";
export { groupBy } from "./group-by";
export { type Random, seededRandom } from "./seeded-random";
export { toSlug } from "./slug";
export { hashToken, newToken } from "./tokens";
export { isUuid } from "./uuid";
