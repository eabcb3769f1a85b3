import type { Highlight } from '../lib/article-schema';
import { t } from './i18n';

interface Props {
  highlights: readonly Highlight[];
  /** Those whose words the article's text no longer holds: listed, and said to be. */
  missing: readonly Highlight[];
  onOpen: (id: string) => void;
}

/** An article's highlights with their notes, in the order they were made; each opens its note editor. */
export function HighlightList({ highlights, missing, onOpen }: Props) {
  if (highlights.length === 0) return null;
  const lost = new Set(missing.map((h) => h.id));
  return (
    <section class="highlight-list" aria-labelledby="highlight-list-heading" data-testid="highlight-list">
      <h2 id="highlight-list-heading">{t('highlightsHeading', highlights.length)}</h2>
      <ul>
        {highlights.map((h) => (
          <li key={h.id} data-testid="highlight-item" data-highlight-id={h.id}>
            <button type="button" class="link" onClick={() => onOpen(h.id)} title={t('highlightEdit', h.target.selector[0].exact.slice(0, 80))}>
              <mark>{h.target.selector[0].exact}</mark>
            </button>
            {h.bodyValue.trim() && (
              <p class="highlight-note-text" data-testid="highlight-item-note">
                {h.bodyValue}
              </p>
            )}
            {lost.has(h.id) && <p class="muted">{t('highlightNotFound')}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
