import { describe, expect, it } from 'vitest';
import { applyRule, page } from './support/dom';
import { runRules } from '../../lib/clean/run-rules';
import { iconImages } from '../../lib/clean/rules/icon-images';
import { siteNavigation } from '../../lib/clean/rules/site-navigation';
import { placeholderCards } from '../../lib/clean/rules/placeholder-cards';
import { adSlots } from '../../lib/clean/rules/ad-slots';
import { shareBars } from '../../lib/clean/rules/share-bars';
import { videoWidgets } from '../../lib/clean/rules/video-widgets';
import { inlineRelatedLinks } from '../../lib/clean/rules/inline-related-links';
import { authorBios } from '../../lib/clean/rules/author-bios';
import { promoBlocks } from '../../lib/clean/rules/promo-blocks';
import { linkRails } from '../../lib/clean/rules/link-rails';
import { bylineBlocks } from '../../lib/clean/rules/byline-blocks';
import { RULES } from '../../lib/clean/rules';
import { edgeBoilerplate } from '../../lib/clean/rules/edge-boilerplate';
import { creditLines } from '../../lib/clean/rules/credit-lines';
import { repeatedCaptions } from '../../lib/clean/rules/repeated-captions';
import { PROSE, normalize } from './support/dom';
import { groupRemovals } from '../../lib/clean/group-removals';
import { leafBlocks } from '../../lib/clean/leaf-blocks';
import { wrapLooseLines } from '../../lib/clean/loose-lines';

const BODY = '<p>The harbour reopened on Monday after three weeks of repairs to the sea wall, officials said.</p>';

describe('every rule', () => {
  it('has a unique name and a reason', () => {
    const names = RULES.map((r) => r.name);
    expect(new Set(names).size).toBe(names.length);
    for (const r of RULES) expect(r.reason.length).toBeGreaterThan(10);
  });

  it('records what it removed with its own name and reason', () => {
    const { removed } = applyRule(adSlots, `${BODY}<div><span>Advertisement</span><div></div></div>`);
    expect(removed).toEqual([{ rule: 'ad-slots', reason: adSlots.reason, text: 'Advertisement' }]);
  });
});

describe('icon-images', () => {
  it('removes interface icons by alt text and tiny images, keeps photos', () => {
    const doc = `${BODY}<img src="a.svg" alt="Down Arrow Button Icon"><img src="p.gif" width="1" height="1" alt=""><img src="harbour.jpg" alt="The harbour at dawn" width="1200">`;
    const { removed } = applyRule(iconImages, doc);
    expect(removed.map((r) => r.text)).toEqual(['Down Arrow Button Icon', 'a picture (p.gif)']);
  });
});

describe('site-navigation', () => {
  it('removes a breadcrumb trail, a menu and a list of sections, each marked as navigation', () => {
    const crumbs = '<nav><a href="/">Home</a> » <a href="/travel">Travel</a> » Ferry timetables change on Monday</nav>';
    const menu = '<div><ul role="menu"><li><a href="/" role="menuitem">Home</a></li><li><a href="/news" role="menuitem">News</a></li></ul></div>';
    const sections = '<div role="navigation"><ol><li><a href="#a">1 History</a></li><li><a href="#b">2 Timetables</a></li></ol></div>';
    const { left, removed } = applyRule(siteNavigation, `${crumbs}${BODY}${menu}${sections}`);
    expect(removed.map((r) => r.text)).toEqual(['Home » Travel » Ferry timetables change on Monday', 'Home News', '1 History 2 Timetables']);
    expect(left).toBe('The harbour reopened on Monday after three weeks of repairs to the sea wall, officials said.');
  });

  it('keeps writing that a page wrapped in <nav>, and tab lists', () => {
    const { removed } = applyRule(siteNavigation, `<nav>${BODY}${BODY}</nav><div role="tablist">${BODY}</div>`);
    expect(removed).toEqual([]);
  });
});

