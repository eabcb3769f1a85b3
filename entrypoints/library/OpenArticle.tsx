import { useEffect, useMemo, useState } from 'preact/hooks';
import type { KeyValueArea, Library } from '../../lib/library/library';
import type { ArticleEdit, SavedArticle } from '../../lib/library/saved-article';
import type { sanitizeHtml } from '../../lib/sanitize';
import { LibraryDetail } from '../../components/LibraryDetail';
import { useArticleActions } from '../shared/article-actions';
import { useHighlights } from '../shared/use-highlights';
import { useReadingState } from '../shared/use-reading-state';
import { withLocalPictures } from '../../lib/pictures/picture-sources';
import { useLocalPictures } from '../shared/use-local-pictures';

interface Props {
  library: Library;
  settings: KeyValueArea;
  article: SavedArticle;
  onClose: () => void;
  onEdit: (edit: ArticleEdit) => Promise<boolean>;
  onError: (text: string) => void;
  /** The article changed here (a highlight, its state): the list shows it. */
  onChanged: (next: SavedArticle) => void;
}

/**
 * The opened article with the actions the popup and the reader share. The
 * sanitiser (DOMPurify) and the converters load with the first article
 * opened, not with the list.
 */
export function OpenArticle({ library, settings, article, onClose, onEdit, onError, onChanged }: Props) {
  const { exportArticle } = useArticleActions({ library, settings, onError });
  const [sanitize, setSanitize] = useState<typeof sanitizeHtml | null>(null);
  useEffect(() => {
    void import('../../lib/sanitize').then((m) => setSanitize(() => m.sanitizeHtml));
  }, []);
  // Kept pictures are shown from storage, so the article is whole offline; until they are read, nothing is fetched from their sites.
  const local = useLocalPictures(article.pictures);
  const safeHtml = useMemo(
    () => (sanitize && local ? withLocalPictures(sanitize(article.contentHtml, window), local, document) : ''),
    [article, sanitize, local],
  );
  const lead = article.leadImage && local?.get(article.leadImage);
  const shown = useMemo(() => (lead ? { ...article, leadImage: lead } : article), [article, lead]);
  const highlights = useHighlights({ library, article, html: safeHtml, onChange: onChanged });
  const reading = useReadingState({ library, article, onChange: onChanged, onError });
  return (
    <LibraryDetail
      article={shown}
      highlights={highlights}
      onState={(s) => void reading.setState(s)}
      onFavourite={(f) => void reading.setFavourite(f)}
      onClose={onClose}
      onEdit={onEdit}
      onExport={(format) => void exportArticle(article, format)}
    />
  );
}
