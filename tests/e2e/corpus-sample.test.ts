import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CorpusPage } from './support/corpus';
import { useSession } from './support/session';
import { HARD_LIMIT_MS, OffsiteBlocker, sweepPage } from './support/sweep-page';

/** A fixed sample of the corpus sweep (`npm run sweep`), read from the shared corpus beside the project: see fixtures/README.md. */
const CORPUS = resolve(import.meta.dirname, '../../../shared/corpus');
const pages = JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures/corpus-sample.json'), 'utf8')) as CorpusPage[];
const absent = pages.filter((p) => !existsSync(join(CORPUS, p.corpus, 'html', `${p.id}.html.gz`)));
if (absent.length > 0)
  throw new Error(`The shared corpus is not beside the project (../shared/corpus lacks ${absent.length} sample pages): put it next to this checkout.`);
const session = useSession({ corpus: CORPUS });
let blocker: OffsiteBlocker;

beforeAll(async () => {
  blocker = await OffsiteBlocker.install(session.browser);
});

describe('the corpus sample in the real popup', () => {
  it('holds pages from all four corpora', () => {
    expect(new Set(pages.map((p) => p.corpus))).toEqual(new Set(['aeb', 'trafilatura', 'readability', 'defuddle']));
    expect(pages.length).toBeGreaterThanOrEqual(28);
  });

  it.each(pages.map((p) => [`${p.corpus}/${p.id}`, p] as const))(
    '%s shows its article or a clear message in time, with no error in the popup',
    async (_, page) => {
      const result = await sweepPage(session.browser, session.server, blocker, page);
      expect(result.outcome, result.text).toMatch(/^(article|message)$/);
      expect(result.clickMs).toBeLessThan(HARD_LIMIT_MS);
      expect(result.tabMs).toBeLessThan(HARD_LIMIT_MS);
      // popup.html?tabId=N shows what the toolbar popup showed.
      expect(result.tabOutcome).toBeUndefined();
      if (result.outcome === 'message') expect(result.text).toMatch(/\w{3,}.*\w{3,}/);
      else expect(result.words).toBeGreaterThan(0);
      expect(result.replacementChars ?? 0).toBe(0);
      expect(result.errors).toEqual([]);
    },
  );
});
