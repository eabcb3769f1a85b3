import type { ArticleRecord } from '../../../lib/article';
import type { SavedArticle } from '../../../lib/library/saved-article';

export function sampleArticle(over: Partial<ArticleRecord> = {}): ArticleRecord {
  return {
    title: 'Tram line to reach the northern suburbs',
    authors: ['Ann Lee', 'Bo Chan'],
    siteName: 'City News',
    publishedTime: '2025-11-23T23:57:00.000Z',
    lang: 'en',
    dir: 'ltr',
    excerpt: 'The council voted to extend the line.',
    url: 'https://city.example/trams?utm_source=x',
    canonicalUrl: 'https://city.example/trams',
    contentHtml:
      '<p>The council <strong>voted</strong> on Tuesday.</p><h2>What next</h2><ul><li>Plans</li><li>Works</li></ul>' +
      '<figure><img src="https://city.example/tram.jpg" alt="A tram"><figcaption>The new tram</figcaption></figure>' +
      '<table><thead><tr><th>Stop</th><th>Minutes</th></tr></thead><tbody><tr><td>Harbour</td><td>4</td></tr></tbody></table>',
    textContent: 'The council voted on Tuesday.\n\nWhat next\n\n• Plans\n\n• Works\n\nThe new tram',
    wordCount: 12,
    readingMinutes: 1,
    removed: [{ rule: 'ad-slots', reason: 'advertisement slot', text: 'Advertisement' }],
    ...over,
  };
}

/**
 * The reader's own fields of a record that was never opened, highlighted or
 * given pictures: what a save or a migration must fill in. Written out here
 * once, not read from the schema, so a changed default in the code fails the
 * tests that use it.
 */
export function readerDefaults(): Pick<SavedArticle, 'edited' | 'state' | 'favourite' | 'readingPosition' | 'highlights' | 'pictures' | 'pictureFailures'> {
  return {
    edited: [],
    state: 'unread',
    favourite: false,
    readingPosition: 0,
    highlights: [],
    pictures: [],
    pictureFailures: [],
  };
}
