import { t } from './i18n';

/**
 * The extractor and the address check (lib/) speak English, as the command
 * line does; the pages say the same things in the interface language. Each
 * known sentence maps to its message; an unknown one is shown as it came.
 */
const KNOWN: [RegExp, string][] = [
  [/^No article found on this page\./, 'libNoArticle'],
  [/^This is a browser page\./, 'libBrowserPage'],
  [/^This is an extension store page\./, 'libStorePage'],
  [/^This tab’s address is not one Clean Copy can read\./, 'libBadAddress'],
  [/^Clean Copy cannot read files on your computer/, 'libFileAccess'],
  [/^This tab shows the browser’s error page/, 'libErrorPage'],
  [/^The browser does not let Clean Copy read this page\./, 'libNotAllowed'],
  [/^This page is too large to clean \(([\d,.\s]+) elements; the limit is ([\d,.\s]+)\)\.$/, 'libTooLarge'],
  [/^This page is nested too deeply to clean \(([\d,.\s]+) levels; the limit is ([\d,.\s]+)\)\.$/, 'libTooDeep'],
  [/^Could not read this page: (.*)$/s, 'libCouldNotRead'],
];

export function localText(english: string): string {
  for (const [pattern, key] of KNOWN) {
    const match = pattern.exec(english);
    if (!match) continue;
    const text = t(key, ...match.slice(1));
    return text && text !== key ? text : english;
  }
  return english;
}
