// The participants domain's public face: other domains import only this file.
export { guardCell, toCsv } from "./csv/write-csv";
export { listParticipants } from "./list-participants";
export { addToRoster } from "./participants";
