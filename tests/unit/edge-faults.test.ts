import { describe, expect, it } from 'vitest';
import { applyRule, page, PROSE } from './support/dom';
import { runRules } from '../../lib/clean/run-rules';
import { edgeBoilerplate } from '../../lib/clean/rules/edge-boilerplate';
import { creditLines } from '../../lib/clean/rules/credit-lines';
import { iconImages } from '../../lib/clean/rules/icon-images';
import { linkRails } from '../../lib/clean/rules/link-rails';
import { normalizeMedia } from '../../lib/extract/normalize-media';

const STORY = `<div>${PROSE}</div>`;

describe('edge-boilerplate judges a list or a table whole', () => {
  it('keeps a fact box before the story whose values are links', () => {
    const box =
      '<table><tr><th>Industry</th><td><a href="/w/Software">Software</a></td></tr><tr><th>Founder</th><td><a href="/w/Ann">Ann Lee</a></td></tr>' +
      '<tr><th>Products</th><td><a href="/w/Tram">Tram planner</a>, <a href="/w/Map">Map kit</a></td></tr><tr><th>Website</th><td><a href="https://a.example">a.example</a></td></tr></table>';
    const { left, removed } = applyRule(edgeBoilerplate, `<div>${box}${PROSE}</div>`);
    expect(removed).toEqual([]);
    expect(left).toContain('FounderAnn Lee');
  });

  it('keeps a reference that is one link in a list of references, and drops a list that is links all through', () => {
    const refs =
      '<ol><li>^ <a href="/r1">"Mobile System Requirements"</a>.</li><li>^ Lee, Ann (2010). "Trams in the north". <i>Transport Review</i>. 12: 3–4.</li>' +
      '<li>^ Chan, Bo (2012). "The freight railway". <i>Rail Quarterly</i>. Retrieved 3 May 2013.</li></ol>';
    const links = '<ul><li><a href="/x">Official website</a></li><li><a href="/y">Tram line on a map</a></li></ul>';
    const { left, removed } = applyRule(edgeBoilerplate, `<div>${PROSE}${refs}${links}</div>`);
    expect(left).toContain('"Mobile System Requirements"');
    expect(removed.map((r) => r.text)).toEqual(['Official website', 'Tram line on a map']);
  });
});

describe('edge-boilerplate at the story’s edges, breadcrumbs', () => {
  it('removes a breadcrumb trail above the story though its last item is the page’s title, unlinked', () => {
    const crumbs = '<ul><li><a href="/">Home</a></li><li><a href="/archive">Posts</a></li><li>I took a job in an unexpected industry</li></ul>';
    const { removed } = applyRule(edgeBoilerplate, `<div>${crumbs}${PROSE}</div>`);
    expect(removed.map((r) => r.text)).toEqual(['Home', 'Posts']);
  });
});

describe('edge-boilerplate at the story’s edges', () => {
  it('removes a print-edition note set in pieces after the story', () => {
    const tail =
      '<div><p>A version of this article appears in print on </p><p>, on Page </p><p>A</p><p>22</p><p> of the New York edition</p><p> with the headline: </p>' +
      '<p>Tram Line to Reach the Suburbs<span>. <a href="/r">Order Reprints</a> | <a href="/p">Today’s Paper</a> | <a href="/s">Subscribe</a></span></p></div>';
    const { left, removed } = applyRule(edgeBoilerplate, `<div>${PROSE}${tail}</div>`);
    expect(removed[0]!.text).toBe('A version of this article appears in print on');
    expect(removed.at(-1)!.text).toMatch(/Order Reprints \| Today’s Paper \| Subscribe$/);
    expect(left).toMatch(/publish a support scheme within the next two months\.$/);
  });

  it('removes a kicker word above the story, and keeps it inside', () => {
    const { left, removed } = applyRule(
      edgeBoilerplate,
      `<div><p><span>Review</span></p>${PROSE}<p>Review</p><p>${'The council said more. '.repeat(5)}</p></div>`,
    );
    expect(removed.map((r) => r.text)).toEqual(['Review']);
    expect(left).toContain('ReviewThe council said more.');
  });

  it('removes a poll’s tallies after the story and keeps a list of amounts', () => {
    const votes = ['165 голосов', '61 голос', '24 голоса', '437 голосов'].map((v) => `<li><p><span>%</span><span>${v}</span></p></li>`).join('');
    const amounts = ['390 kcal', '12 g', '40 g'].map((v) => `<li>${v}</li>`).join('');
    const { left, removed } = applyRule(edgeBoilerplate, `<div>${PROSE}<ul>${amounts}</ul><ul>${votes}</ul></div>`);
    expect(removed).toHaveLength(4);
    expect(left).toContain('390 kcal12 g40 g');
    expect(left).not.toContain('голос');
  });

  it('removes the site’s follow-and-subscribe plug after the story', () => {
    const plug = '<p>Puede escribirnos a redaccion@example.com o seguir a Materia en Facebook, Twitter, Instagram o suscribirse aquí a nuestra newsletter.</p>';
    const { removed } = applyRule(edgeBoilerplate, `<div>${PROSE}${plug}</div>`);
    expect(removed.map((r) => r.text.slice(0, 20))).toEqual(['Puede escribirnos a ']);
  });

  it('keeps a newsletter issue’s own how-to-subscribe line', () => {
    const line = '<p>You can also subscribe to this newsletter here — just tick the box on the sign-up page and it reaches you each morning.</p>';
    expect(applyRule(edgeBoilerplate, `<div>${PROSE}${line}</div>`).removed).toEqual([]);
  });
});

