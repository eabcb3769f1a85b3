import { readFile } from 'node:fs/promises';
import { readArticle, readBackup, type ImportOptions } from '../lib/library/import-backup';
import { sanitizeHtml } from '../lib/sanitize';
import type { SavedArticle } from '../lib/library/saved-article';
import { domWindow } from './dom-window';

export interface BackupRead {
  articles: SavedArticle[];
  /** One line per article left out, for stderr. */
  problems: string[];
}

/**
 * The articles of a backup file, checked as an import into the extension
 * checks them, HTML sanitised again. Throws BackupError for a file that is
 * not a Clean Copy backup.
 */
export async function articlesFromBackup(path: string, now: Date): Promise<BackupRead> {
  const text = await readFile(path, 'utf8');
  const options: ImportOptions = { sanitize: (html) => sanitizeHtml(html, domWindow()), now: () => now };
  const articles: SavedArticle[] = [];
  const problems: string[] = [];
  readBackup(text).forEach((raw, index) => {
    const read = readArticle(raw, options);
    if (read.ok) articles.push(read.record);
    else problems.push(`articles[${index}] skipped: ${read.reason}`);
  });
  return { articles, problems };
}
