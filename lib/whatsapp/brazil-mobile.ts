// Brazil put a ninth digit (a leading 9) in front of every mobile number between 2012 and 2016. WhatsApp ids made
// before that kept the old form in many area codes: the phone +55 31 99876-5432 writes to us as 553198765432. Both
// forms name the same phone, so a sender is matched under either.

/**
 * The other form of a Brazilian mobile number in E.164: without its ninth digit, or with it. Null for any other
 * number, landlines included (8 digits starting with 2–5).
 */
export function brazilianMobileTwin(e164: string): string | null {
  const withNinth = /^\+55([1-9]{2})9(\d{8})$/.exec(e164);
  if (withNinth) return `+55${withNinth[1]}${withNinth[2]}`;
  const withoutNinth = /^\+55([1-9]{2})([6-9]\d{7})$/.exec(e164);
  if (withoutNinth) return `+55${withoutNinth[1]}9${withoutNinth[2]}`;
  return null;
}
