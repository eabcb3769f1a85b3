import type { Page } from 'playwright-core';

/**
 * Small real PNG and JPEG files, drawn and encoded by the browser itself
 * (OffscreenCanvas), each a different colour so no two share a hash.
 * `page` is any page of the browser under test.
 */
export async function drawPictures(
  page: Page,
  specs: { type: 'image/png' | 'image/jpeg'; seed: number; width?: number; height?: number }[],
): Promise<Uint8Array[]> {
  const encoded = await page.evaluate(async (list) => {
    const out: string[] = [];
    for (const { type, seed, width = 24, height = 16 } of list) {
      const canvas = new OffscreenCanvas(width, height);
      const g = canvas.getContext('2d')!;
      g.fillStyle = `rgb(${(seed * 53) % 256}, ${(seed * 97) % 256}, ${(seed * 31) % 256})`;
      g.fillRect(0, 0, width, height);
      g.fillStyle = '#fff';
      g.fillRect(seed % width, 0, 2, height);
      const bytes = new Uint8Array(await (await canvas.convertToBlob({ type, quality: 0.9 })).arrayBuffer());
      let text = '';
      for (const b of bytes) text += String.fromCharCode(b);
      out.push(btoa(text));
    }
    return out;
  }, specs);
  return encoded.map((b64) => new Uint8Array(Buffer.from(b64, 'base64')));
}
