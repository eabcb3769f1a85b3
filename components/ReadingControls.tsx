import { READING_STATES, type ReadingState } from '../lib/article-schema';
import { t } from './i18n';

interface Props {
  state: ReadingState;
  favourite: boolean;
  onState: (state: ReadingState) => void;
  onFavourite: (favourite: boolean) => void;
}

const LABELS: Record<ReadingState, string> = { unread: 'stateUnread', reading: 'stateReading', archived: 'stateArchived' };

/** Where the reader is with a saved article (unread, reading, archived) and whether it is a favourite. */
export function ReadingControls(p: Props) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of toggle buttons, not a form; a fieldset would bring a border and legend layout
    <div class="reading-controls" role="group" aria-label={t('readingState')} data-testid="reading-controls">
      {READING_STATES.map((s) => (
        <button type="button" key={s} data-state={s} aria-pressed={p.state === s} onClick={() => p.state !== s && p.onState(s)}>
          {t(LABELS[s])}
        </button>
      ))}
      <button type="button" data-testid="favourite" aria-pressed={p.favourite} onClick={() => p.onFavourite(!p.favourite)}>
        {p.favourite ? `★ ${t('favourite')}` : `☆ ${t('favourite')}`}
      </button>
    </div>
  );
}
