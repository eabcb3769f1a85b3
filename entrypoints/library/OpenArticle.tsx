import { useEffect, useMemo, useState } from 'preact/hooks';
import type { KeyValueArea, Library } from '../../lib/library/library';
import type { ArticleEdit, SavedArticle } from '../../lib/library/saved-article';
import type { sanitizeHtml } from '../../lib/sanitize';
import { LibraryDetail } from '../../components/LibraryDetail';
import { useArticleActions } from '../shared/article-actions';
import { withLocalPictures } from '../../lib/pictures/picture-sources';
import { useLocalPictures } from '../shared/use-local-pictures';

interface Props {
  library: Library;
  settings: KeyValueArea;
  article: SavedArticle;
  onClose: () => void;
  onEdit: (edit: ArticleEdit) => Promise<boolean>;
  onError: (text: string) => void;
}

/**
 * The opened article with the actions the popup and the reader share. The
 * sanitiser (DOMPurify) and the converters load with the first article
 * opened, not with the list.
 */
export function OpenArticle({ library, settings, article, onClose, onEdit, onError }: Props) {
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
  return <LibraryDetail article={shown} safeHtml={safeHtml} onClose={onClose} onEdit={onEdit} onExport={(format) => void exportArticle(article, format)} />;
}
