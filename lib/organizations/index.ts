// The organizations domain's public face: other domains import only this file.
export { createOrganizationTx } from "./create-organization";
export { CreateOrganizationInput } from "./inputs";
export { TimeZone } from "./schemas";
