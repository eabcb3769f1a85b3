import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;

export const LOCALES = ['en', 'de', 'fr', 'es'] as const;

export function readMessages(locale: string): Messages {
  return JSON.parse(readFileSync(join(import.meta.dirname, '../../../public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
}

/**
 * A message filled in the way browsers do it: `$name$` is the named placeholder,
 * whose content may hold `$1`…`$9`, the substitutions; `$$` is a dollar sign.
 */
export function formatMessage(messages: Messages, key: string, substitutions: readonly string[] = []): string {
  const entry = messages[key];
  if (!entry) return '';
  const fill = (text: string) => text.replace(/\$(\d)/g, (_, n: string) => substitutions[Number(n) - 1] ?? '');
  const placeholders = Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
  return entry.message
    .replace(/\$([A-Za-z0-9_@]+)\$/g, (whole, name: string) => {
      const content = placeholders[name.toLowerCase()];
      return content === undefined ? whole : fill(content);
    })
    .replace(/\$\$/g, '$');
}
