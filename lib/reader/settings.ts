import type { KeyValueArea } from '../library/library';
import { STORAGE_KEYS } from '../storage-keys';

/** How the reader and the popup's preview set the article. */
export interface ReaderSettings {
  theme: 'light' | 'sepia' | 'dark' | 'system' | 'contrast';
  font: 'serif' | 'sans' | 'mono';
  /** Body text size in CSS pixels. */
  size: number;
  lineHeight: number;
  /** Measure: the column's width in characters. */
  width: number;
}

export const THEMES: readonly ReaderSettings['theme'][] = ['system', 'light', 'sepia', 'dark', 'contrast'];
export const FONTS: readonly ReaderSettings['font'][] = ['serif', 'sans', 'mono'];
export const LIMITS = {
  size: { min: 12, max: 32, step: 1 },
  lineHeight: { min: 1.2, max: 2.2, step: 0.1 },
  width: { min: 40, max: 100, step: 5 },
} as const;

export const DEFAULT_SETTINGS: ReaderSettings = { theme: 'system', font: 'serif', size: 19, lineHeight: 1.6, width: 70 };

function within(value: unknown, { min, max }: { min: number; max: number }, fallback: number): number {
  return typeof value === 'number' && Number.isFinite(value) ? Math.min(max, Math.max(min, value)) : fallback;
}

/** Settings as stored: anything missing or out of range falls back to its default. */
export function normalizeSettings(value: unknown): ReaderSettings {
  const s = value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  return {
    theme: THEMES.includes(s.theme as ReaderSettings['theme']) ? (s.theme as ReaderSettings['theme']) : DEFAULT_SETTINGS.theme,
    font: FONTS.includes(s.font as ReaderSettings['font']) ? (s.font as ReaderSettings['font']) : DEFAULT_SETTINGS.font,
    size: within(s.size, LIMITS.size, DEFAULT_SETTINGS.size),
    lineHeight: Math.round(within(s.lineHeight, LIMITS.lineHeight, DEFAULT_SETTINGS.lineHeight) * 10) / 10,
    width: within(s.width, LIMITS.width, DEFAULT_SETTINGS.width),
  };
}

export async function loadSettings(area: Pick<KeyValueArea, 'get'>): Promise<ReaderSettings> {
  const got = await area.get([STORAGE_KEYS.readerSettings]);
  return normalizeSettings(got[STORAGE_KEYS.readerSettings]);
}

export async function saveSettings(area: Pick<KeyValueArea, 'set'>, settings: ReaderSettings): Promise<void> {
  await area.set({ [STORAGE_KEYS.readerSettings]: normalizeSettings(settings) });
}

/** CSS custom properties for the article column; the theme and font are attributes the stylesheet reads. */
export function typographyVars(s: ReaderSettings): Record<string, string> {
  return { '--reader-size': `${s.size}px`, '--reader-line': String(s.lineHeight), '--reader-width': `${s.width}ch` };
}
