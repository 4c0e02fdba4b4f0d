// The mail domain's public face: other domains import only this file.
export { sendMail } from "./send-mail";
export {
  accountExistsMail,
  emailConfirmationMail,
  invitationMail,
  passwordResetMail,
  type InvitedRole,
  type MailContent,
} from "./messages";