describe('placeholder-cards', () => {
  const card =
    '<div><span>Finance</span><a href="/x">Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor</a><span>By Fortune Editors</span><time>October 20, 2025</time></div>';
  it('removes a rail of lorem-ipsum cards with its heading, as one block', () => {
    const { left, removed } = applyRule(placeholderCards, `${PROSE}<section><h2>Latest in Europe</h2>${card.repeat(6)}</section>`);
    expect(removed).toHaveLength(1);
    expect(removed[0]!.text).toMatch(/^Latest in Europe Finance Lorem ipsum/);
    expect(left).not.toMatch(/Fortune Editors|Latest in Europe/);
  });

  it('keeps a page that is all filler: there the filler is the text (a template, a test page)', () => {
    const lorem =
      '<p>Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut labore.</p><p>Duis aute irure dolor in reprehenderit in voluptate velit esse cillum dolore.</p>';
    expect(applyRule(placeholderCards, `<article>${lorem}${lorem}</article>`).removed).toEqual([]);
  });

  it('keeps the article around a single placeholder card', () => {
    const { left } = applyRule(placeholderCards, `<article>${BODY}${BODY}${BODY}${card}</article>`);
    expect(left).toContain('harbour reopened');
    expect(left).not.toContain('Lorem');
  });

  it('removes empty boxes marked busy, and only those', () => {
    const { removed } = applyRule(placeholderCards, `${BODY}<div aria-busy="true"></div><div aria-busy="false"></div>`);
    expect(removed).toHaveLength(1);
  });
});

describe('ad-slots', () => {
  it('removes ad elements, ad-named boxes and labelled slots', () => {
    const { left, removed } = applyRule(
      adSlots,
      `${BODY}<amp-ad width="300" height="250"></amp-ad><div id="ad-slot-3"></div><ins data-ad-client="ca-pub-1"></ins><div><div><span>Anzeige</span></div><div id="x"></div></div>`,
    );
    expect(removed).toHaveLength(4);
    expect(left).not.toContain('Anzeige');
  });

  it('keeps a paragraph that mentions advertising', () => {
    const { removed } = applyRule(adSlots, '<p>Advertisement spending fell by a fifth last year, the industry body said.</p>');
    expect(removed).toEqual([]);
  });
});

describe('share-bars', () => {
  it('removes a bar of share links', () => {
    const { left, removed } = applyRule(
      shareBars,
      `${BODY}<div><a href="https://www.facebook.com/sharer/sharer.php?u=x">Facebook</a><a href="https://twitter.com/intent/tweet?url=x">Twitter</a><button>Copy link</button></div>`,
    );
    expect(removed).toHaveLength(1);
    expect(left).not.toMatch(/Facebook|Copy link/);
  });

  it('keeps a single link to a social profile in the text', () => {
    const { removed } = applyRule(shareBars, '<p>The minister announced it on <a href="https://twitter.com/minister">Twitter</a> late on Friday.</p>');
    expect(removed).toEqual([]);
  });
});

describe('video-widgets', () => {
  it('removes a "Recommended Video" player with its label', () => {
    const { left, removed } = applyRule(videoWidgets, `${BODY}<div><div>Recommended Video</div><div><button aria-label="Play"></button></div></div>`);
    expect(removed).toHaveLength(1);
    expect(left).not.toContain('Recommended Video');
  });
});

describe('inline-related-links', () => {
  it('removes "Read More:" and "Lesen Sie auch:" teasers', () => {
    const { left, removed } = applyRule(
      inlineRelatedLinks,
      `${BODY}<p><strong>Read More:</strong> <a href="/a">Vance and Rubio Offer Clues</a></p><p>Lesen Sie auch: <a href="/b">Die Bahn erhöht die Preise</a></p>`,
    );
    expect(removed).toHaveLength(2);
    expect(left).toContain('harbour reopened');
  });

  it('keeps a paragraph that is wholly a link but has no teaser label', () => {
    const { removed } = applyRule(
      inlineRelatedLinks,
      '<p><a href="/report">The full report runs to 300 pages and is published on the ministry website.</a></p>',
    );
    expect(removed).toEqual([]);
  });

  it('keeps prose that begins with "Related:" but is not a link', () => {
    const { removed } = applyRule(inlineRelatedLinks, '<p>Related: the council also approved a new bus depot, which will open in March next year.</p>');
    expect(removed).toEqual([]);
  });
});

