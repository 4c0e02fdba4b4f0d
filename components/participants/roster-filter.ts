// Pure: narrows and pages a roster already loaded for the page (rosters can hold thousands of people).

export const ROSTER_PAGE_SIZE = 100;

type Searchable = { name: string; phone: string; email: string | null; guardianOf: string | null };

/**
 * Matches name, e-mail and "guardian of" as text, and the phone by its digits, so "0151 2345" finds
 * +4915123456789 (a national leading 0 is dropped before comparing).
 */
export function filterRoster<T extends Searchable>(roster: T[], query: string): T[] {
  const text = query.trim().toLowerCase();
  if (!text) return roster;
  const digits = text.replace(/\D/g, "").replace(/^0+/, "");
  return roster.filter(
    (p) =>
      [p.name, p.email ?? "", p.guardianOf ?? ""].some((value) => value.toLowerCase().includes(text)) ||
      (digits.length >= 3 && p.phone.replace(/\D/g, "").includes(digits)),
  );
}

export function pageOf<T>(rows: T[], requested: number, size = ROSTER_PAGE_SIZE) {
  const pages = Math.max(1, Math.ceil(rows.length / size));
  const page = Math.min(Math.max(1, Number.isFinite(requested) ? Math.floor(requested) : 1), pages);
  const start = (page - 1) * size;
  return { rows: rows.slice(start, start + size), page, pages, from: rows.length === 0 ? 0 : start + 1, to: Math.min(start + size, rows.length) };
}
