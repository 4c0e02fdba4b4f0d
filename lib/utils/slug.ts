/** "Écoles Saint-Exupéry (Gate B)" → "ecoles-saint-exupery-gate-b": plain ASCII, lower case, single dashes. */
export function toSlug(text: string, maxLength = 60): string {
  return text
    .replace(/ß/g, "ss")
    .replace(/æ/gi, "ae")
    .replace(/[øœ]/gi, "o")
    .normalize("NFKD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, maxLength)
    .replace(/-+$/, "");
}
