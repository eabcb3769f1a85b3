import type { KeyValueArea, Library } from '../../lib/library/library';
import type { ImportReport } from '../../lib/library/import-backup';
import { loadUserRules, mergeRules, saveUserRules } from '../../lib/clean/user-rules';
import { t } from '../../components/i18n';
import { pictureStore } from './page-storage';

function reportText(r: ImportReport): string {
  const skipped = r.skipped.slice(0, 5).map((s) => `#${s.index + 1}: ${s.reason}`);
  if (r.skipped.length > 5) skipped.push(t('andMore', r.skipped.length - 5));
  const rules = r.rules ? ` ${t(r.rules === 1 ? 'importRulesOne' : 'importRulesMany', r.rules)}` : '';
  const bad = (r.badPictures ?? []).slice(0, 5).map((p) => `#${p.index + 1}: ${p.reason}`);
  const pictures =
    r.pictures || bad.length ? ` ${t('importPictures', r.pictures ?? 0, r.badPictures?.length ?? 0)}${bad.length ? ` (${bad.join('; ')})` : ''}` : '';
  return `${t('importReport', r.imported, r.updated, r.skipped.length)}${skipped.length ? ` (${skipped.join('; ')})` : ''}.${rules}${pictures}`;
}

/**
 * Import a backup file: its articles through the sanitiser into the library,
 * its cleaning rules merged with the reader's own. Says what happened; a
 * file that is not a backup imports nothing and says why.
 */
export async function importFile(library: Library, settings: KeyValueArea, file: File): Promise<{ kind: 'info' | 'error'; text: string }> {
  const [{ BackupError, importBackup }, { sanitizeHtml }] = await Promise.all([import('../../lib/library/import-backup'), import('../../lib/sanitize')]);
  try {
    const report = await importBackup(library, await file.text(), {
      sanitize: (html) => sanitizeHtml(html, window),
      pictures: pictureStore(),
      mergeUserRules: async (incoming) => {
        const mine = await loadUserRules(settings);
        const merged = mergeRules(mine, incoming);
        if (merged.length > mine.length) await saveUserRules(settings, merged);
        return merged.length - mine.length;
      },
    });
    return { kind: 'info', text: reportText(report) };
  } catch (error) {
    if (!(error instanceof BackupError)) throw error;
    return { kind: 'error', text: `${error.message} ${t('nothingImported')}` };
  }
}
