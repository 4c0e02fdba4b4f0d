/** Every IANA zone this runtime knows, with UTC (which some runtimes leave out of the list). */
export function listTimeZones(): string[] {
  const zones = Intl.supportedValuesOf("timeZone");
  return zones.includes("UTC") ? zones : ["UTC", ...zones];
}
