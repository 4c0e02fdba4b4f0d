// The reports domain's public face: other domains import only this file.
export { getAttendanceReport, type AttendanceReport } from "./attendance-report";
export { outcomeOf, OUTCOMES, type Outcome } from "./outcomes";
export { AttendanceReportInput } from "./schemas";
