import { useState } from 'preact/hooks';
import type { ArticleEdit } from '../lib/library/saved-article';
import { parseTagList } from '../lib/library/tags';
import { t } from './i18n';

interface Props {
  title: string;
  tags: string[];
  notes: string;
  onSave: (edit: ArticleEdit) => void;
}

/**
 * The reader's own fields of a saved article. Holds only the draft being typed, seeded once:
 * the parent keys it by article and version to show another record. Re-seeding from props in an
 * effect would run after the first paint and wipe whatever was typed in between.
 */
export function ArticleEditor({ title, tags, notes, onSave }: Props) {
  const [draft, setDraft] = useState({ title, tags: tags.join(', '), notes });
  return (
    <form
      class="editor"
      data-testid="editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ title: draft.title, tags: parseTagList(draft.tags), notes: draft.notes });
      }}
    >
      <label>
        {t('editTitle')}
        <input data-testid="edit-title" value={draft.title} onInput={(e) => setDraft({ ...draft, title: e.currentTarget.value })} />
      </label>
      <label>
        {t('editTags')} <span class="muted">{t('commaSeparated')}</span>
        <input data-testid="edit-tags" value={draft.tags} onInput={(e) => setDraft({ ...draft, tags: e.currentTarget.value })} />
      </label>
      <label>
        {t('notes')}
        <textarea data-testid="edit-notes" rows={4} value={draft.notes} onInput={(e) => setDraft({ ...draft, notes: e.currentTarget.value })} />
      </label>
      <button type="submit" class="primary" data-testid="edit-save">
        {t('saveChanges')}
      </button>
    </form>
  );
}
