import { strToU8, zipSync } from 'fflate';

export interface ArchiveFile {
  name: string;
  content: string;
}

/** A ZIP of text files. Text compresses well; level 6 is fflate's balance of speed and size. */
export function zipFiles(files: readonly ArchiveFile[], modified: Date): Uint8Array {
  const entries: Record<string, [Uint8Array, { mtime: Date }]> = {};
  for (const f of files) entries[f.name] = [strToU8(f.content), { mtime: modified }];
  return zipSync(entries, { level: 6 });
}
