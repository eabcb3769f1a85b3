import { describe, expect, it } from 'vitest';
import { anchor, describeRange, reanchor, type TextSelectors } from '../../lib/annotations/anchor';

const STORY = 'The council voted on Tuesday.\n\nThe tram will run every ten minutes. Critics said the tram will run late.\n\nWorks start in May.';

/** Selectors for the n-th (0-based) appearance of `words` in `text`. */
function select(text: string, words: string, n = 0): TextSelectors {
  let start = -1;
  for (let i = 0; i <= n; i++) start = text.indexOf(words, start + 1);
  return describeRange(text, { start, end: start + words.length });
}

const quoted = (text: string, s: TextSelectors) => {
  const r = anchor(text, s);
  return r && { text: text.slice(r.start, r.end), start: r.start };
};

describe('describing a highlight', () => {
  it('keeps the words, 32 characters either side, and the offsets', () => {
    const s = select(STORY, 'every ten minutes');
    expect(s.quote).toEqual({
      type: 'TextQuoteSelector',
      exact: 'every ten minutes',
      prefix: ' on Tuesday.\n\nThe tram will run ',
      suffix: '. Critics said the tram will run',
    });
    expect([s.quote.prefix.length, s.quote.suffix.length]).toEqual([32, 32]);
    expect(s.position).toEqual({ type: 'TextPositionSelector', start: STORY.indexOf('every'), end: STORY.indexOf('every') + 17 });
  });

  it('refuses an empty or out-of-range selection', () => {
    expect(() => describeRange(STORY, { start: 5, end: 5 })).toThrow(RangeError);
    expect(() => describeRange(STORY, { start: 0, end: STORY.length + 1 })).toThrow(RangeError);
  });
});

describe('anchoring again', () => {
  it('finds the words where they were in the same text', () => {
    const s = select(STORY, 'voted on Tuesday');
    expect(anchor(STORY, s)).toEqual({ start: s.position.start, end: s.position.end });
  });

  it('follows the words when text was added before them', () => {
    const s = select(STORY, 'Works start in May');
    const longer = `Updated: a new opening paragraph.\n\n${STORY}`;
    expect(quoted(longer, s)).toEqual({ text: 'Works start in May', start: longer.indexOf('Works') });
  });

  it('tells a repeated phrase apart by its context, even when the old offsets now point at the other one', () => {
    const second = select(STORY, 'the tram will run', 0);
    expect(second.quote.prefix.endsWith('Critics said ')).toBe(true);
    // A paragraph added before moves the second appearance to where the first was.
    const changed = STORY.replace('The tram will run every', 'Officials confirmed it. The tram will run every');
    expect(changed.indexOf('the tram will run')).not.toBe(second.position.start);
    expect(quoted(changed, second)).toEqual({ text: 'the tram will run', start: changed.indexOf('said the tram') + 5 });
  });

  it('matches across white space the new markup changed', () => {
    const s = select(STORY, 'minutes. Critics');
    const reflowed = STORY.replace('minutes. Critics', 'minutes.\n  Critics');
    expect(quoted(reflowed, s)).toEqual({ text: 'minutes.\n  Critics', start: reflowed.indexOf('minutes.') });
  });

  it('gives up, rather than guessing, when the words are gone', () => {
    const s = select(STORY, 'every ten minutes');
    expect(anchor(STORY.replace('every ten minutes', 'twice an hour'), s)).toBeNull();
  });
});

describe('re-anchoring a set of highlights', () => {
  it('refreshes the selectors of those found and hands back the rest unchanged', () => {
    const kept = { id: 'a', note: 'ask about the depot', selectors: select(STORY, 'Works start in May') };
    const lost = { id: 'b', note: '', selectors: select(STORY, 'every ten minutes') };
    const next = `Intro.\n\n${STORY.replace('every ten minutes', 'twice an hour')}`;
    const { anchored, orphaned } = reanchor(next, [kept, lost]);
    expect(orphaned).toEqual([lost]);
    expect(anchored).toEqual([{ ...kept, selectors: describeRange(next, { start: next.indexOf('Works'), end: next.indexOf('Works') + 18 }) }]);
  });
});
