// The members domain's public face: other domains import only this file.
export { acceptInvitationTx } from "./invitations";
export { Email } from "./schemas";
export { mailInvitation } from "./invitation-mail";
