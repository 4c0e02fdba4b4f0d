// Catalog keys a component builds at run time from a value, e.g. t(`journey.${attendance.journey}`): each family
// is declared here once, as its full prefix. lib/i18n/catalogs.test.ts counts every key under a declared family as
// used, and fails on a built key whose family is not declared (or a family nothing builds keys from any more).
export const KEY_FAMILIES: readonly string[] = [];
