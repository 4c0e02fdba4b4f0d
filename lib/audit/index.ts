// The audit domain's public face: other domains import only this file.
export { writeAudit, writeUserAudit, writeWebhookAudit } from "./write-audit";
