import { useState } from 'preact/hooks';
import { BULK_FORMATS, type BulkFormat } from '../lib/export/bulk-formats';

interface Props {
  selected: number;
  shown: number;
  busy: boolean;
  onSelectAll: () => void;
  onSelectNone: () => void;
  onDelete: () => void;
  onTag: (tag: string, remove: boolean) => void;
  onExport: (format: BulkFormat) => void;
}

/** What can be done to the chosen articles. Holds only what is being typed. */
export function SelectionBar(p: Props) {
  const [tag, setTag] = useState('');
  const [format, setFormat] = useState<BulkFormat>('zip-md');
  const none = p.selected === 0 || p.busy;
  return (
    <div class="selection" data-testid="selection-bar">
      <span data-testid="selected-count">{p.selected} selected</span>
      <button type="button" data-testid="select-all" onClick={p.onSelectAll} disabled={p.shown === 0}>
        Select all {p.shown}
      </button>
      <button type="button" onClick={p.onSelectNone} disabled={p.selected === 0}>
        Select none
      </button>
      <button type="button" data-testid="delete-selected" onClick={p.onDelete} disabled={none}>
        Delete
      </button>
      <input data-testid="bulk-tag" placeholder="tag" aria-label="Tag" value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
      <button type="button" data-testid="add-tag" disabled={none || !tag.trim()} onClick={() => p.onTag(tag, false)}>
        Add tag
      </button>
      <button type="button" data-testid="remove-tag" disabled={none || !tag.trim()} onClick={() => p.onTag(tag, true)}>
        Remove tag
      </button>
      <select data-testid="export-format" aria-label="Export format" value={format} onChange={(e) => setFormat(e.currentTarget.value as BulkFormat)}>
        {BULK_FORMATS.map((f) => (
          <option key={f.id} value={f.id}>
            {f.label}
          </option>
        ))}
      </select>
      <button type="button" data-testid="export-selected" disabled={none} onClick={() => p.onExport(format)}>
        Export selected
      </button>
    </div>
  );
}
