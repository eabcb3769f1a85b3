import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleRecord } from '../../lib/article';
import type { KeyValueArea, Library } from '../../lib/library/library';
import type { SavedArticle } from '../../lib/library/saved-article';
import { loadFrontMatterTemplate } from '../../lib/export/template-store';
import type { FormatId } from '../../lib/export/formats';
import { download } from '../popup/download';
import { errorText } from '../library/error-text';
import { t } from '../../components/i18n';

export type SaveState = { state: 'idle' } | { state: 'saving' } | { state: 'saved' } | { state: 'failed'; message: string };

interface Options {
  library: Library;
  /** Where the front matter template is kept. */
  settings: Pick<KeyValueArea, 'get'>;
  /** Told of every save that landed, with whether it made a new entry. */
  onSaved?: (article: SavedArticle, created: boolean) => void;
  /** Where a failed export is reported. */
  onError: (message: string) => void;
}

/**
 * Save and export for one article, as the popup, the reader and the library offer them.
 * The front matter template is read once, after the first paint; an export
 * waits for it, so one clicked at once still uses the reader's template.
 */
export function useArticleActions({ library, settings, onSaved, onError }: Options) {
  const [save, setSave] = useState<SaveState>({ state: 'idle' });
  const template = useRef<Promise<string | undefined>>(Promise.resolve(undefined));
  /** A save in progress, so that a list read beside it cannot come back without the article. */
  const saving = useRef<Promise<unknown>>(Promise.resolve());

  /** The converters (Turndown and the rest) load after the first paint, not with the page. */
  const formats = useRef<Promise<typeof import('../../lib/export/formats')> | null>(null);
  const converters = () => {
    formats.current ??= import('../../lib/export/formats');
    return formats.current;
  };

  useEffect(() => {
    // Without a readable template, exports fall back to the default front matter.
    template.current = loadFrontMatterTemplate(settings).catch(() => undefined);
    void converters().catch(() => undefined);
  }, []);

  const saveArticle = async (article: ArticleRecord) => {
    setSave({ state: 'saving' });
    const done = library.saveWithOutcome(article);
    saving.current = done.catch(() => undefined);
    try {
      const { article: saved, created } = await done;
      setSave({ state: 'saved' });
      onSaved?.(saved, created);
    } catch (error) {
      setSave({ state: 'failed', message: t('saveFailed', errorText(error)) });
    }
  };

  const exportArticle = async (article: ArticleRecord, format: FormatId) => {
    try {
      const { exportOne } = await converters();
      download(exportOne(article, format, new Date(), { frontMatterTemplate: await template.current }));
    } catch (error) {
      onError(t('exportFailed', errorText(error)));
    }
  };

  const exportAll = async (kind: 'json' | 'zip') => {
    try {
      const all = await library.all();
      if (all.length === 0) return onError(t('nothingToExport'));
      const { exportAllJson, exportAllZip } = await converters();
      download(kind === 'json' ? exportAllJson(all, new Date()) : exportAllZip(all, 'md', new Date(), { frontMatterTemplate: await template.current }));
    } catch (error) {
      onError(t('exportFailed', errorText(error)));
    }
  };

  return { save, setSave, saving, saveArticle, exportArticle, exportAll };
}
