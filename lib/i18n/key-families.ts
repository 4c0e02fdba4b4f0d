// Catalog keys a component builds at run time from a value, e.g. t(`journey.${attendance.journey}`): each family
// is declared here once, as its full prefix. lib/i18n/catalogs.test.ts counts every key under a declared family as
// used, and fails on a built key whose family is not declared (or a family nothing builds keys from any more).
export const KEY_FAMILIES: readonly string[] = [
  // The dashboard's (issue 17): a value's own words, picked by the value.
  "common.alert",
  "common.roles",
  "organizations.types",
  "occurrences.actions",
  "occurrences.audience",
  "occurrences.actionStatus",
  "occurrences.status",
  "occurrences.rsvp",
  "occurrences.journey",
  "occurrences.checkInMethod",
  "live.state",
  "live.rsvp",
  "live.filter",
  "live.empty",
  "live.counts",
  "live.connection",
  // Why a WhatsApp message did not go out, by its stored code (components/messages/failure-text.ts).
  "sendFailures",
  // Why a scheduled action failed, was skipped or waits, by its stored code (lib/schedule/notes.ts).
  "occurrences.actionNotes",
  // Outbound webhooks: each event's one-line explanation, each delivery's status and why its last attempt failed.
  "webhooks.events",
  "webhooks.deliveryStatus",
  "webhooks.deliveryError",
];
