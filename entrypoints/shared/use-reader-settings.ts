import { useEffect, useState } from 'preact/hooks';
import type { KeyValueArea } from '../../lib/library/library';
import { DEFAULT_SETTINGS, loadSettings, saveSettings, typographyVars, type ReaderSettings } from '../../lib/reader/settings';
import { orTimeout, STORAGE_BUDGET_MS } from '../../lib/budget';

/** Set the theme and font as attributes the stylesheet reads, and the sizes as custom properties, on `el`. */
export function applyTypography(el: HTMLElement, settings: ReaderSettings): void {
  el.dataset.theme = settings.theme;
  el.dataset.font = settings.font;
  // Through the CSSOM: no style attribute or element, which the pages' policy need not allow.
  for (const [name, value] of Object.entries(typographyVars(settings))) el.style.setProperty(name, value);
}

/**
 * The reader's typography, read once and applied to the page's root; a
 * change applies at once and is kept. `ready` is false until the stored
 * settings have been read, so a test (or a reader) can tell.
 */
export function useReaderSettings(area: Pick<KeyValueArea, 'get' | 'set'>) {
  const [settings, setSettings] = useState<ReaderSettings>(DEFAULT_SETTINGS);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState('');

  useEffect(() => {
    // Past the budget the defaults stay: type the reader can change beats a page that waits.
    orTimeout(loadSettings(area), STORAGE_BUDGET_MS, 'no answer')
      .then(setSettings, () => undefined)
      .finally(() => setReady(true));
  }, []);

  useEffect(() => {
    applyTypography(document.documentElement, settings);
    document.documentElement.dataset.settings = ready ? 'ready' : 'default';
  }, [settings, ready]);

  const update = (next: ReaderSettings) => {
    // Applied here, in the input's own task, so the very next frame shows it; an effect would wait a frame more.
    applyTypography(document.documentElement, next);
    setSettings(next);
    saveSettings(area, next).then(
      () => setError(''),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  };

  return { settings, update, ready, error };
}
