import { useState } from 'preact/hooks';
import type { UserRule } from '../lib/clean/user-rules';
import { t } from './i18n';

interface Props {
  rules: UserRule[];
  onSave: (rule: UserRule) => void;
  onDelete: (rule: UserRule) => void;
}

function RuleEditor({ rule, onSave, onCancel }: { rule: UserRule; onSave: (rule: UserRule) => void; onCancel: () => void }) {
  const [host, setHost] = useState(rule.host);
  const [action, setAction] = useState(rule.action);
  const [text, setText] = useState(rule.text);
  return (
    <form
      class="rule-editor"
      data-testid="rule-editor"
      onSubmit={(e) => {
        e.preventDefault();
        onSave({ ...rule, host, action, text });
      }}
    >
      <label>
        <span>{t('ruleSite')}</span>
        <input data-testid="rule-host" value={host} onInput={(e) => setHost(e.currentTarget.value)} required />
      </label>
      <label>
        <span>{t('ruleAction')}</span>
        <select data-testid="rule-action" value={action} onChange={(e) => setAction(e.currentTarget.value as UserRule['action'])}>
          <option value="remove">{t('ruleRemove')}</option>
          <option value="keep">{t('ruleKeep')}</option>
        </select>
      </label>
      <label>
        <span>{t('ruleText')}</span>
        <textarea data-testid="rule-text" rows={3} value={text} onInput={(e) => setText(e.currentTarget.value)} required />
      </label>
      <div class="actions">
        <button type="submit" class="primary" data-testid="rule-save">
          {t('ruleSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('ruleCancel')}
        </button>
      </div>
    </form>
  );
}

/** The reader's own rules, site by site, each to edit or delete. */
export function RuleList({ rules, onSave, onDelete }: Props) {
  const [editing, setEditing] = useState<string | null>(null);
  if (rules.length === 0) return <p class="muted">{t('rulesNone')}</p>;
  const sorted = [...rules].sort((a, b) => a.host.localeCompare(b.host) || a.createdAt.localeCompare(b.createdAt));
  return (
    <table class="rules" data-testid="rules">
      <thead>
        <tr>
          <th scope="col">{t('ruleSite')}</th>
          <th scope="col">{t('ruleAction')}</th>
          <th scope="col">{t('ruleText')}</th>
          <th scope="col">
            <span class="visually-hidden">{t('ruleEdit')}</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((rule) => (
          <tr key={rule.id} data-testid="rule" data-host={rule.host} data-action={rule.action}>
            {editing === rule.id ? (
              <td colSpan={4}>
                <RuleEditor
                  rule={rule}
                  onCancel={() => setEditing(null)}
                  onSave={(next) => {
                    setEditing(null);
                    onSave(next);
                  }}
                />
              </td>
            ) : (
              <>
                <td>{rule.host}</td>
                <td>{rule.action === 'remove' ? t('ruleRemove') : t('ruleKeep')}</td>
                <td class="rule-text">{rule.text}</td>
                <td class="actions">
                  <button type="button" data-testid="rule-edit" aria-label={t('editRuleFor', rule.host)} onClick={() => setEditing(rule.id)}>
                    {t('ruleEdit')}
                  </button>
                  <button
                    type="button"
                    data-testid="rule-delete"
                    aria-label={t('deleteRuleFor', rule.host, rule.text.slice(0, 60))}
                    onClick={() => onDelete(rule)}
                  >
                    {t('ruleDelete')}
                  </button>
                </td>
              </>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
