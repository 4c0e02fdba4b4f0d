// lib/attendance: the one owner of an attendance's state. Every RSVP, journey, check-in and no-show change is made
// here, with its audit, activity and after-commit effects; other domains import this file only.

export { recordActivity, type NewActivity } from "./activity";
export { recordGeofenceArrival } from "./arrival";
export { checkInManually, ManualCheckInInput, undoCheckIn } from "./check-in";
export { closedAttendanceKey, markClosed, onAttendanceChanged, runAttendanceEffects, type AttendanceEffect } from "./effects";
export { detectArrival, isInside, isSurelyInside, type Fix, type Geofence } from "./geofence";
export { lockAttendance } from "./lock";
export { markNoShows } from "./no-show";
export {
  recordLinkPositions,
  recordPositions,
  startJourney,
  type LinkPositions,
  type LinkPositionsOutcome,
  type PointRow,
  type PointRowMs,
} from "./positions";
export { confirmPendingForDemo, recordRsvpTap, setRsvpByStaff, StaffRsvpInput, type RsvpTap } from "./rsvp";
export { recordSharedLocation, type SharedLocation, type SharedLocationResult } from "./shared-location";
export { isTravelling, TRAVELLING, type ActivityKind, type CheckInMethod, type Journey, type Rsvp, type TravellingJourney } from "./states";
export {
  aliasedWindowColumns,
  DEFAULT_TRACKING_MINUTES,
  trackingWindow,
  trackingWindowSql,
  WINDOW_TABLE_COLUMNS,
  type WindowColumns,
} from "./window";
export { insertHeldAttendances, type HeldAttendance } from "./history";
