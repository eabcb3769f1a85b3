import { useEffect, useRef, useState } from 'preact/hooks';
import type { ArticleEdit, SavedArticle } from '../lib/library/saved-article';
import type { FormatId } from '../lib/export/formats';
import type { ReadingState } from '../lib/article-schema';
import type { Highlights } from '../entrypoints/shared/use-highlights';
import { HighlightList } from './HighlightList';
import { HighlightTools } from './HighlightTools';
import { ReadingControls } from './ReadingControls';
import { ArticleEditor } from './ArticleEditor';
import { ArticleHeader } from './ArticleHeader';
import { ArticlePreview } from './ArticlePreview';
import { ExportMenu } from './ExportMenu';
import { t } from './i18n';
import { sourceAddress } from '../lib/web-address';

/** How long "Changes saved." stays before it clears itself. */
const STATUS_MS = 4_000;

interface Props {
  article: SavedArticle;
  /** The article's highlights, and its HTML (through the sanitiser, highlights marked; empty while the sanitiser loads). */
  highlights: Highlights;
  onState: (state: ReadingState) => void;
  onFavourite: (favourite: boolean) => void;
  onClose: () => void;
  /** Resolves true when the edit was stored. */
  onEdit: (edit: ArticleEdit) => Promise<boolean>;
  onExport: (format: FormatId) => void;
}

/**
 * One saved article beside the list: the article first, then the reader's
 * title, tags and notes. Focus moves into the pane when it opens, and Escape
 * closes it.
 */
export function LibraryDetail({ article, highlights, onState, onFavourite, onClose, onEdit, onExport }: Props) {
  const pane = useRef<HTMLElement>(null);
  const [status, setStatus] = useState('');
  // Only a web address is offered as the original page.
  const source = sourceAddress(article);

  useEffect(() => {
    pane.current?.focus({ preventScroll: true });
    pane.current?.scrollTo({ top: 0 });
    setStatus('');
  }, [article.id]);

  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(() => setStatus(''), STATUS_MS);
    return () => clearTimeout(timer);
  }, [status]);

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || event.defaultPrevented) return;
    event.preventDefault();
    onClose();
  };

  return (
    <aside class="detail" data-testid="detail" ref={pane} tabIndex={-1} aria-label={article.title} onKeyDown={onKeyDown}>
      <div class="detail-bar">
        <a href={`/reader.html?id=${encodeURIComponent(article.id)}`} target="_blank" rel="noopener" data-testid="detail-read">
          {t('read')}
        </a>
        {source && (
          <a href={source} target="_blank" rel="noopener noreferrer">
            {t('originalPage')}
          </a>
        )}
        <ExportMenu onExport={onExport} highlights={article.highlights.length > 0} />
        <button type="button" class="close" data-testid="detail-close" aria-label={t('close')} onClick={onClose}>
          ×
        </button>
      </div>
      <ReadingControls state={article.state} favourite={article.favourite} onState={onState} onFavourite={onFavourite} />
      <ArticleHeader article={article} />
      <ArticlePreview
        safeHtml={highlights.html}
        leadImage={article.leadImage}
        lang={article.lang}
        dir={article.dir}
        bodyRef={highlights.body}
        onMark={highlights.onBodyClick}
        onSelectionEnd={highlights.onSelectionEnd}
      />
      <HighlightTools h={highlights} />
      <HighlightList highlights={article.highlights} missing={highlights.missing} onOpen={(id) => highlights.open(id)} />
      <section class="detail-edit" aria-labelledby="detail-edit-heading">
        <h2 id="detail-edit-heading">{t('yourNotes')}</h2>
        <ArticleEditor
          key={`${article.id}:${article.updatedAt}`}
          title={article.title}
          tags={article.tags}
          notes={article.notes}
          onSave={(edit) =>
            void onEdit(edit).then((ok) => {
              if (!ok) return;
              setStatus(t('changesSaved'));
              // The form is drawn again from what was stored; focus stays on its button rather than falling to the page.
              requestAnimationFrame(() => {
                if (!pane.current?.contains(document.activeElement)) pane.current?.querySelector<HTMLElement>('[data-testid=edit-save]')?.focus();
              });
            })
          }
        />
        {/* Room is kept for the line, so it appears and clears without moving anything. */}
        <p class="edit-status" role="status" data-testid="edit-status">
          {status}
        </p>
      </section>
    </aside>
  );
}
