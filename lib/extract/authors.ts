import { normalizeSpace } from '../text';
import { AGENCY } from '../photo-agencies';

/** "By", and the genre or deed before it ("Analysis by", "Text von"), or a label ("Текст:", "Autor:"). */
const LEAD =
  /^(?:(?:(?:written|reported|posted|analysis|opinion|commentary|review|story|text|words|interview|photos?|video)\s+)?(?:by|von|par|por|di|door|av|przez)\s+|(?:text|texto|texte|testo|tekst|текст|autor|author|auteur|autore|autorin)\s*:\s*)/iu;
/**
 * What joins names in a byline. The one-letter conjunctions ("y", "i") only in
 * lower case: "Bruce Y. Lee" is one name with an initial.
 */
const SEPARATOR = /\s*(?:,|;|\||\/|&|\b(?:[Aa]nd|AND|[Uu]nd|UND|et|y|i|oraz|plus)\b)\s*/;
/** A job title given beside the names: "CNN Editor-at-large", "AP Sports Writer", "Staff reporter". */
const ROLE =
  /\b(?:editor(?:-at-large)?|correspondent|writer|reporter|columnist|staff|redakteur(?:in)?|korrespondent(?:in)?|autor(?:in)?|rédact(?:eur|rice)|corresponsal|redactor(?:a)?)s?\b/i;
/** Addresses, years, markup and code, bare labels and copyright lines are not names. */
const NOT_A_NAME = /^(?:https?:|www\.)|\d{4}|[<>{}=:;"\\#+]|^(?:updated|published|staff|the|editor|editors)$|copyright|©|all rights reserved|^[^\p{L}]*$/iu;
/** A value that holds markup or code ("<svg …>", "color: rgb(51, 51, 51)") is not a list of names to split. */
const CODE = /[<>{}]|=\s*["']|\w:\s*\w+\(/;
/**
 * What a site calls a visitor or account that has no name: a comment
 * form's "Guest", a blog's "admin". Not a writer's name in any language.
 */
const NO_ONE =
  /^(?:guest|anonymous|anonym|anonyme?|anónimo|anonimo|anonimowy|gast|gość|invité|invitado|ospite|гость|аноним|匿名|游客|admin|administrator|administrateur|webmaster|user|unknown|unbekannt)$/iu;
/** A site's own domain ("jungle.world", "STERN.de"), as against initials run together ("J.R.R.Tolkien", "Dr.Who"). */
const DOMAIN = /^[\p{L}\d-]{2,}(?:\.[\p{L}\d-]+)*\.\p{Ll}{2,}$/u;

/** A name as it should be shown once: no "By", no trailing role or e-mail. */
function cleanName(raw: string): string {
  return normalizeSpace(
    raw
      .replace(LEAD, '')
      .replace(/\S+@\S+/g, '')
      .replace(/[,;|–—-]\s*$/, ''),
  );
}

/**
 * Author names from what a page offers: a list (JSON-LD, meta tags) or a
 * byline line ("By A, B and C"). Duplicates (same name repeated for a
 * picture and a link) appear once, in first-seen order.
 */
export function authorList(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const value of values) {
    if (/^(?:https?:)?\/\//i.test(value.trim()) || CODE.test(value)) continue;
    for (const part of normalizeSpace(value).replace(LEAD, '').split(SEPARATOR)) {
      const name = cleanName(part);
      const key = name.toLowerCase();
      if (!name || name.length > 80 || NOT_A_NAME.test(name) || NO_ONE.test(name) || DOMAIN.test(name) || seen.has(key)) continue;
      // A role of two words or more ("AP Sports Writer") is a title, not a name; "Staff" alone is caught above.
      if (ROLE.test(name) && name.split(' ').length >= 2) continue;
      seen.add(key);
      out.push(name);
    }
  }
  // An agency beside a writer's name is where the writer works ("Jane Doe, Bloomberg"); alone it is the byline.
  const people = out.filter((name) => !AGENCY_NAME.test(name));
  return people.length ? people : out;
}

/** Lower-case words a name may hold ("Anna della Rocca"); any other lower-case word of four letters or more is not a name's. */
const NAME_PARTICLES = new Set(['della', 'delle', 'dello', 'degli', 'dela']);

/** An elided particle joined to the capitalised rest of a surname: "dall'Orto", "dell’Acqua". */
const ELIDED_PARTICLE = /^\p{Ll}+['’]\p{Lu}/u;

/**
 * Whether a link's text reads as a name: an author link may also say "View
 * my complete profile" or "Archiv anzeigen". Scripts without case pass.
 */
export function readsAsName(text: string): boolean {
  const words = text.split(' ');
  // One word is a name or a handle ("gizzmo"), which is how a blog shows its author.
  return words.length === 1 || words.every((word) => !/^\p{Ll}{4,}/u.test(word) || NAME_PARTICLES.has(word) || ELIDED_PARTICLE.test(word));
}

const AGENCY_NAME = new RegExp(`^(?:${AGENCY})$`, 'i');

/**
 * Dublin Core writes one creator per tag, surname first ("Jong, Michiel de"):
 * put it as the name is said. Only a one-word surname is turned, so that
 * "Acme GmbH, Beta GmbH" stays two names.
 */
export function personalOrder(value: string): string {
  const match = /^\s*([^\s,]+)\s*,\s*([^,]+?)\s*$/.exec(value);
  // "Reuters, AP" is two agencies, not a person called "AP Reuters"; "Doe, JA" is a person with initials.
  return match && !AGENCY_NAME.test(match[2]!) ? `${match[2]} ${match[1]}` : value;
}
