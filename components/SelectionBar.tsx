import { useState } from 'preact/hooks';
import { BULK_FORMATS, type BulkFormat } from '../lib/export/bulk-formats';
import { t } from './i18n';

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

const FORMAT_KEYS: Record<BulkFormat, string> = {
  'zip-md': 'formatZipMd',
  'zip-html': 'formatZipHtml',
  'zip-txt': 'formatZipTxt',
  json: 'formatJsonBackup',
  epub: 'formatEpub',
};

/** What can be done to the chosen articles. Holds only what is being typed. */
export function SelectionBar(p: Props) {
  const [tag, setTag] = useState('');
  const [format, setFormat] = useState<BulkFormat>('zip-md');
  const none = p.selected === 0 || p.busy;
  return (
    <div class="selection" data-testid="selection-bar">
      <span data-testid="selected-count">{t('selectedCount', p.selected)}</span>
      <button type="button" data-testid="select-all" onClick={p.onSelectAll} disabled={p.shown === 0}>
        {t('selectAll', p.shown)}
      </button>
      <button type="button" onClick={p.onSelectNone} disabled={p.selected === 0}>
        {t('selectNone')}
      </button>
      <button type="button" data-testid="delete-selected" onClick={p.onDelete} disabled={none}>
        {t('delete')}
      </button>
      <input data-testid="bulk-tag" placeholder={t('tagPlaceholder')} aria-label={t('tag')} value={tag} onInput={(e) => setTag(e.currentTarget.value)} />
      <button type="button" data-testid="add-tag" disabled={none || !tag.trim()} onClick={() => p.onTag(tag, false)}>
        {t('addTag')}
      </button>
      <button type="button" data-testid="remove-tag" disabled={none || !tag.trim()} onClick={() => p.onTag(tag, true)}>
        {t('removeTag')}
      </button>
      <select data-testid="export-format" aria-label={t('exportFormat')} value={format} onChange={(e) => setFormat(e.currentTarget.value as BulkFormat)}>
        {BULK_FORMATS.map((f) => (
          <option key={f.id} value={f.id}>
            {t(FORMAT_KEYS[f.id])}
          </option>
        ))}
      </select>
      <button type="button" data-testid="export-selected" disabled={none} onClick={() => p.onExport(format)}>
        {t('exportSelected')}
      </button>
    </div>
  );
}
