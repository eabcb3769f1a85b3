import { t } from './i18n';
interface Props {
  template: string;
  fields: { name: string; describe: string }[];
  /** The front matter this template gives for a sample article. */
  preview: string;
  problems: string[];
  status: string;
  onChange: (template: string) => void;
  onSave: () => void;
  onReset: () => void;
  /** Puts back the template the last reset replaced; absent when there is none. */
  onUndo?: () => void;
}

export function TemplateEditor(p: Props) {
  return (
    <section class="template" aria-labelledby="template-heading">
      <h2 id="template-heading">{t('templateHeading')}</h2>
      <p class="muted">{t('templateIntro')}</p>
      <textarea
        data-testid="template"
        aria-labelledby="template-heading"
        rows={14}
        spellcheck={false}
        value={p.template}
        onInput={(e) => p.onChange(e.currentTarget.value)}
      />
      {p.problems.length > 0 && (
        <p class="problem" role="alert" data-testid="template-problems">
          {p.problems.join(' ')}
        </p>
      )}
      <div class="actions">
        <button type="button" class="primary" data-testid="template-save" disabled={p.problems.length > 0} onClick={p.onSave}>
          {t('save')}
        </button>
        <button type="button" data-testid="template-reset" onClick={p.onReset}>
          {t('backToDefault')}
        </button>
        <span role="status" data-testid="template-status">
          {p.status}
        </span>
        {p.onUndo && (
          <button type="button" data-testid="template-undo" onClick={p.onUndo}>
            {t('undo')}
          </button>
        )}
      </div>
      <h3>{t('preview')}</h3>
      <pre data-testid="template-preview">{p.preview || t('noFrontMatter')}</pre>
      <h3>{t('placeholders')}</h3>
      <dl class="fields">
        {p.fields.map((f) => (
          <div key={f.name}>
            <dt>
              <code>{`{{${f.name}}}`}</code>
            </dt>
            <dd>{f.describe}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
