// The auth domain's public face: other domains import only this file.
export { getCurrentUser } from "./current-user";
export { hashPassword } from "./password";
export { getAuthSecret } from "./secret";
export { hashToken, newToken } from "@/lib/utils";
export { getOrgContext } from "./request-context";
export { isSessionActive } from "./sessions";
export { setUserLanguage, UserLanguageInput } from "./user-language";
