import type { Exportable } from './exportable';

/** Format tag and version of every JSON file Clean Copy writes; docs/json-schema.md describes it. */
export const JSON_FORMAT = 'clean-copy';
export const JSON_VERSION = 1;

export interface JsonExport {
  format: typeof JSON_FORMAT;
  version: typeof JSON_VERSION;
  exportedAt: string;
  articles: Exportable[];
}

/** One file for one article or many: the same shape as a backup. */
export function toJson(articles: readonly Exportable[], exportedAt: Date): string {
  const doc: JsonExport = { format: JSON_FORMAT, version: JSON_VERSION, exportedAt: exportedAt.toISOString(), articles: [...articles] };
  return JSON.stringify(doc, null, 2) + '\n';
}