describe('author-bios', () => {
  it('removes an "About the Authors" section and "See full bio" rows', () => {
    const rows = ['Ann Lee', 'Bo Chan'].map((n) => `<div><span>By ${n}</span><a href="/a">See full bio</a></div>`).join('');
    const { left, removed } = applyRule(authorBios, `${BODY}<section><h3>About the Authors</h3>${rows}</section>`);
    expect(removed).toHaveLength(1);
    expect(left).not.toMatch(/full bio|About the Authors/);
  });
});

describe('author-bios, closing bio', () => {
  it('removes a closing line that starts with the author and a verb, keeps one that quotes them', () => {
    const doc = page(
      `<div>${PROSE}<p>Regan said the line would change how the suburbs travel, and the council agreed.</p><p>Regan is a Connecticut native who writes about transport and city life.</p></div>`,
    );
    const removed = runRules(doc.body, [authorBios], {}, ['Regan Miller']);
    expect(removed.map((r) => r.text)).toEqual(['Regan is a Connecticut native who writes about transport and city life.']);
  });
});

describe('author-bios, closing author box', () => {
  const BIO = 'Als Redakteurin betreue ich den Blog rund um Verkehr und Stadt. Mein Ziel ist es, Sie gut zu informieren.';

  it('removes a portrait and the lines beside it that close the post, whether the portrait is an avatar, links to the writer or is named for them', () => {
    const boxes = [
      `<img src="https://secure.gravatar.com/avatar/0f3a?s=70" alt="">`,
      `<a href="https://example.com/blog/author/ann/"><img src="/media/ann.jpg" alt=""></a>`,
      `<img src="/media/headshot.jpg" alt="Ann Lee">`,
    ];
    for (const portrait of boxes) {
      const doc = page(`<div>${PROSE}<section><p>${portrait}</p><div><h4>Ann Lee</h4><p>${BIO}</p></div></section></div>`);
      const removed = runRules(doc.body, [authorBios], {}, ['Ann Lee']);
      expect(removed.map((r) => r.text)).toEqual([`Ann Lee ${BIO}`]);
      expect(normalize(doc.body.textContent ?? '')).toBe(normalize(PROSE.replace(/<[^>]+>/g, ' ')));
    }
  });

  it('keeps a closing section’s heading and conclusion beside the box, and a picture whose file only names an avatar', () => {
    const closing = page(
      `<div>${PROSE}<section><h2>Fazit</h2><p>Die Linie kommt, und sie verändert den Norden der Stadt für die nächsten Jahrzehnte.</p><div><img src="https://secure.gravatar.com/avatar/0f3a" alt=""><p>${BIO}</p></div></section></div>`,
    );
    const removed = runRules(closing.body, [authorBios], {}, ['Ann Lee']);
    expect(removed.map((r) => r.text)).toEqual([BIO]);
    expect(closing.body.textContent).toContain('Fazit');
    const film = page(
      `<div>${PROSE}<figure><img src="/uploads/avatar-the-way-of-water.jpg" alt=""><figcaption>The film’s poster, shown at the premiere.</figcaption></figure></div>`,
    );
    expect(runRules(film.body, [authorBios], {}, ['Ann Lee'])).toEqual([]);
  });

  it('keeps a portrait box the story goes on after, a photo of someone else, and a box as long as the story', () => {
    const after = page(`<div><section><p><img src="https://secure.gravatar.com/avatar/0f3a" alt=""></p><p>${BIO}</p></section>${PROSE}</div>`);
    expect(runRules(after.body, [authorBios], {}, ['Ann Lee'])).toEqual([]);
    const photo = page(`<div>${PROSE}<figure><img src="/media/mayor.jpg" alt="The mayor"><figcaption>${BIO}</figcaption></figure></div>`);
    expect(runRules(photo.body, [authorBios], {}, ['Ann Lee'])).toEqual([]);
    const short = page(`<div><p>${BIO}</p><section><img src="/avatars/ann.png" alt=""><p>${BIO}</p></section></div>`);
    expect(runRules(short.body, [authorBios], {}, ['Ann Lee'])).toEqual([]);
  });
});

