// The http domain's public face: other domains import only this file.
export { appUrl } from "./app-url";
export { addressBucket, clientAddress } from "./client-address";
export { installPeerAddressStamp } from "./peer-address";
