import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { IDBFactory } from 'fake-indexeddb';
import { strFromU8, unzipSync } from 'fflate';
import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { exportToBytes } from '../../lib/export/bulk-export';
import { toBase64 } from '../../lib/pictures/backup-pictures';
import { sha256Hex } from '../../lib/pictures/fetch-picture';
import { PictureStore } from '../../lib/pictures/picture-store';
import { sampleArticle } from './support/article';
import { freshLibrary } from './support/library';

const run = promisify(execFile);
const BIN = fileURLToPath(new URL('../../bin/clean-copy.mjs', import.meta.url));
const PNG = new Uint8Array(Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==', 'base64'));
const SRC = 'https://a.example/chart.png';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [BIN, ...args], { maxBuffer: 20 * 1024 * 1024 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

/** A backup, written by the extension's writer, of one article with a kept picture (and a damaged second one). */
async function backupFile(): Promise<{ file: string; dir: string; json: string }> {
  const { library } = freshLibrary();
  const store = new PictureStore(new IDBFactory());
  const saved = await library.save(sampleArticle({ contentHtml: `<p>Before the chart.</p><figure><img src="${SRC}" alt="The chart"></figure>` }));
  const hash = await sha256Hex(PNG);
  await store.keep(saved.id, [{ hash, type: 'image/png', bytes: PNG }]);
  await library.setPictures(saved.id, [{ src: SRC, hash, type: 'image/png', size: PNG.length }], []);
  const win = new JSDOM('').window as unknown as Window;
  const exported = await exportToBytes([(await library.get(saved.id))!], 'json', {
    now: new Date('2026-01-02T03:04:05Z'),
    win,
    keptPictures: (h) => store.getMany(h),
  });
  const doc = JSON.parse(strFromU8(exported.data)) as { pictures: unknown[] };
  doc.pictures.push({ hash: 'b'.repeat(64), type: 'image/png', data: toBase64(new TextEncoder().encode('<svg/>')) });
  const dir = await mkdtemp(join(tmpdir(), 'clean-copy-cli-pictures-'));
  const file = join(dir, 'backup.json');
  const json = `${JSON.stringify(doc, null, 2)}\n`;
  await writeFile(file, json);
  return { file, dir, json };
}

describe('clean-copy --from-backup with the backup’s pictures', { timeout: 60_000 }, () => {
  it('puts them in an HTML page as data: addresses and in a book as its files, and keeps them in a JSON backup', async () => {
    const { file, dir } = await backupFile();
    const html = await cli(['--from-backup', file, '--format', 'html']);
    expect(html.code).toBe(0);
    expect(html.stdout).toContain(`src="data:image/png;base64,${toBase64(PNG)}"`);
    expect(html.stdout).not.toContain(SRC);
    // The picture that fails its checks is said on stderr; it exports nothing and fails nothing.
    expect(html.stderr).toContain('pictures[1] left out: not a PNG, JPEG, GIF, WebP, AVIF or BMP picture');

    const epub = join(dir, 'book.epub');
    expect((await cli(['--from-backup', file, '--format', 'epub', '--out', epub])).code).toBe(0);
    const files = unzipSync(new Uint8Array(await readFile(epub)));
    const images = Object.keys(files).filter((n) => n.startsWith('OEBPS/images/'));
    expect(images).toHaveLength(1);
    expect(files[images[0]!]).toEqual(PNG);

    const json = await cli(['--from-backup', file, '--format', 'json']);
    const again = JSON.parse(json.stdout) as { pictures: { data: string }[] };
    expect(again.pictures.map((p) => p.data)).toEqual([toBase64(PNG)]);
  });
});
