import { RATES, type ReadAloudState } from '../lib/reader/read-aloud';
import { t } from './i18n';

interface Props {
  state: ReadAloudState;
  total: number;
  onPlay: () => void;
  onPause: () => void;
  onSkip: (step: number) => void;
  onRate: (rate: number) => void;
}

/** Play, pause, a paragraph back or on, and the speaking rate. */
export function ReadAloudBar({ state, total, onPlay, onPause, onSkip, onRate }: Props) {
  const playing = state.status === 'playing';
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a form
    <div class="read-aloud" role="group" aria-label={t('readAloud')} data-testid="read-aloud">
      <button type="button" data-testid="aloud-back" aria-label={t('previousParagraph')} onClick={() => onSkip(-1)} disabled={total === 0}>
        «
      </button>
      <button type="button" data-testid="aloud-play" aria-pressed={playing} onClick={playing ? onPause : onPlay} disabled={total === 0}>
        {playing ? t('pause') : t('readAloud')}
      </button>
      <button type="button" data-testid="aloud-next" aria-label={t('nextParagraph')} onClick={() => onSkip(1)} disabled={total === 0}>
        »
      </button>
      <label class="range">
        <span>{t('rate')}</span>
        <input
          type="range"
          data-testid="aloud-rate"
          min={RATES.min}
          max={RATES.max}
          step={RATES.step}
          value={state.rate}
          onInput={(e) => onRate(Number(e.currentTarget.value))}
        />
        <output>{state.rate.toFixed(1)}×</output>
      </label>
      {state.status === 'no-voice' && (
        <span class="aloud-status" role="status" data-testid="aloud-status">
          {t('noVoice')}
        </span>
      )}
      {(state.status === 'playing' || state.status === 'paused') && (
        <span class="aloud-status" role="status">
          {t('paragraphOf', state.index + 1, total)}
        </span>
      )}
    </div>
  );
}
