import { readFile } from 'node:fs/promises';
import { readArticle, readBackupEnvelope, type ImportOptions } from '../lib/library/import-backup';
import { readBackupPicture } from '../lib/pictures/backup-pictures';
import type { Picture } from '../lib/pictures/picture';
import { sanitizeHtml } from '../lib/sanitize';
import type { SavedArticle } from '../lib/library/saved-article';
import { domWindow } from './dom-window';

export interface BackupRead {
  articles: SavedArticle[];
  /** One line per article left out, for stderr. */
  problems: string[];
  /** The backup's pictures that passed the import's checks, by hash. */
  pictures: Map<string, Picture>;
  /** One line per picture left out, for stderr; the articles still export, with links. */
  pictureProblems: string[];
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
  const envelope = readBackupEnvelope(text);
  envelope.articles.forEach((raw, index) => {
    const read = readArticle(raw, options);
    if (read.ok) articles.push(read.record);
    else problems.push(`articles[${index}] skipped: ${read.reason}`);
  });
  // Checked as an import into the extension checks them: base64, the size limit, a raster type, the hash.
  const pictures = new Map<string, Picture>();
  const pictureProblems: string[] = [];
  for (const [index, raw] of envelope.pictures.entries()) {
    const read = await readBackupPicture(raw);
    if (read.ok) pictures.set(read.picture.hash, read.picture);
    else pictureProblems.push(`pictures[${index}] left out: ${read.reason}`);
  }
  return { articles, problems, pictures, pictureProblems };
}
