// Client-safe and pure.

/**
 * A cell starting with = + - @ (or a tab/CR) is run as a formula by Excel and LibreOffice, so a name like
 * `=HYPERLINK(…)` would execute on the organizer's machine. Such text cells get a leading apostrophe, which
 * `unguardCell` removes again on import. Phone numbers are written as bare E.164, which no spreadsheet executes.
 */
export function guardCell(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** RFC 4180: fields with a separator, quote or line break are quoted, quotes doubled. */
export function quoteCell(value: string): string {
  return /[",\r\n;]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A UTF-8 CSV with a byte order mark (so Excel reads umlauts and accents correctly) and CRLF line ends. */
export function toCsv(headers: string[], rows: string[][]): string {
  const lines = [headers, ...rows].map((cells) => cells.map(quoteCell).join(","));
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}
