// The redis domain's public face: other domains import only this file.
export { getRedis } from "./client";