describe('credit-lines in a figure', () => {
  it('removes the screen reader’s "Image" and a credit led by its label, and keeps the picture and caption', () => {
    const figure =
      '<figure><p><span>Image</span><img src="https://example.com/tram.jpg" alt=""></p><figcaption><span>A tram on the old freight line.</span>' +
      '<span><span>Credit</span><span><span>Credit</span><span>Ann Lee/The Daily Example</span></span></span></figcaption></figure>';
    const doc = page(`${STORY}${figure}`);
    const removed = runRules(doc.body, [creditLines]);
    expect(removed.map((r) => r.text)).toEqual(['Image', 'Credit Credit Ann Lee/The Daily Example']);
    expect(doc.body.querySelector('img')).not.toBeNull();
    expect(doc.body.querySelector('figcaption')!.textContent).toBe('A tram on the old freight line.');
  });

  it('keeps a teaser’s headline after a "Photo" label', () => {
    const card =
      '<figure><span>Photo</span><a href="/t"><img src="https://example.com/t.jpg" alt=""></a></figure><div><span>Photo</span><h3>Why the tram won</h3></div>';
    const { left } = applyRule(creditLines, `${STORY}${card}`);
    expect(left).toContain('Why the tram won');
  });
});

describe('icon-images', () => {
  it('keeps a lazy photo whose placeholder is 1×1, and a photo whose description mentions a logo', () => {
    const lazy = '<img src="https://example.com/1x1.gif" data-src="https://example.com/review.jpg" width="1" height="1" alt="">';
    const logo = '<img src="https://example.com/sign.jpg" alt="The company logo is displayed outside its office in New York">';
    const doc = page(`${STORY}${lazy}${logo}`);
    normalizeMedia(doc.body, doc.baseURI);
    expect(runRules(doc.body, [iconImages])).toEqual([]);
    expect(doc.body.querySelector('img')!.getAttribute('src')).toBe('https://example.com/review.jpg');
  });
});

describe('link-rails', () => {
  it('removes "You may also like" with its pictures, up to the author’s note after it', () => {
    const rail =
      '<h3>You may also like:</h3><p><a href="/a"><img src="https://example.com/a-pin.jpg" alt="Pickled sprouts"></a> <a href="/b"><img src="https://example.com/b-pin.jpg" alt="Pear pie"></a></p>';
    const note = `<div>${'Ann is a cook who lives by the river with her two sons and writes about the food of the region. '.repeat(2)}</div>`;
    const doc = page(`<div>${PROSE}${rail}${note}</div>`);
    runRules(doc.body, [linkRails]);
    expect(doc.body.querySelectorAll('img')).toHaveLength(0);
    expect(doc.body.textContent).toContain('Ann is a cook');
    expect(doc.body.textContent).not.toContain('You may also like');
  });

  it('takes a heading that trails off ("You may also like...")', () => {
    const rail =
      '<p>You may also like...</p><ul><li><a href="/a">Tram line opens</a></li><li><a href="/b">Bridge closes</a></li><li><a href="/c">Bus fares</a></li></ul>';
    const { left } = applyRule(linkRails, `<div>${PROSE}${rail}</div>`);
    expect(left).not.toContain('You may also like');
  });
});

describe('what the removed list shows for a block without text', () => {
  it('names a picture by its file name, not "<img>"', () => {
    const doc = page(`${STORY}<div><a href="/pin"><img src="https://example.com/img/pin-it-button.png?v=2" width="20" height="20" alt=""></a></div>`);
    const removed = runRules(doc.body, [iconImages]);
    expect(removed.map((r) => r.text)).toEqual(['a picture (pin-it-button.png)']);
  });
});
