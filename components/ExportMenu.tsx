import { FORMATS, type FormatId } from '../lib/export/formats';
import { t } from './i18n';

interface Props {
  onExport: (format: FormatId) => void;
  label?: string;
}

const LABEL_KEYS: Record<FormatId, string> = { md: 'formatMd', json: 'formatJson', html: 'formatHtml', txt: 'formatTxt' };

export function ExportMenu({ onExport, label = t('export') }: Props) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a form; a fieldset would bring a border and legend layout
    <div class="export-menu" role="group" aria-label={label}>
      <span>{label}:</span>
      {Object.values(FORMATS).map((f) => (
        <button type="button" key={f.id} data-export={f.id} onClick={() => onExport(f.id)}>
          {t(LABEL_KEYS[f.id])}
        </button>
      ))}
    </div>
  );
}
