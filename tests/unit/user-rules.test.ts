import { describe, expect, it } from 'vitest';
import { page } from './support/dom';
import { extractArticle } from '../../lib/extract/extract-article';
import { fingerprint, sameBlock, similarity } from '../../lib/clean/fingerprint';
import { blockFingerprint, keepTest, normalizeRules, rulesForSite, siteOf, withCorrection, type UserRule } from '../../lib/clean/user-rules';
import { describe as previewText } from '../../lib/clean/run-rules';

const PROSE = [
  'The harbour reopened on Monday after three weeks of repairs to the sea wall, officials from the port authority said in a statement.',
  'Fishing boats returned to their moorings by the afternoon, and the ferry to the islands ran on its summer timetable again.',
  'Engineers had found cracks in the old stone after the autumn storms, and the council voted to pay for the work from its reserves.',
  'Traders on the quay said the closure had cost them most of their takings for the month, though some had moved to the market square.',
];
const NOTE = 'Our harbour guide has tips on parking, tides and the 12 best cafés, updated every week by our local team.';

function story(extra = '', note = NOTE): Document {
  return page(
    `<article><h1>Harbour reopens</h1>${PROSE.map((p) => `<p>${p}</p>`).join('')}<p>${note}</p>${extra}</article>`,
    '',
    'https://www.example.com/news/harbour',
  );
}

function rule(partial: Partial<UserRule>): UserRule {
  return { id: 'r1', host: 'example.com', action: 'remove', fingerprint: '', text: '', createdAt: '2026-01-01T00:00:00Z', ...partial };
}

describe('fingerprint', () => {
  it('ignores case, punctuation and changed numbers', () => {
    expect(fingerprint('The 12 best cafés, updated!')).toBe(fingerprint('the 15 Best Cafés updated'));
  });

  it('survives one word changed in a sentence, but not another sentence', () => {
    const a = fingerprint(NOTE);
    expect(sameBlock(a, fingerprint(NOTE.replace('parking', 'buses')))).toBe(true);
    expect(similarity(a, fingerprint(PROSE[0]!))).toBeLessThan(0.2);
    expect(sameBlock(a, fingerprint(PROSE[0]!))).toBe(false);
  });

  it('asks short blocks to be equal', () => {
    expect(sameBlock(fingerprint('Advertisement'), fingerprint('advertisement'))).toBe(true);
    expect(sameBlock(fingerprint('Read more here'), fingerprint('Read less here'))).toBe(false);
  });

  it('gives wordless blocks no fingerprint, so no rule matches every picture', () => {
    expect(blockFingerprint('<img>')).toBe('');
  });
});

describe('user rules in the pipeline', () => {
  it('removes a block the reader removed, on a changed page of the site, recorded as "yours"', () => {
    const rules = [rule({ fingerprint: fingerprint(NOTE), tag: 'p', text: NOTE })];
    const changed = NOTE.replace('12', '14').replace('tips', 'advice');
    const result = extractArticle(story('', changed), { url: 'https://www.example.com/news/other', userRules: rules });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.textContent).not.toContain('harbour guide');
    expect(result.article.textContent).toContain(PROSE[3]);
    expect(result.article.removed).toEqual([expect.objectContaining({ rule: 'yours', text: changed })]);
  });

  it('leaves the block alone without the rule', () => {
    const result = extractArticle(story(), { url: 'https://www.example.com/news/harbour' });
    if (!result.ok) throw new Error(result.message);
    expect(result.article.textContent).toContain('harbour guide');
  });

  it('puts back a block a built-in rule removed', () => {
    const promo = '<p>Sign up for our newsletter to get the morning briefing in your inbox every day.</p>';
    const plain = extractArticle(story(promo), { url: 'https://example.com/a' });
    if (!plain.ok) throw new Error(plain.message);
    const gone = plain.article.removed.find((r) => r.text.includes('newsletter'));
    expect(gone).toBeDefined();
    const keep = rule({ action: 'keep', fingerprint: blockFingerprint(gone!.text), text: gone!.text });
    const kept = extractArticle(story(promo), { url: 'https://example.com/a', userRules: [keep] });
    if (!kept.ok) throw new Error(kept.message);
    expect(kept.article.textContent).toContain('Sign up for our newsletter');
    expect(kept.article.removed.some((r) => r.text.includes('newsletter'))).toBe(false);
  });

  it('fingerprints a block the same from the removed list and from the element', () => {
    const doc = story();
    const p = doc.querySelectorAll('p')[4]!;
    expect(blockFingerprint(previewText(p))).toBe(fingerprint(NOTE));
  });
});

describe('rule lists', () => {
  it('belong to a host without "www."', () => {
    expect(siteOf('https://WWW.Example.com/a?b')).toBe('example.com');
    const rules = [rule({ fingerprint: 'a b' }), rule({ id: 'r2', host: 'other.org', fingerprint: 'a b' })];
    expect(rulesForSite(rules, 'https://www.example.com/x').map((r) => r.id)).toEqual(['r1']);
  });

  it('drop malformed entries read from storage or a backup', () => {
    const read = normalizeRules([
      rule({ fingerprint: 'Some Words' }),
      { id: 3 },
      null,
      rule({ action: 'explode' as 'keep' }),
      rule({ host: '', fingerprint: 'x' }),
    ]);
    expect(read).toHaveLength(1);
    expect(read[0]!.fingerprint).toBe('some words');
    expect(normalizeRules('nope')).toEqual([]);
  });

  it('put back of a block the reader removed drops the remove rule instead of adding a keep', () => {
    const remove = rule({ fingerprint: fingerprint(NOTE) });
    const after = withCorrection([remove], rule({ id: 'r2', action: 'keep', fingerprint: fingerprint(NOTE) }));
    expect(after).toEqual([]);
    expect(withCorrection([remove], rule({ id: 'r3', fingerprint: fingerprint(NOTE) }))).toHaveLength(1);
  });

  it('keep test matches only similar blocks', () => {
    const test = keepTest([rule({ action: 'keep', fingerprint: fingerprint(NOTE) })])!;
    expect(test(NOTE)).toBe(true);
    expect(test(PROSE[0]!)).toBe(false);
    expect(keepTest([rule({ fingerprint: fingerprint(NOTE) })])).toBeUndefined();
  });
});

describe('withUserRemovals', () => {
  it('takes a removed block out of a saved copy and records it as "yours"', async () => {
    const { withUserRemovals } = await import('../../lib/reader/apply-removals');
    const result = extractArticle(story(), { url: 'https://example.com/news/harbour' });
    if (!result.ok) throw new Error(result.message);
    const doc = page(result.article.contentHtml);
    const after = withUserRemovals(result.article, [rule({ fingerprint: fingerprint(NOTE), tag: 'p' })], doc);
    expect(after.contentHtml).not.toContain('harbour guide');
    expect(after.textContent).not.toContain('harbour guide');
    expect(after.wordCount).toBeLessThan(result.article.wordCount);
    expect(after.removed.at(-1)).toMatchObject({ rule: 'yours', text: NOTE });
    expect(withUserRemovals(result.article, [], doc)).toBe(result.article);
  });
});
