import type { CsvTarget } from "./schemas";

// Client-safe: the mapping step starts from this guess and lets the user change every column.

/** "E-Mail", "guardian_of", "Téléphone " → "e mail", "guardian of", "telephone". */
function normalizeHeader(header: string): string {
  return header
    .normalize("NFD")
    .replace(/\p{Diacritic}/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const list = (words: string) => new Set(words.split(","));

// Header names as organizers type them, in English, German, Portuguese, Spanish, French and Italian.
const FULL_NAME = list(
  "name,full name,fullname,participant,participant name,nome,nome completo,nombre,nombre completo,nom,nom complet," +
    "vollstandiger name,teilnehmer,teilnehmerin,person,contact,contact name,display name",
);
const NAME_PART = list(
  "first name,firstname,given name,last name,lastname,surname,family name,vorname,nachname,familienname," +
    "primeiro nome,sobrenome,apellido,apellidos,prenom,cognome",
);
const GUARDIAN = list(
  "guardian,guardian of,parent of,child,child name,kind,schuler,schulerin,erziehungsberechtigt von,elternteil von," +
    "responsavel por,aluno,aluna,hijo,hija,tutor de,tutora de,enfant",
);
const LANGUAGE = list("language,lang,locale,sprache,idioma,lengua,lingua,langue,preferred language");
// Our own roster export's column in each language among them ("Abgemeldet", "Dado de baja", "Descadastrado").
const OPT_OUT = list("opted out,opt out,optout,opted out at,abgemeldet,dado de baja,de baja,descadastrado,descadastrada");
// Any one of these words in a header is enough ("Parent phone", "Handynummer Mutter").
const EMAIL_WORDS = list("email,mail,correo,courriel");
const PHONE_WORDS = list(
  "phone,mobile,mobil,cell,cellphone,telefon,telefonnummer,tel,telephone,telefone,telefono,handy,handynummer," +
    "whatsapp,celular,movil,portable",
);

function guessOne(header: string): CsvTarget | "namePart" {
  const h = normalizeHeader(header);
  if (h === "") return "ignore";
  const words = h.split(" ");
  if (FULL_NAME.has(h)) return "name";
  if (NAME_PART.has(h)) return "namePart";
  if (GUARDIAN.has(h)) return "guardianOf";
  if (LANGUAGE.has(h)) return "language";
  if (words.some((word) => EMAIL_WORDS.has(word))) return "email";
  if (words.some((word) => PHONE_WORDS.has(word))) return "phone";
  // Opt-outs change only through WhatsApp; an exported "opted_out" column must not come back as data.
  if (OPT_OUT.has(h)) return "ignore";
  return "metadata";
}

/**
 * A first guess at what each column holds. Each of name, phone, e-mail, "guardian of" and language goes to the first column
 * that looks like it; other named columns are kept as extra fields, unnamed ones are not imported. Without a
 * full-name column, first- and last-name columns together make the name.
 */
export function guessMapping(headers: string[]): CsvTarget[] {
  const guesses = headers.map(guessOne);
  const hasFullName = guesses.includes("name");
  const taken = new Set<CsvTarget>();
  return guesses.map((guess) => {
    if (guess === "namePart") return hasFullName ? "metadata" : "name";
    if (guess === "metadata" || guess === "ignore") return guess;
    if (taken.has(guess)) return "metadata";
    taken.add(guess);
    return guess;
  });
}
