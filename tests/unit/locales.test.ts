import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../lib/clean/rules';
import { USER_RULE_NAME } from '../../lib/clean/user-rules';
import { formatMessage, LOCALES, readMessages } from './support/messages';

const ROOT = join(import.meta.dirname, '../..');

/** Every source file of the extension's pages. */
function sources(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? sources(join(dir, d.name)) : /\.tsx?$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

const placeholdersOf = (text: string) => [...text.matchAll(/\$(\w+)\$/g)].map((m) => m[1]!.toLowerCase()).sort();

describe('the interface languages', () => {
  const english = readMessages('en');

  it('have every key the pages ask for', () => {
    const asked = new Set<string>();
    for (const file of [...sources('components'), ...sources('entrypoints')]) {
      for (const m of readFileSync(join(ROOT, file), 'utf8').matchAll(/\bt\(\s*'([A-Za-z0-9_]+)'/g)) asked.add(m[1]!);
    }
    expect(asked.size).toBeGreaterThan(100);
    for (const locale of LOCALES)
      expect(
        [...asked].filter((key) => !readMessages(locale)[key]),
        locale,
      ).toEqual([]);
  });

  it('are complete in German, French and Spanish, with the same placeholders as English', () => {
    for (const locale of LOCALES.slice(1)) {
      const messages = readMessages(locale);
      expect(Object.keys(messages).sort(), locale).toEqual(Object.keys(english).sort());
      for (const [key, entry] of Object.entries(messages)) {
        expect(entry.message.trim(), `${locale}:${key}`).not.toBe('');
        expect(placeholdersOf(entry.message), `${locale}:${key}`).toEqual(placeholdersOf(english[key]!.message));
      }
    }
  });

  it('give every cleaning rule a label for the reader', () => {
    for (const locale of LOCALES) {
      const messages = readMessages(locale);
      for (const name of [...RULES.map((r) => r.name), USER_RULE_NAME]) expect(messages[`rule_${name.replace(/-/g, '_')}`], `${locale}:${name}`).toBeDefined();
    }
  });

  it('fill in placeholders as the browser does', () => {
    expect(formatMessage(english, 'tabSavedCount', ['12'])).toBe('Saved (12)');
    expect(formatMessage(english, 'progressOf', ['Exporting', '3', '40'])).toBe('Exporting 3 of 40');
    expect(formatMessage(readMessages('de'), 'tabSavedCount', ['12'])).toBe('Gespeichert (12)');
  });
});
