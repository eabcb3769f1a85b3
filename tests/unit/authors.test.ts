import { describe, expect, it } from 'vitest';
import { authorList } from '../../lib/extract/authors';

describe('authorList', () => {
  it('splits bylines and lists into names, each once', () => {
    expect(authorList(['By Natalia Drozdiak, Alberto Nardelli and Mario Parker', 'Alberto Nardelli'])).toEqual([
      'Natalia Drozdiak',
      'Alberto Nardelli',
      'Mario Parker',
    ]);
  });

  it('takes no name from a value that is markup or code, nor a piece of one', () => {
    const hostile = [
      '<svg><use xlink:href="data:image/svg+xml;utf8,<svg id=\'x\'>…"></use></svg>',
      '<div style="color: rgb(51, 51, 51); font-size: 14px; cursor: move">x</div>',
      'a{color:red} b{}',
      'font-family: sans-serif; line-height: 20px',
      '&#x180E; &#x200A;',
      '51, 0)',
    ];
    expect(authorList(hostile)).toEqual([]);
    expect(authorList([...hostile, 'Jane Doe'])).toEqual(['Jane Doe']);
  });
});
