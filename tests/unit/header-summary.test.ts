import { describe, expect, it } from 'vitest';
import { headerSummary } from '../../lib/header-summary';

const summary = 'Councillors back the northern tram extension after a decade of debate.';

describe('headerSummary', () => {
  it('shows the page summary when the story does not open with it', () => {
    expect(headerSummary({ excerpt: summary, textContent: 'The city council voted on Tuesday to extend the tram line.' })).toBe(summary);
  });

  it('hides it when the opening paragraphs already hold it, as a put-back standfirst does', () => {
    const text = `Councillors back the northern tram extension\nafter a decade of debate.\n\nThe city council voted on Tuesday.`;
    expect(headerSummary({ excerpt: summary, textContent: text })).toBe('');
  });

  it('shows it when the record was read without its text, and shows nothing without a summary', () => {
    expect(headerSummary({ excerpt: ` ${summary} `, textContent: '' })).toBe(summary);
    expect(headerSummary({ excerpt: '', textContent: 'The city council voted.' })).toBe('');
  });
});
