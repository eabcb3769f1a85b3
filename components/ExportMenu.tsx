import { FORMATS, type FormatId } from '../lib/export/formats';

interface Props {
  onExport: (format: FormatId) => void;
  label?: string;
}

export function ExportMenu({ onExport, label = 'Export' }: Props) {
  return (
    // biome-ignore lint/a11y/useSemanticElements: a row of buttons, not a form; a fieldset would bring a border and legend layout
    <div class="export-menu" role="group" aria-label={label}>
      <span>{label}:</span>
      {Object.values(FORMATS).map((f) => (
        <button type="button" key={f.id} data-export={f.id} onClick={() => onExport(f.id)}>
          {f.label}
        </button>
      ))}
    </div>
  );
}
