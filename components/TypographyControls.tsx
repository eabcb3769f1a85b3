import { FONTS, LIMITS, THEMES, type ReaderSettings } from '../lib/reader/settings';
import { t } from './i18n';

interface Props {
  settings: ReaderSettings;
  onChange: (next: ReaderSettings) => void;
}

const THEME_KEYS: Record<ReaderSettings['theme'], string> = {
  system: 'themeSystem',
  light: 'themeLight',
  sepia: 'themeSepia',
  dark: 'themeDark',
  contrast: 'themeContrast',
};
const FONT_KEYS: Record<ReaderSettings['font'], string> = { serif: 'fontSerif', sans: 'fontSans', mono: 'fontMono' };

/** Theme, font, size, line height and width; every change applies at once. */
export function TypographyControls({ settings, onChange }: Props) {
  const set = <K extends keyof ReaderSettings>(key: K, value: ReaderSettings[K]) => onChange({ ...settings, [key]: value });
  const range = (key: 'size' | 'lineHeight' | 'width', label: string, shown: string) => (
    <label class="range">
      <span>{label}</span>
      <input
        type="range"
        data-testid={`setting-${key}`}
        min={LIMITS[key].min}
        max={LIMITS[key].max}
        step={LIMITS[key].step}
        value={settings[key]}
        onInput={(e) => set(key, Number(e.currentTarget.value))}
      />
      <output>{shown}</output>
    </label>
  );
  return (
    <fieldset class="typography" data-testid="typography">
      <legend>{t('typography')}</legend>
      <label>
        <span>{t('theme')}</span>
        <select data-testid="setting-theme" value={settings.theme} onChange={(e) => set('theme', e.currentTarget.value as ReaderSettings['theme'])}>
          {THEMES.map((theme) => (
            <option key={theme} value={theme}>
              {t(THEME_KEYS[theme])}
            </option>
          ))}
        </select>
      </label>
      <label>
        <span>{t('font')}</span>
        <select data-testid="setting-font" value={settings.font} onChange={(e) => set('font', e.currentTarget.value as ReaderSettings['font'])}>
          {FONTS.map((font) => (
            <option key={font} value={font}>
              {t(FONT_KEYS[font])}
            </option>
          ))}
        </select>
      </label>
      {range('size', t('textSize'), `${settings.size}px`)}
      {range('lineHeight', t('lineHeight'), settings.lineHeight.toFixed(1))}
      {range('width', t('lineWidth'), t('characters', settings.width))}
    </fieldset>
  );
}
