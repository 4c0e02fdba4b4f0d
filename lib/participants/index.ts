// The participants domain's public face: other domains import only this file.
export { guardCell, toCsv } from "./csv/write-csv";
export { listParticipants, pageParticipants, PageParticipantsInput } from "./list-participants";
export {
  addToRoster,
  createParticipant,
  createParticipantOnRoster,
  deleteParticipant,
  getParticipant,
  listRoster,
  removeFromRoster,
  updateParticipant,
  type Participant,
} from "./participants";
export { ParticipantInput } from "./schemas";
export {
  UPSERT_MAX_ROWS,
  upsertParticipants,
  UpsertParticipantsInput,
  type UpsertResult,
  type UpsertRowResult,
  type UpsertStatus,
} from "./upsert-participants";
