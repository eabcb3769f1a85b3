import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Exportable } from '../lib/export/exportable';
import { fetchingLookup } from '../lib/pictures/fetch-lookup';
import { gatherPictures, type Gathered, type ParsingWindow } from '../lib/pictures/gather';
import type { Picture } from '../lib/pictures/picture';
import { ASSETS, pictureFileName } from '../lib/pictures/picture-files';
import { domWindow } from './dom-window';

/**
 * Download one page's pictures (http(s) only, fetchPicture's time limit and
 * size caps, the article's total cap, a few at a time). Each picture that
 * could not be kept costs one line on stderr and stays a link; none is fatal.
 */
export async function fetchPagePictures(article: Exportable, label: string): Promise<Gathered> {
  const { lookup, failures } = fetchingLookup({ fetch: (url, init) => fetch(url, init) });
  const gathered = await gatherPictures(article, lookup, domWindow() as unknown as ParsingWindow);
  for (const address of gathered.missing) {
    const why = failures.get(address);
    if (why) process.stderr.write(`clean-copy: ${label}: picture ${address.slice(0, 300)} stays a link: ${why}\n`);
  }
  return gathered;
}

/** Write each picture once into `dir/assets/`, named by its hash as the Markdown files link to it. */
export async function writeAssets(dir: string, pictures: readonly Picture[]): Promise<void> {
  if (pictures.length === 0) return;
  await mkdir(join(dir, ASSETS), { recursive: true });
  const written = new Set<string>();
  for (const picture of pictures) {
    const name = pictureFileName(picture);
    if (written.has(name)) continue;
    written.add(name);
    await writeFile(join(dir, ASSETS, name), picture.bytes);
  }
}
