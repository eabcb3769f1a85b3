import { normalizeSpace } from '../text';

const LEAD = /^(?:written |reported |posted )?(?:by|von|par|por|di|door|av|przez)\s+/i;
const SEPARATOR = /\s*(?:,|;|\||\/|&|\band\b|\bund\b|\bet\b|\by\b|\bi\b|\boraz\b|\bplus\b)\s*/i;
/** Addresses, years, bare labels and copyright lines are not names. */
const NOT_A_NAME = /^(?:https?:|www\.)|\d{4}|^(?:updated|published|staff|the|editor|editors)$|copyright|©|all rights reserved/i;
/** A site's own domain ("jungle.world", "STERN.de"), as against initials run together ("J.R.R.Tolkien", "Dr.Who"). */
const DOMAIN = /^[\p{L}\d-]{2,}(?:\.[\p{L}\d-]+)*\.\p{Ll}{2,}$/u;

/** A name as it should be shown once: no "By", no trailing role or e-mail. */
function cleanName(raw: string): string {
  return normalizeSpace(raw.replace(LEAD, '').replace(/\S+@\S+/g, '').replace(/[,;|–—-]\s*$/, ''));
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
    if (/^(?:https?:)?\/\//i.test(value.trim())) continue;
    for (const part of normalizeSpace(value).replace(LEAD, '').split(SEPARATOR)) {
      const name = cleanName(part);
      const key = name.toLowerCase();
      if (!name || name.length > 80 || NOT_A_NAME.test(name) || DOMAIN.test(name) || seen.has(key)) continue;
      seen.add(key);
      out.push(name);
    }
  }
  return out;
}
