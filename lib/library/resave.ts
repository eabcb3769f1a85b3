import type { ArticleRecord } from '../article';
import { notFound } from '../annotations/highlights';
import type { SavedArticle } from './saved-article';

/** The page fields the reader changed on a saved copy, with the reader's values: a save from the page keeps them. */
export function keptEdits(saved: Pick<SavedArticle, 'edited'> & ArticleRecord): Partial<ArticleRecord> {
  const kept: Partial<ArticleRecord> = {};
  for (const field of saved.edited) kept[field] = saved[field];
  return kept;
}

/** One thing a save from the page would do to the copy already saved, said to the reader. */
export interface ResaveChange {
  kind: 'title' | 'kept-title' | 'text' | 'authors' | 'lead-image' | 'highlights' | 'kept';
  /** In English, for the command line and logs; an interface words it from `key` and `values` in its own language. */
  message: string;
  /** The locale key that says the same (`public/_locales`), and the values it takes in order. */
  key: string;
  values: string[];
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/**
 * What saving `fresh` (the page as it reads now) over `saved` would change,
 * and what of the reader's it would keep, so the popup can say so before
 * the reader presses Save again. Empty when the page reads as it did.
 */
export function resaveChanges(saved: SavedArticle, fresh: ArticleRecord): ResaveChange[] {
  const changes: ResaveChange[] = [];
  if (fresh.title !== saved.title) {
    changes.push(
      saved.edited.includes('title')
        ? {
            kind: 'kept-title',
            message: `Keeps your title “${saved.title}” (the page now says “${fresh.title}”).`,
            key: 'resaveKeptTitle',
            values: [saved.title, fresh.title],
          }
        : { kind: 'title', message: `Changes the title to “${fresh.title}”.`, key: 'resaveTitle', values: [fresh.title] },
    );
  }
  if (fresh.contentHtml !== saved.contentHtml) {
    const words = fresh.wordCount === saved.wordCount ? `still ${plural(fresh.wordCount, 'word')}` : `${saved.wordCount} → ${plural(fresh.wordCount, 'word')}`;
    changes.push({ kind: 'text', message: `Updates the text (${words}).`, key: 'resaveText', values: [String(saved.wordCount), String(fresh.wordCount)] });
  }
  if (fresh.authors.join('\n') !== saved.authors.join('\n')) {
    changes.push(
      fresh.authors.length
        ? { kind: 'authors', message: `Changes the byline to ${fresh.authors.join(', ')}.`, key: 'resaveAuthors', values: [fresh.authors.join(', ')] }
        : { kind: 'authors', message: 'Removes the byline.', key: 'resaveNoAuthors', values: [] },
    );
  }
  if ((fresh.leadImage ?? '') !== (saved.leadImage ?? '')) {
    changes.push(
      fresh.leadImage
        ? { kind: 'lead-image', message: 'Changes the lead picture.', key: 'resaveLeadImage', values: [] }
        : { kind: 'lead-image', message: 'Removes the lead picture.', key: 'resaveNoLeadImage', values: [] },
    );
  }
  const lost = notFound(fresh.textContent, saved.highlights).length;
  if (lost > 0) {
    changes.push({
      kind: 'highlights',
      message: `${plural(lost, 'highlight')} ${lost === 1 ? 'is' : 'are'} no longer in the text: kept, marked as not found.`,
      key: 'resaveHighlights',
      values: [String(lost)],
    });
  }
  if (changes.length === 0) return changes;
  const own = [saved.tags.length ? plural(saved.tags.length, 'tag') : '', saved.notes ? 'notes' : '', saved.highlights.length ? 'highlights' : ''].filter(
    Boolean,
  );
  if (own.length) changes.push({ kind: 'kept', message: `Keeps your ${own.join(' and ')}.`, key: 'resaveKept', values: [] });
  return changes;
}