describe('promo-blocks', () => {
  it('removes newsletter sign-up boxes and webinar promos', () => {
    const html = `${BODY}<div><h4>Fortune Europe Daily</h4><p>Sign up for the Fortune Europe newsletter.</p><form><input type="email"><button>Subscribe</button></form></div>
      <p>Inside the Fortune 500 Europe Webinar – February 11, 2026: Join Europe’s top business leaders. Register your interest.</p>
      <p>Jetzt abonnieren und keine Nachricht verpassen.</p>`;
    const { left, removed } = applyRule(promoBlocks, html);
    expect(removed).toHaveLength(3);
    expect(left).toBe('The harbour reopened on Monday after three weeks of repairs to the sea wall, officials said.');
  });

  it('keeps prose about newsletters and subscriptions', () => {
    const { removed } = applyRule(
      promoBlocks,
      '<p>The publisher said subscriptions to its newsletter rose by a third after it dropped the paywall in March.</p>',
    );
    expect(removed).toEqual([]);
  });
});

describe('link-rails', () => {
  const teasers = ['Yann LeCun targets a $3.5 billion valuation', 'China slashes EU pork tariffs', 'PwC gives Gen Z grads resilience training']
    .map((t) => `<li><a href="/s">${t}</a><span>2 days ago</span></li>`)
    .join('');
  it('removes a "Most Popular" rail and a "Latest in …" rail', () => {
    const { left, removed } = applyRule(linkRails, `${BODY}<div><h2>Most Popular</h2><ul>${teasers}</ul></div><h3>Latest in Europe</h3><ul>${teasers}</ul>`);
    expect(removed.map((r) => r.text.slice(0, 12))).toEqual(['Most Popular', 'Latest in Eu', 'Yann LeCun t']);
    expect(left).toBe('The harbour reopened on Monday after three weeks of repairs to the sea wall, officials said.');
  });

  it('keeps a real section titled "Related" when it is prose', () => {
    const prose =
      '<p>The decision follows a similar vote in the neighbouring district, where residents approved a light-rail scheme after a long campaign by local businesses and commuter groups.</p>';
    const { removed } = applyRule(linkRails, `${BODY}<h2>Related</h2>${prose}${prose}`);
    expect(removed).toEqual([]);
  });
});

describe('byline-blocks', () => {
  it('removes the byline and date line above the body, not below it', () => {
    const body =
      '<p>By Ann Lee and Bo Chan</p><p>November 23, 2025, 6:57 PM ET</p>' +
      '<p>The harbour reopened on Monday after three weeks of repairs to the sea wall, officials said, and the first ferries were due to leave at dawn on Tuesday.</p>' +
      '<p>By the evening, queues had formed.</p>';
    const { left, removed } = applyRule(bylineBlocks, body);
    expect(removed.map((r) => r.text)).toEqual(['By Ann Lee and Bo Chan', 'November 23, 2025, 6:57 PM ET']);
    expect(left).toContain('By the evening, queues had formed.');
  });
});

describe('groupRemovals', () => {
  it('gathers removals by rule in first-seen order', () => {
    const r = (rule: string, text: string) => ({ rule, reason: `${rule} reason`, text });
    expect(groupRemovals([r('a', '1'), r('b', '2'), r('a', '3')])).toEqual([
      { rule: 'a', reason: 'a reason', texts: ['1', '3'] },
      { rule: 'b', reason: 'b reason', texts: ['2'] },
    ]);
  });
});

