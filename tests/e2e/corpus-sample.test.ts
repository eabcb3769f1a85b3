import { resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listCorpusPages } from './support/corpus';
import { useSession } from './support/session';
import { HARD_LIMIT_MS, OffsiteBlocker, sweepPage } from './support/sweep-page';

/** A fixed sample of the corpus sweep (`npm run sweep`), copied into the repository: see fixtures/README.md. */
const SAMPLE = resolve(import.meta.dirname, 'fixtures/corpus-sample');
const pages = listCorpusPages(SAMPLE);
const session = useSession({ corpus: SAMPLE });
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
