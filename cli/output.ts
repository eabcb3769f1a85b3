import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { uniqueNames } from '../lib/export/filename';

/** Where results go: stdout, one file, or one file per article in a folder. */
export type Destination = { kind: 'stdout' } | { kind: 'file'; path: string } | { kind: 'dir'; path: string };

/** `--out` ending in a separator, or naming a format that is one file per article, is a folder. */
export function destinationOf(out: string | undefined, perArticle: boolean): Destination {
  if (!out || out === '-') return { kind: 'stdout' };
  return perArticle || /[/\\]$/.test(out) ? { kind: 'dir', path: out } : { kind: 'file', path: out };
}

export interface OutputFile {
  name: string;
  data: string | Uint8Array;
}

/** Write rendered files: one after another on stdout, all into one file, or each under its own name in a folder. */
export async function writeOutputs(files: readonly OutputFile[], to: Destination): Promise<void> {
  if (to.kind === 'stdout') {
    for (const f of files) await new Promise<void>((done, fail) => process.stdout.write(f.data, (e) => (e ? fail(e) : done())));
    return;
  }
  if (to.kind === 'file') {
    const parts = files.map((f) => (typeof f.data === 'string' ? Buffer.from(f.data, 'utf8') : Buffer.from(f.data)));
    await writeFile(to.path, Buffer.concat(parts));
    return;
  }
  await mkdir(to.path, { recursive: true });
  const names = uniqueNames(files.map((f) => f.name));
  for (const [i, f] of files.entries()) await writeFile(join(to.path, names[i]!), f.data);
}