describe('lines of the article', () => {
  it('read a line whose only other child is an empty placeholder as a line, not a container', () => {
    const doc = page(`<div><p><comments-count href="/x"></comments-count> comments</p><ul><li>Item<div class="clear"></div></li><li>Rule<hr></li></ul></div>`);
    const lines = leafBlocks(doc.body).map((el) => `${el.localName} ${normalize(el.textContent ?? '')}`);
    expect(lines.filter((l) => !l.endsWith(' '))).toEqual(['p comments', 'li Item', 'li Rule']);
    // The comment counter a script would fill in: its label goes once the placeholder no longer hides it.
    const { left } = applyRule(edgeBoilerplate, `${PROSE}<p><comments-count href="/x"></comments-count> comments</p>`);
    expect(left).not.toMatch(/comments$/);
  });

  it('give text that stands beside blocks a line of its own, so the rules see it', () => {
    const doc = page(`<section><p>${'Story text. '.repeat(30)}</p> <em>Ann Lee writes</em> about deals. <p>More story.</p><a href="#">Comments</a></section>`);
    wrapLooseLines(doc.body);
    const section = doc.querySelector('section')!;
    expect(Array.from(section.children).map((el) => `${el.localName}:${normalize(el.textContent ?? '')}`)).toEqual([
      `p:${normalize('Story text. '.repeat(30))}`,
      'div:Ann Lee writes about deals.',
      'p:More story.',
      'div:Comments',
    ]);
    const removed = runRules(doc.body, [edgeBoilerplate]);
    expect(removed.map((r) => r.text)).toContain('Comments');
  });

  it('leave text beside blocks where a <div> cannot go or the text is the element’s own form', () => {
    const html = `<p>Intro <story-card>Card</story-card></p><table><tr><td>Cell <div>x</div></td></tr></table><figure><img src="a.jpg"> Caption <div>y</div></figure><pre>code <div>z</div></pre><details><summary>More</summary><p>Inside</p></details>`;
    const doc = page(html);
    const before = doc.body.innerHTML;
    wrapLooseLines(doc.body);
    expect(doc.body.innerHTML).toBe(before);
  });

  it('still take a custom element with content as a block of its own', () => {
    const doc = page(`<div><p>Intro <story-card>Another story</story-card></p></div>`);
    expect(leafBlocks(doc.body).map((el) => el.localName)).toEqual(['story-card']);
  });
});

