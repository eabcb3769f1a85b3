import { useEffect, useMemo, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import type { KeyValueArea } from '../../lib/library/library';
import { DEFAULT_FRONT_MATTER_TEMPLATE, FRONT_MATTER_FIELDS, renderFrontMatter, unknownPlaceholders } from '../../lib/export/front-matter-template';
import { loadFrontMatterTemplate, saveFrontMatterTemplate } from '../../lib/export/template-store';
import type { Exportable } from '../../lib/export/exportable';
import { TemplateEditor } from '../../components/TemplateEditor';
import { RuleList } from '../../components/RuleList';
import { t } from '../../components/i18n';
import { useUserRules } from '../shared/use-user-rules';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';
import { savesPictures, setKeepPictures } from '../shared/keep-pictures-setting';

const area = browser.storage.local as unknown as KeyValueArea;

/** What the preview shows the template filled with. */
const SAMPLE: Exportable = {
  title: 'Tram line to reach the northern suburbs',
  authors: ['Ann Lee', 'Bo Chan'],
  siteName: 'City News',
  publishedTime: '2025-11-23T23:57:00.000Z',
  lang: 'en',
  dir: 'ltr',
  excerpt: 'The council voted to extend the line.',
  url: 'https://city.example/trams?utm_source=feed',
  canonicalUrl: 'https://city.example/trams',
  contentHtml: '',
  textContent: '',
  wordCount: 1234,
  readingMinutes: 6,
  removed: [],
  savedAt: '2026-01-01T09:30:00.000Z',
  updatedAt: '2026-01-02T10:00:00.000Z',
  tags: ['transport', 'city'],
  notes: 'Check the cost figures.',
};

// Each field's description in the interface language; the English one stays with the field for the command line.
const FIELDS = Object.entries(FRONT_MATTER_FIELDS).map(([name, f]) => {
  const key = `field_${name}`;
  const text = t(key);
  return { name, describe: text === key ? f.describe : text };
});

export function App() {
  const [template, setTemplate] = useState<string | null>(null);
  const [status, setStatus] = useState('');
  const [undo, setUndo] = useState<string | null>(null);
  const userRules = useUserRules(area);
  const [keepPictures, setKeep] = useState(false);
  const [picturesStatus, setPicturesStatus] = useState('');

  useEffect(() => {
    void savesPictures(area).then(setKeep);
  }, []);

  const onKeepPictures = (on: boolean) => {
    // Straight from the click: turning it on asks the browser for access to sites, which needs the reader's gesture.
    setKeepPictures(area, on).then(
      (now) => {
        setKeep(now);
        setPicturesStatus(t(now ? 'keepPicturesSaved' : on ? 'keepPicturesDenied' : 'keepPicturesOff'));
      },
      (error: unknown) => setPicturesStatus(t('notSavedColon', error instanceof Error ? error.message : String(error))),
    );
  };

  useEffect(() => {
    orTimeout(loadFrontMatterTemplate(area), STORAGE_BUDGET_MS, 'no answer').then(setTemplate, () => setTemplate(DEFAULT_FRONT_MATTER_TEMPLATE));
  }, []);

  const problems = useMemo(() => {
    const unknown = template === null ? [] : unknownPlaceholders(template);
    return unknown.length ? [t(unknown.length > 1 ? 'unknownPlaceholderMany' : 'unknownPlaceholderOne', unknown.map((n) => `{{${n}}}`).join(', '))] : [];
  }, [template]);

  if (template === null) return <main class="options">{t('loading')}</main>;

  const store = async (next: string) => {
    try {
      await saveFrontMatterTemplate(area, next);
      setTemplate(next);
      setStatus(t('savedDot'));
      return true;
    } catch (error) {
      setStatus(t('notSavedColon', error instanceof Error ? error.message : String(error)));
      return false;
    }
  };

  return (
    <main class="options">
      <h1>{t('optionsTitle')}</h1>
      <TemplateEditor
        template={template}
        fields={FIELDS}
        preview={renderFrontMatter(template, SAMPLE)}
        problems={problems}
        status={status}
        onChange={(text) => {
          setTemplate(text);
          setUndo(null);
          setStatus('');
        }}
        onSave={() => void store(template)}
        onReset={() => {
          // The template being replaced is kept for one undo: a custom template is not lost to one click.
          const before = template;
          void store(DEFAULT_FRONT_MATTER_TEMPLATE).then((stored) => {
            if (stored && before !== DEFAULT_FRONT_MATTER_TEMPLATE) {
              setUndo(before);
              setStatus(t('templateReset'));
            }
          });
        }}
        onUndo={
          undo === null
            ? undefined
            : () => {
                const back = undo;
                setUndo(null);
                void store(back);
              }
        }
      />
      <section class="keep-pictures" aria-labelledby="pictures-heading">
        <h2 id="pictures-heading">{t('keepPicturesHeading')}</h2>
        <label>
          <input type="checkbox" data-testid="keep-pictures" checked={keepPictures} onChange={(e) => onKeepPictures(e.currentTarget.checked)} />{' '}
          {t('keepPicturesLabel')}
        </label>
        <p class="muted">{t('keepPicturesHelp')}</p>
        <p role="status" data-testid="pictures-status">
          {picturesStatus}
        </p>
      </section>
      <section class="user-rules" aria-labelledby="rules-heading">
        <h2 id="rules-heading">{t('rulesHeading')}</h2>
        <p class="muted">{t('rulesIntro')}</p>
        {userRules.rules && <RuleList rules={userRules.rules} onSave={userRules.save} onDelete={userRules.remove} />}
        <p role="status" data-testid="rules-status">
          {userRules.status}
        </p>
      </section>
    </main>
  );
}
