import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
/** Debian installs epubcheck as a jar that only binfmt_misc makes runnable; java runs it anywhere. */
const JAR = '/usr/bin/epubcheck';

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
    // epubcheck exits non-zero when it finds errors; the report says what they are.
    await run('java', ['-jar', JAR, file, '--json', report], { maxBuffer: 16 * 1024 * 1024 }).catch(() => undefined);
    const { messages } = JSON.parse(await readFile(report, 'utf8')) as { messages: EpubcheckMessage[] };
    const errors = messages
      .filter((m) => m.severity === 'ERROR' || m.severity === 'FATAL')
      .map((m) => `${m.ID} ${m.message} @ ${m.locations.map((l) => `${l.path}:${l.line}:${l.column}`).join(', ')}`);
    return { messages, errors };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
