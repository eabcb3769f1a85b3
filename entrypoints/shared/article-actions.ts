import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleRecord } from '../../lib/article';
import type { KeyValueArea, Library } from '../../lib/library/library';
import type { SavedArticle } from '../../lib/library/saved-article';
import { loadFrontMatterTemplate } from '../../lib/export/template-store';
import type { FormatId } from '../../lib/export/formats';
import { download } from '../popup/download';
import { errorText } from '../library/error-text';
import { t } from '../../components/i18n';
import type { PictureSummary } from '../../components/PictureReport';
import { pictureStore } from '../library/page-storage';
import { savesPictures } from './keep-pictures-setting';
import { pictureLookup, StoredPictures } from '../../lib/pictures/picture-lookup';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';

/** A save's progress; once saved, what keeping its pictures came to (absent when pictures are not kept). */
export type SaveState =
  | { state: 'idle' }
  | { state: 'saving'; pictures?: boolean }
  | { state: 'saved'; pictures?: PictureSummary; picturesError?: string }
  | { state: 'failed'; message: string };

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
    const withPictures = savesPictures(settings);
    const done = library.saveWithOutcome(article);
    saving.current = done.catch(() => undefined);
    let saved: SavedArticle;
    try {
      // The save may wait behind another page's change to the library (they share a lock): never past the budget.
      const outcome = await orTimeout(done, STORAGE_BUDGET_MS, t('storageSlow'));
      saved = outcome.article;
      onSaved?.(saved, outcome.created);
    } catch (error) {
      setSave({ state: 'failed', message: t('saveFailed', errorText(error)) });
      return;
    }
    if (!(await withPictures)) return setSave({ state: 'saved' });
    // The pictures are fetched here, in the extension page that saves (popup, reader or library), not in the background:
    // with the host permission an extension page fetches across origins as the service worker would, it holds the
    // library and picture store already, and the reader sees the progress and each failure where Save was pressed. The
    // service worker would need messages for both and may be stopped when idle. The record was written first, with its
    // links, so a popup closed mid-fetch leaves a whole copy.
    setSave({ state: 'saving', pictures: true });
    try {
      const [{ keepPictures }, { pictureSources }] = await Promise.all([
        import('../../lib/pictures/keep-pictures'),
        import('../../lib/pictures/picture-sources'),
      ]);
      const sources = pictureSources(article.contentHtml, article.leadImage, document);
      const kept = keepPictures(saved, sources, { library, store: pictureStore(), fetch: (url, init) => fetch(url, init) });
      saving.current = kept.catch(() => undefined);
      const { article: withRefs, kept: count, failures, noRoom } = await kept;
      onSaved?.(withRefs, false);
      setSave({ state: 'saved', pictures: { kept: count, failures, noRoom } });
    } catch (error) {
      setSave({ state: 'saved', picturesError: t('picturesFailed', errorText(error)) });
    }
  };

  const exportArticle = async (article: ArticleRecord, format: FormatId) => {
    try {
      const { exportOneWithPictures } = await converters();
      const kept = 'pictures' in article && Array.isArray(article.pictures) && article.pictures.length > 0;
      // A saved article's kept pictures go into an HTML file as data: addresses; other formats keep the addresses.
      const pictures = kept ? pictureLookup(pictureStore(), [article as SavedArticle]) : undefined;
      download(await exportOneWithPictures(article, format, new Date(), { frontMatterTemplate: await template.current, pictures, win: window }));
    } catch (error) {
      onError(t('exportFailed', errorText(error)));
    }
  };

  /** Everything saved, through the library page's writers, reading the library a batch at a time. */
  const exportAll = async (kind: 'json' | 'zip') => {
    try {
      const ids = (await library.list()).map((e) => e.id);
      if (ids.length === 0) return onError(t('nothingToExport'));
      const format = kind === 'json' ? 'json' : 'zip-md';
      const { exportToBytes, usesText } = await import('../../lib/export/bulk-export');
      // The ZIP's Markdown files link their kept pictures in assets/; the JSON backup carries them in base64.
      const stored = new StoredPictures(pictureStore());
      const batches = stored.along(library.batches(ids, 100, { text: usesText(format) }));
      const file = await exportToBytes(batches, format, {
        now: new Date(),
        win: window,
        frontMatterTemplate: await template.current,
        keptPictures: (hashes) => pictureStore().getMany(hashes),
        pictures: stored.lookup,
      });
      download({ name: file.name, mime: file.mime, data: file.data });
    } catch (error) {
      onError(t('exportFailed', errorText(error)));
    }
  };

  return { save, setSave, saving, saveArticle, exportArticle, exportAll };
}
