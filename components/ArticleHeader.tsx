import type { ArticleRecord } from '../lib/article';
import { interfaceDate } from './format-date';
import { formatCount } from '../lib/format-count';
import { headerSummary } from '../lib/header-summary';
import { t } from './i18n';

interface Props {
  article: ArticleRecord;
}

export function ArticleHeader({ article }: Props) {
  const date = article.publishedTime ? interfaceDate(article.publishedTime) : '';
  const summary = headerSummary(article);
  return (
    <header class="article-header">
      <h1 data-testid="title">{article.title}</h1>
      {article.authors.length > 0 && (
        <p class="authors" data-testid="authors">
          {article.authors.join(', ')}
        </p>
      )}
      <p class="facts">
        <span data-testid="site">{article.siteName}</span>
        {date && (
          <time dateTime={article.publishedTime} data-testid="published">
            {date}
          </time>
        )}
        <span data-testid="reading-time">{t('minRead', article.readingMinutes)}</span>
        <span data-testid="word-count">{t('wordsCount', formatCount(article.wordCount))}</span>
        {article.lang && <span data-testid="lang">{article.lang}</span>}
      </p>
      {summary && <p class="excerpt">{summary}</p>}
    </header>
  );
}