describe('edge-boilerplate', () => {
  it('removes furniture after the story: tags, sources, copyright, link lists', () => {
    const tail =
      '<p>Tags: tram, council, suburbs</p><p>Quelle: Stadtverwaltung</p><p>© 2025 City News. All rights reserved.</p><p><a href="/a">Older post</a> <a href="/b">Newer post</a></p>';
    const { left, removed } = applyRule(edgeBoilerplate, `<div>${PROSE}${tail}</div>`);
    expect(removed.map((r) => r.text)).toEqual([
      'Tags: tram, council, suburbs',
      'Quelle: Stadtverwaltung',
      '© 2025 City News. All rights reserved.',
      'Older post Newer post',
    ]);
    expect(left).toContain('publish a support scheme');
  });

  it('removes a long tag list and a comment policy after the story', () => {
    const tags = Array.from({ length: 14 }, (_, i) => `<a href="/tag/${i}">tram line ${i}</a>`).join(', ');
    const tail = `<p><strong>Tags<br>${tags}</strong></p><p>ATENÇÃO: Comentários com textos ininteligíveis ou que faltem com respeito ao usuário não serão aprovados pelo moderador.</p>`;
    const { left, removed } = applyRule(edgeBoilerplate, `<div>${PROSE}${tail}</div>`);
    expect(removed.map((r) => r.text.slice(0, 12))).toEqual(['Tags tram li', 'ATENÇÃO: Com']);
    expect(left).toMatch(/publish a support scheme within the next two months\.$/);
  });

  it('removes a how-to-cite line after the story, long as a paragraph', () => {
    const cite =
      '<p><strong>Citation</strong>: Tram line extension to the northern suburbs approved by the council (2025, March 3) retrieved 4 March 2025 from https://news.example/2025-03-tram-line.html</p>';
    const { removed } = applyRule(edgeBoilerplate, `<div>${PROSE}${cite}</div>`);
    expect(removed.map((r) => r.text.slice(0, 29))).toEqual(['Citation: Tram line extension']);
  });

  it('keeps sentences about comments inside the story, and a dated first line before it', () => {
    const quoted =
      '<p>Comments that he published on social media in 2019 resurfaced this week.</p><p>Comments are approved by a human moderator before they appear, the company said.</p>';
    const dateline = '<p>12.03.2024<br>Berlin. The council met again on Tuesday.</p>';
    const { removed } = applyRule(edgeBoilerplate, `<div>${dateline}${PROSE}${quoted}${PROSE}</div>`);
    expect(removed).toEqual([]);
  });

  it('keeps a long linked line after the story that is not a tag list', () => {
    const links = Array.from({ length: 14 }, (_, i) => `<a href="/s/${i}">stop number ${i}</a>`).join(', ');
    const { removed } = applyRule(edgeBoilerplate, `<div>${PROSE}<p>The new stops: ${links}.</p></div>`);
    expect(removed).toEqual([]);
  });

  it('removes prompts anywhere, but leaves short lines inside the story', () => {
    const html = `<div>${PROSE}<p>War der Artikel nützlich?</p><p>Tags were not the point, he said.</p>${PROSE}</div>`;
    const { removed } = applyRule(edgeBoilerplate, html);
    expect(removed.map((r) => r.text)).toEqual(['War der Artikel nützlich?']);
  });

  it('leaves a closing sentence that is not furniture', () => {
    const { removed } = applyRule(edgeBoilerplate, `<div>${PROSE}<p>The council meets again in March.</p></div>`);
    expect(removed).toEqual([]);
  });

  it('removes bare furniture labels wherever they stand, keeps sentences that use the same words', () => {
    const html = `<div>${PROSE}<p>Related Coverage</p><p>- Anzeige -</p><h3>Inhaltsverzeichnis</h3><p>Related coverage of the vote was thin, she said.</p><p>Stand: 05.02.2020</p>${PROSE}</div>`;
    const { removed, left } = applyRule(edgeBoilerplate, html);
    expect(removed.map((r) => r.text)).toEqual(['Related Coverage', '- Anzeige -', 'Inhaltsverzeichnis', 'Stand: 05.02.2020']);
    expect(left).toContain('Related coverage of the vote was thin');
  });

  it('removes a tail of headings and labels after the story', () => {
    const tail = '<h2>Weitere Beiträge zum Thema</h2><h3>The Motor Chain: Respekt vor dem Klassiker</h3><p>aja/PAP</p><p><a href="/a">Older post</a></p>';
    const { removed } = applyRule(edgeBoilerplate, `<div>${PROSE}${tail}</div>`);
    expect(removed.map((r) => r.text)).toEqual(['Weitere Beiträge zum Thema', 'The Motor Chain: Respekt vor dem Klassiker', 'aja/PAP', 'Older post']);
  });

  it('keeps short unpunctuated lines after the story when a sentence follows them (results, recipes)', () => {
    const tail = '<h3>GIRLS SOCCER</h3><p>Viera d. Melbourne 1-0</p><p>Viera (3-0): Talorie Crafton 1 goal. Madelyn Rosario 1 assist.</p>';
    const { removed } = applyRule(edgeBoilerplate, `<div>${PROSE}${tail}</div>`);
    expect(removed).toEqual([]);
  });

  it('removes comment, app and newsletter prompts and disclaimers in German, English and Spanish', () => {
    const tail =
      '<p>Um den Tipp "Tomaten schneiden" kommentieren zu können, müssen Sie eingeloggt sein.</p><p>Diese Website verwendet Akismet, um Spam zu reduzieren.</p>' +
      '<p>For the latest stories and breaking news updates download the City News apps for iOS and Android.</p><p>Verpasse keine News zu Hardware &amp; Gadgets</p>' +
      '<p>Dieser Beitrag gibt die Meinung des Autors wieder, nicht die der Redaktion.</p><p>HAZTE MIEMBRO Y DISFRUTA DE BENEFICIOS EXCLUSIVOS</p>';
    const { removed } = applyRule(edgeBoilerplate, `<div>${PROSE}${tail}</div>`);
    expect(removed).toHaveLength(6);
  });

  it('removes cookie notices and gallery counters', () => {
    const html = `<div><p>Image 3 of 9</p>${PROSE}<p>This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. Accept</p></div>`;
    const { removed } = applyRule(edgeBoilerplate, html);
    expect(removed.map((r) => r.text)).toEqual([
      'Image 3 of 9',
      "This website uses cookies to improve your experience. We'll assume you're ok with this, but you can opt-out if you wish. Accept",
    ]);
  });

  it("does not take a long copyright notice for the story's last paragraph", () => {
    const tail =
      '<p>Citation: Council backs tram extension (2025, March 4) retrieved 5 March 2025 from https://example.com/news/tram</p>' +
      '<p>This document is subject to copyright. Apart from any fair dealing for the purpose of private study or research, no part may be reproduced without the written permission. The content is provided for information purposes only.</p>';
    const { removed, left } = applyRule(edgeBoilerplate, `<div>${PROSE}${tail}</div>`);
    expect(removed).toHaveLength(2);
    expect(left).toContain('publish a support scheme');
  });

  it('keeps a closing paragraph about copyright', () => {
    const last =
      '<p>The court ruled that the copyright in the tram photographs belongs to the council, which may now license them to the publishers who asked for them.</p>';
    const { removed } = applyRule(edgeBoilerplate, `<div>${PROSE}${last}</div>`);
    expect(removed).toEqual([]);
  });

  it('reads a closing Japanese sentence as a sentence', () => {
    const { removed } = applyRule(edgeBoilerplate, `<div>${PROSE}<p>※「iPhone」は、Apple Inc.の商標です。</p></div>`);
    expect(removed).toEqual([]);
  });
});

