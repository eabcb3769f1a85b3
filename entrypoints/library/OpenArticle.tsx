import { useEffect, useMemo, useState } from 'preact/hooks';
import type { KeyValueArea, Library } from '../../lib/library/library';
import type { ArticleEdit, SavedArticle } from '../../lib/library/saved-article';
import type { sanitizeHtml } from '../../lib/sanitize';
import { LibraryDetail } from '../../components/LibraryDetail';
import { useArticleActions } from '../shared/article-actions';

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
  const safeHtml = useMemo(() => (sanitize ? sanitize(article.contentHtml, window) : ''), [article, sanitize]);
  return <LibraryDetail article={article} safeHtml={safeHtml} onClose={onClose} onEdit={onEdit} onExport={(format) => void exportArticle(article, format)} />;
}
