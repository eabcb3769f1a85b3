import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, loadSettings, normalizeSettings, saveSettings, typographyVars } from '../../lib/reader/settings';
import { STORAGE_KEYS } from '../../lib/storage-keys';

function memoryArea() {
  const map = new Map<string, unknown>();
  return {
    map,
    get: async (keys: string[] | null) => Object.fromEntries((keys ?? [...map.keys()]).filter((k) => map.has(k)).map((k) => [k, map.get(k)])),
    set: async (items: Record<string, unknown>) => void Object.entries(items).forEach(([k, v]) => map.set(k, v)),
  };
}

describe('reader settings', () => {
  it('start from the defaults', async () => {
    expect(await loadSettings(memoryArea())).toEqual(DEFAULT_SETTINGS);
  });

  it('are kept under their key and read back', async () => {
    const area = memoryArea();
    await saveSettings(area, { theme: 'sepia', font: 'mono', size: 22, lineHeight: 1.9, width: 55 });
    expect(area.map.has(STORAGE_KEYS.readerSettings)).toBe(true);
    expect(await loadSettings(area)).toEqual({ theme: 'sepia', font: 'mono', size: 22, lineHeight: 1.9, width: 55 });
  });

  it('clamp values out of range and drop unknown ones', () => {
    expect(normalizeSettings({ theme: 'neon', font: 'comic', size: 400, lineHeight: 0.2, width: 'wide' })).toEqual({
      ...DEFAULT_SETTINGS,
      size: 32,
      lineHeight: 1.2,
    });
    expect(normalizeSettings(null)).toEqual(DEFAULT_SETTINGS);
  });

  it('become CSS custom properties', () => {
    expect(typographyVars({ ...DEFAULT_SETTINGS, size: 20, lineHeight: 1.5, width: 60 })).toEqual({
      '--reader-size': '20px',
      '--reader-line': '1.5',
      '--reader-width': '60ch',
    });
  });
});
