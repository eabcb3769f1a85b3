import { describe, expect, it } from 'vitest';
import { parseHtml } from '../../lib/extract/parse-html';
import { wrapLooseCaptions } from '../../lib/extract/loose-captions';

function wrap(html: string): string {
  const doc = parseHtml(`<body><div id="story">${html}</div></body>`, 'https://news.example/story');
  const root = doc.getElementById('story')!;
  wrapLooseCaptions(root);
  return root.innerHTML;
}

describe('captions beside their picture', () => {
  it('wraps a picture and the credited caption after it in a figure', () => {
    expect(wrap('<p><a href="/big.jpg"><img src="a.jpg"></a></p><p>The depot at dawn. © AFP / Jane Doe</p><p>Next paragraph.</p>')).toBe(
      '<figure><p><a href="/big.jpg"><img src="a.jpg"></a></p><figcaption><p>The depot at dawn. © AFP / Jane Doe</p></figcaption></figure><p>Next paragraph.</p>',
    );
  });

  it('turns a paragraph of picture and caption spans into a figure', () => {
    expect(wrap('<p><img src="a.jpg"><span>The depot at dawn.</span> <span>(mlharing / iStock.com)</span></p>')).toBe(
      '<figure><img src="a.jpg"><figcaption><span>The depot at dawn.</span> <span>(mlharing / iStock.com)</span></figcaption></figure>',
    );
  });

  it('leaves a paragraph after a picture that credits no picture', () => {
    const html = '<p><img src="a.jpg"></p><p>Reuters reported the closure.</p><p><img src="b.jpg"></p><p>The recipe (apple pie) is her grandmother’s.</p>';
    expect(wrap(html)).toBe(html);
  });

  it('leaves a long paragraph that happens to end with a credit', () => {
    const long = `${'The council voted on the plan after a long debate about costs and routes. '.repeat(5)}(Reuters/Jane Doe)`;
    const html = `<p><img src="a.jpg"></p><p>${long}</p>`;
    expect(wrap(html)).toBe(html);
  });
});