describe('credit-lines', () => {
  it('removes a credit line and keeps the caption around it', () => {
    const { left, removed } = applyRule(
      creditLines,
      '<figure><img src="a.jpg" alt=""><figcaption>The new tram at the depot <span>Foto: Galli/Malteser</span></figcaption></figure>',
    );
    expect(removed.map((r) => r.text)).toEqual(['Foto: Galli/Malteser']);
    expect(left).toBe('The new tram at the depot');
  });

  it('removes credits that name an agency, and the screen-reader label before a credit', () => {
    const html =
      '<figure><img src="a.jpg" alt=""><figcaption><span>Image copyright Getty Images</span> The new tram at the depot <span>Jane Doe | Bloomberg | Getty Images</span></figcaption></figure><p>Reuters</p>';
    const { left, removed } = applyRule(creditLines, html);
    expect(removed.map((r) => r.text)).toEqual(['Image copyright Getty Images', 'Jane Doe | Bloomberg | Getty Images', 'Reuters']);
    expect(left).toBe('The new tram at the depot');
  });

  it('keeps a sentence that names an agency', () => {
    const { removed } = applyRule(creditLines, '<p>Talks resume on Monday, Reuters reported.</p><p>Photos from AFP</p>');
    expect(removed).toEqual([]);
  });

  it('keeps a sentence that starts with the word "source"', () => {
    const { removed } = applyRule(creditLines, '<p>Source code for the tram timetable app was published by the council on Monday.</p>');
    expect(removed).toEqual([]);
  });
});

describe('repeated-captions', () => {
  const caption = 'A tram waits at the depot in the old freight yard, where the new line will begin next spring.';
  it('removes a caption printed again under the next pictures of a gallery, keeps the first', () => {
    const slide = (n: number) => `<li><div><img src="${n}.jpg" alt=""></div><div><p>${caption}</p></div></li>`;
    const { removed, left } = applyRule(repeatedCaptions, `${BODY}<ul>${slide(1)}${slide(2)}${slide(3)}</ul>`);
    expect(removed.map((r) => r.text)).toEqual([caption, caption]);
    expect(left.split('A tram waits').length - 1).toBe(1);
  });

  it('keeps repeated text that captions no picture, or that follows pictures in the story', () => {
    const inStory = `<div><h2>Depot</h2><p><img src="1.jpg" alt=""></p><p>${caption}</p><h2>Yard</h2><p><img src="2.jpg" alt=""></p><p>${caption}</p></div>`;
    expect(applyRule(repeatedCaptions, `<p>${caption}</p><p>${caption}</p>${inStory}`).removed).toEqual([]);
  });

  it('removes copies of a picture’s description printed in a second box, keeps the first', () => {
    const alt = `${caption} Photo: Ann Lee / City News`;
    const box = `<div><div><p>${caption}</p></div></div>`;
    const { removed, left } = applyRule(repeatedCaptions, `<ul><li><div><img src="1.jpg" alt="${alt}"></div>${box}</li></ul>${box}${box}${BODY}`);
    expect(removed.map((r) => r.text)).toEqual([caption, caption]);
    expect(left).toBe(`${caption}The harbour reopened on Monday after three weeks of repairs to the sea wall, officials said.`);
  });

  it('keeps a paragraph that says once what a picture’s description says', () => {
    const html = `<p><img src="1.jpg" alt="${caption}"></p><p>${caption}</p>${BODY}`;
    expect(applyRule(repeatedCaptions, html).removed).toEqual([]);
  });

  it('reads one caption shared by pictures side by side once', () => {
    const html = `<figure><img src="1.jpg" alt=""><img src="2.jpg" alt=""><figcaption>The two trams that will open the line, side by side at the depot.</figcaption></figure>`;
    expect(applyRule(repeatedCaptions, html).removed).toEqual([]);
  });
});

