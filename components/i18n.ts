type I18n = { getMessage(key: string, substitutions?: string[]): string; getUILanguage?(): string };
type Scope = typeof globalThis & { browser?: { i18n?: I18n }; chrome?: { i18n?: I18n } };

/**
 * An interface string from the extension's locale files (`_locales`), in
 * the browser's language. Taken from the browser itself rather than through
 * webextension-polyfill, which the library page does not load. Outside the
 * browser (unit tests) there are no locale files, and the key comes back.
 */
export function t(key: string, ...substitutions: (string | number)[]): string {
  const scope = globalThis as Scope;
  const i18n = (scope.browser ?? scope.chrome)?.i18n;
  return i18n?.getMessage(key, substitutions.map(String)) || key;
}

/** The interface language, for `lang` on the page's root element. */
export function uiLanguage(): string {
  const scope = globalThis as Scope;
  return (scope.browser ?? scope.chrome)?.i18n?.getUILanguage?.() ?? 'en';
}
