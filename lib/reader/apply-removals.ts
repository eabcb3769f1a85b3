import type { ArticleRecord } from '../article';
import { blockText } from '../block-text';
import { runRules } from '../clean/run-rules';
import { yoursRule, type UserRule } from '../clean/user-rules';
import { countWords, readingMinutes } from '../text';

/**
 * The reader's "remove" rules applied to an article already cleaned (a
 * saved copy, or the one on screen), as the pipeline would have applied
 * them. `doc` is an inert document holding the article's HTML in its body.
 */
export function withUserRemovals(article: ArticleRecord, rules: readonly UserRule[], doc: Document): ArticleRecord {
  const yours = yoursRule(rules);
  if (!yours) return article;
  const removed = runRules(doc.body, [yours]);
  if (removed.length === 0) return article;
  const textContent = blockText(doc.body);
  const wordCount = countWords(textContent);
  return {
    ...article,
    contentHtml: doc.body.innerHTML,
    textContent,
    wordCount,
    readingMinutes: readingMinutes(wordCount),
    removed: [...article.removed, ...removed],
  };
}
