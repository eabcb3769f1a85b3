import type { Page } from 'playwright-core';

/**
 * Small real PNG and JPEG files, drawn and encoded by the browser itself
 * (OffscreenCanvas), each a different colour so no two share a hash.
 * `page` is any page of the browser under test.
 */
export async function drawPictures(
  page: Page,
  specs: { type: 'image/png' | 'image/jpeg'; seed: number; width?: number; height?: number; shapes?: number }[],
): Promise<Uint8Array[]> {
  // The shapes are laid out here, from the seed, so every run draws the same files.
  const list = specs.map(({ type, seed, width = 24, height = 16, shapes = 0 }) => {
    let r = seed >>> 0;
    const next = () => (r = (Math.imul(r, 1664525) + 1013904223) >>> 0) / 2 ** 32;
    const rects = Array.from({ length: shapes }, () => [
      next() * 360,
      30 + next() * 50,
      next() * width,
      next() * height,
      4 + next() * width * 0.2,
      4 + next() * height * 0.2,
    ]);
    return { type, seed, width, height, rects };
  });
  const encoded = await page.evaluate(async (all) => {
    const out: string[] = [];
    for (const { type, seed, width, height, rects } of all) {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d')!;
      g.fillStyle = `rgb(${(seed * 53) % 256}, ${(seed * 97) % 256}, ${(seed * 31) % 256})`;
      g.fillRect(0, 0, width, height);
      g.fillStyle = '#fff';
      g.fillRect(seed % width, 0, 2, height);
      // Shapes give a photo's worth of detail, so the file is the size of a real picture, not of a flat colour.
      for (const [hue, light, x, y, w, h] of rects) {
        g.fillStyle = `hsl(${hue}, 60%, ${light}%)`;
        g.fillRect(x!, y!, w!, h!);
      }
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type, quality: 0.9 })).arrayBuffer());
      let text = '';
      for (const b of bytes) text += String.fromCharCode(b);
      out.push(btoa(text));
    }
    return out;
  }, list);
  return encoded.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
}
