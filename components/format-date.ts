import { formatDate } from '../lib/export/byline';
import { uiLanguage } from './i18n';

let language: string | undefined;
const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * A date as the interface says it: "23 November 2025" in English (the same
 * text the exports write, without Intl, which a 10,000-row list would feel),
 * "23. November 2025", "23 novembre 2025", "23 de noviembre de 2025" in the others.
 */
export function interfaceDate(iso: string, lang = (language ??= uiLanguage())): string {
  if (/^en\b/i.test(lang)) return formatDate(iso);
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  let format = formats.get(lang);
  if (!format) formats.set(lang, (format = new Intl.DateTimeFormat(lang, { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' })));
  return format.format(d);
}
