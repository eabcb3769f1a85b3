import { FORMATS, type FormatId } from '../lib/export/formats';

interface Props {
  onExport: (format: FormatId) => void;
  label?: string;
}

export function ExportMenu({ onExport, label = 'Export' }: Props) {
  return (
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
