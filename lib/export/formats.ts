import type { Exportable } from './exportable';
import { slugify } from './filename';
import { toHtml } from './html';
import { toJson } from './json';
import { toMarkdown } from './markdown';
import { toText } from './text';
import { embedPictures, type ParsingWindow } from '../pictures/gather';
import type { PictureLookup } from '../pictures/picture';
import { dataAddress } from '../pictures/picture-files';

export type FormatId = 'md' | 'json' | 'html' | 'txt';

export interface ExportFormat {
  id: FormatId;
  label: string;
  extension: string;
  mime: string;
  render(a: Exportable, now: Date, options?: RenderOptions): string;
}

export interface RenderOptions {
  /** The reader's front matter template for Markdown; the default when absent. */
  frontMatterTemplate?: string;
}

export const FORMATS: Readonly<Record<FormatId, ExportFormat>> = {
  md: { id: 'md', label: 'Markdown', extension: 'md', mime: 'text/markdown', render: (a, _now, options) => toMarkdown(a, options?.frontMatterTemplate) },
  json: { id: 'json', label: 'JSON', extension: 'json', mime: 'application/json', render: (a, now) => toJson([a], now) },
  html: { id: 'html', label: 'HTML', extension: 'html', mime: 'text/html', render: (a) => toHtml(a) },
  txt: { id: 'txt', label: 'Text', extension: 'txt', mime: 'text/plain', render: (a) => toText(a) },
};

export interface ExportFile {
  name: string;
  mime: string;
  data: string | Uint8Array;
}

export function exportOne(a: Exportable, format: FormatId, now: Date, options?: RenderOptions): ExportFile {
  const f = FORMATS[format];
  return { name: `${slugify(a.title)}.${f.extension}`, mime: `${f.mime};charset=utf-8`, data: f.render(a, now, options) };
}

/** Every article in one file: JSON, the backup format. */
export function exportAllJson(articles: readonly Exportable[], now: Date): ExportFile {
  return { name: `clean-copy-${now.toISOString().slice(0, 10)}.json`, mime: 'application/json;charset=utf-8', data: toJson(articles, now) };
}

/** A standalone page that needs nothing from the network: each picture with a stored copy inside it, as a data: address. */
export async function toHtmlWithPictures(a: Exportable, pictures: PictureLookup, win: ParsingWindow): Promise<string> {
  return toHtml((await embedPictures(a, pictures, win, dataAddress)).article);
}

/**
 * One article's file, carrying its pictures where one file can: an HTML page
 * holds them as data: addresses. Markdown, text and JSON name them as the
 * article does (a ZIP of Markdown carries them in an assets/ folder).
 */
export async function exportOneWithPictures(
  a: Exportable,
  format: FormatId,
  now: Date,
  options: RenderOptions & { pictures?: PictureLookup; win: ParsingWindow },
): Promise<ExportFile> {
  const file = exportOne(a, format, now, options);
  if (format !== 'html' || !options.pictures) return file;
  return { ...file, data: await toHtmlWithPictures(a, options.pictures, options.win) };
}