describe('inline-related-links, shouted teasers', () => {
  it('removes a headline in capitals that is wholly a link, keeps a linked sentence', () => {
    const html = `${BODY}<p><a href="/x">TAYLOR SWIFT CLEARED TO PERFORM HITS AT AMAS</a></p><p><a href="/y">The full ruling is on the court website.</a></p>`;
    const { removed } = applyRule(inlineRelatedLinks, html);
    expect(removed.map((r) => r.text)).toEqual(['TAYLOR SWIFT CLEARED TO PERFORM HITS AT AMAS']);
  });
});

describe('inline-related-links, linked headlines', () => {
  it('removes a headline that is wholly a link to another page of the same site', () => {
    const html = `${BODY}<h2><a href="https://news.example/2025/other-story">Patti Smith joins the choir for one night only</a></h2><p><a href="https://www.news.example/live">Tram strike – all the latest in our live blog</a></p>${BODY}`;
    const { removed } = applyRule(inlineRelatedLinks, html, 'https://news.example/2025/story');
    expect(removed.map((r) => r.text)).toEqual(['Patti Smith joins the choir for one night only', 'Tram strike – all the latest in our live blog']);
  });

  it('keeps linked sentences and questions, links to other sites, section anchors and list items', () => {
    const html =
      `${BODY}<p><a href="https://news.example/report">The full inspection report is online.</a></p>` +
      '<p><a href="https://news.example/q">Will the tram reach the suburbs by 2030?</a></p>' +
      '<h2><a href="https://shop.example/kettle">The Acme kettle with a steel body</a></h2>' +
      '<h2><a href="#costs">What the new line will cost</a></h2>' +
      `<ul><li><a href="https://news.example/a">Another story about the tram line</a></li></ul>${BODY}`;
    const { removed } = applyRule(inlineRelatedLinks, html, 'https://news.example/2025/story');
    expect(removed).toEqual([]);
  });
});

describe('link-rails, loose headings', () => {
  const list =
    '<ul><li><h4><a href="/a">The new space race</a></h4></li><li><h4><a href="/b">Spacewalking into history</a></h4></li><li><h4><a href="/c">A landing test for Mars</a></h4></li></ul>';
  it('removes a "More Great … Stories" rail', () => {
    const { left } = applyRule(linkRails, `${PROSE}<p>More Great City News Stories</p>${list}`);
    expect(left).toMatch(/two months\.$/);
  });

  it('keeps a sentence that opens with "More" in its own element', () => {
    const sentence = (opener: string) =>
      `<p>${opener} than 200 people gathered outside the <a href="/hall">town hall</a> on Sunday to protest against the closure.</p>`;
    const { removed } = applyRule(linkRails, `${PROSE}${sentence('<span>More</span>')}${sentence('<strong>More</strong>')}${PROSE}`);
    expect(removed).toEqual([]);
  });

  it('removes a "More:" list set in the middle of the story and keeps the prose after it', () => {
    const { left, removed } = applyRule(linkRails, `${PROSE}<h4>More:</h4>${list}${PROSE}`);
    expect(removed.map((r) => r.text.slice(0, 10))).toEqual(['More:', 'The new sp']);
    expect(normalize(left)).toBe(normalize(`${PROSE}${PROSE}`.replace(/<\/?p>/g, '')));
  });
});

describe('link-rails, in other languages', () => {
  it('removes "Schon gelesen?" and "Le puede interesar:" rails', () => {
    const list =
      '<ul><li><a href="/a">Die Bahn erhöht die Preise</a></li><li><a href="/b">Neue Radwege im Norden</a></li><li><a href="/c">Der Hafen wird ausgebaut</a></li></ul>';
    const { removed } = applyRule(linkRails, `${PROSE}<h3>Schon gelesen?</h3>${list}<div><h4>Le puede interesar:</h4>${list}</div>`);
    expect(removed.map((r) => r.text.split(' ')[0])).toEqual(['Schon', 'Die', 'Le']);
  });
});
