import { FORMATS, type FormatId } from '../lib/export/formats';
import { t } from './i18n';

interface Props {
  onExport: (format: FormatId) => void;
  label?: string;
  /** Offer the file of the article's highlights alone (when it has some). */
  highlights?: boolean;
}

const LABEL_KEYS: Record<FormatId, string> = { md: 'formatMd', json: 'formatJson', html: 'formatHtml', txt: 'formatTxt', highlights: 'formatHighlights' };

export function ExportMenu({ onExport, label = t('export'), highlights = false }: Props) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a form; a fieldset would bring a border and legend layout
    <div class="export-menu" role="group" aria-label={label}>
      <span>{label}:</span>
      {Object.values(FORMATS)
        .filter((f) => f.id !== 'highlights' || highlights)
        .map((f) => (
          <button type="button" key={f.id} data-export={f.id} onClick={() => onExport(f.id)}>
            {t(LABEL_KEYS[f.id])}
          </button>
        ))}
    </div>
  );
}
