import type { FormatId } from './formats';

/**
 * What a selection of articles can be exported as: one backup JSON, one EPUB
 * book, or a ZIP of files in a per-article format. Kept apart from the
 * exporter itself so the library page can offer the choice without loading
 * the converters and compressor until an export starts.
 */
export type BulkFormat = 'json' | 'epub' | `zip-${Exclude<FormatId, 'json' | 'highlights'>}`;

export const BULK_FORMATS: readonly { id: BulkFormat; label: string }[] = [
  { id: 'zip-md', label: 'ZIP of Markdown' },
  { id: 'zip-html', label: 'ZIP of HTML' },
  { id: 'zip-txt', label: 'ZIP of text' },
  { id: 'json', label: 'JSON backup' },
  { id: 'epub', label: 'EPUB book' },
];

/**
 * Whether a bulk format writes the articles' plain text: the others need
 * only the records, so an export reads their text keys only for these.
 */
export function usesText(format: BulkFormat): boolean {
  return format === 'json' || format === 'zip-txt';
}
