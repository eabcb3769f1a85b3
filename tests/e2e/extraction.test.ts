import { describe, expect, it } from 'vitest';
import { useSession } from './support/session';
import { expected, FIXTURES, norm } from '../fixtures/fortune/expected';

const session = useSession({ closePagesAfterEach: true });

describe.each(FIXTURES)('the %s fixture in the popup', (fixture) => {
  it('shows the article’s metadata, what was removed, and the whole body without clutter', async () => {
    const tab = await session.browser.openTab(session.server.url(`/fortune/${fixture}.html`));
    const popup = await session.browser.openPopupFor(tab);
    const text = async (testId: string) => norm(await popup.getByTestId(testId).innerText());

    expect(await text('title')).toBe(expected.title);
    expect(await text('authors')).toBe(expected.authors.join(', '));
    expect(await text('site')).toBe('Fortune');
    expect(await text('published')).toBe('23 November 2025');
    expect(await popup.getByTestId('published').getAttribute('datetime')).toBe(expected.publishedTime);
    const words = Number((await text('word-count')).replace(/\D/g, ''));
    expect(words).toBeGreaterThan(1000);
    expect(await text('reading-time')).toMatch(/^\d+ min read$/);

    // Removed blocks: a count in the summary.
    const summary = await text('removed-summary');
    const match = /^(\d+) blocks? of clutter removed$/.exec(summary);
    expect(match, summary).not.toBeNull();
    const removedCount = Number(match![1]);
    expect(removedCount).toBeGreaterThan(0);
    // Folded away until asked for; then each reason is listed (one per block, or one per group of blocks).
    const reasons = popup.getByTestId('removed').locator('strong');
    expect(await reasons.first().isVisible()).toBe(false);
    await popup.getByTestId('removed-summary').click();
    await expect.poll(() => reasons.first().isVisible()).toBe(true);
    const reasonTexts = (await reasons.allInnerTexts()).map((r) => r.trim());
    expect(reasonTexts.length).toBeGreaterThan(0);
    expect(reasonTexts.length).toBeLessThanOrEqual(removedCount);
    for (const reason of reasonTexts) expect(reason).not.toBe('');

    const preview = norm(await popup.getByTestId('preview').evaluate((el) => el.textContent ?? ''));
    for (const paragraph of expected.paragraphs) expect(preview).toContain(norm(paragraph));
    for (const clutter of expected.clutter) expect(preview).not.toContain(clutter);
  });
});

describe('a link in the clean preview', () => {
  it('opens in a new tab and leaves the popup where it was', async () => {
    const paragraphs = expected.paragraphs
      .slice(0, 6)
      .map((p) => `<p>${p}</p>`)
      .join('');
    session.server.route(
      '/e2e/linked.html',
      `<!doctype html><html lang="en"><head><title>Linked story</title></head><body><article><h1>Linked story</h1>
      ${paragraphs}<p>The full text of the plan is <a href="${session.server.url('/e2e/plan.html')}">published here</a> for readers who want the detail.</p>${paragraphs}</article></body></html>`,
    );
    session.server.route('/e2e/plan.html', '<!doctype html><title>The plan</title><p>The plan.</p>');
    const popup = await session.browser.openPopupFor(await session.browser.openTab(session.server.url('/e2e/linked.html')));
    const opened = popup.context().waitForEvent('page');
    await popup.getByTestId('preview').getByRole('link', { name: 'published here' }).click();
    const tab = await opened;
    await tab.waitForLoadState();
    expect(tab.url()).toBe(session.server.url('/e2e/plan.html'));
    expect(popup.url()).toMatch(/\/popup\.html\?tabId=\d+$/);
    expect(await popup.getByTestId('title').innerText()).toBe('Linked story');
  });
});

describe('a footnote in the clean preview', () => {
  it('scrolls to its note and back, without opening a tab', async () => {
    const paragraphs = expected.paragraphs.map((p) => `<p>${p}</p>`).join('');
    session.server.route(
      '/e2e/footnoted.html',
      `<!doctype html><html lang="en"><head><title>Footnoted story</title></head><body><article><h1>Footnoted story</h1>
      <p>The plan was drawn up over several weeks.<sup id="ref1"><a href="#note1">1</a></sup> Officials declined to comment on it.</p>
      ${paragraphs}<ol><li id="note1">Two people familiar with the talks said so. <a href="#ref1">↩</a></li></ol></article></body></html>`,
    );
    const popup = await session.browser.openPopupFor(await session.browser.openTab(session.server.url('/e2e/footnoted.html')));
    let opened = 0;
    popup.context().on('page', () => opened++);
    const inView = (selector: string) =>
      popup.evaluate((sel) => {
        const rect = document.querySelector(sel)!.getBoundingClientRect();
        return rect.top >= 0 && rect.bottom <= window.innerHeight;
      }, selector);
    const preview = popup.getByTestId('preview');
    expect(await inView('[data-testid=preview] li')).toBe(false);
    await preview.getByRole('link', { name: '1', exact: true }).click();
    await expect.poll(() => inView('[data-testid=preview] li')).toBe(true);
    await preview.getByRole('link', { name: '↩' }).click();
    await expect.poll(() => inView('[data-testid=preview] sup')).toBe(true);
    expect(opened).toBe(0);
    expect(popup.url()).toMatch(/\/popup\.html\?tabId=\d+$/);
  });
});

describe('a post that only a <noscript> holds', () => {
  it('is read in a browser with scripts on, where the <noscript> content is text, and is not doubled once a script shows it', async () => {
    const paragraphs = expected.paragraphs
      .slice(0, 6)
      .map((p) => `<p>${p}</p>`)
      .join('');
    const page = (script: string) => `<!doctype html><html lang="en"><head><title>Quiet post</title></head><body>
      <header><a href="/">Harbour blog</a></header><div class="post"><h1>Quiet post</h1><div class="post-body"></div>
      <noscript>${paragraphs}</noscript><script>${script}</script></div><footer><a href="/about">About</a></footer></body></html>`;
    // The first page's script never renders the post (a failed bundle); the second's does.
    session.server.route('/e2e/noscript-only.html', page('void 0;'));
    session.server.route(
      '/e2e/noscript-rendered.html',
      page("document.querySelector('.post-body').innerHTML = document.querySelector('noscript').textContent;"),
    );
    const first = norm(expected.paragraphs[0]!);

    const onlyCopy = await session.browser.openPopupFor(await session.browser.openTab(session.server.url('/e2e/noscript-only.html')));
    const preview = norm(await onlyCopy.getByTestId('preview').evaluate((el) => el.textContent ?? ''));
    for (const paragraph of expected.paragraphs.slice(0, 6)) expect(preview).toContain(norm(paragraph));

    const rendered = await session.browser.openPopupFor(await session.browser.openTab(session.server.url('/e2e/noscript-rendered.html')));
    const shown = norm(await rendered.getByTestId('preview').evaluate((el) => el.textContent ?? ''));
    expect(shown.split(first).length - 1).toBe(1);
  });
});

describe('a standfirst in the page header', () => {
  it('is shown once, above the story, in the popup, and not again as the summary under the title', async () => {
    const dek = 'Officials from both countries met in secret for weeks, and the plan they drafted reached Kyiv only days before it was due.';
    const paragraphs = expected.paragraphs
      .slice(0, 6)
      .map((p) => `<p>${p}</p>`)
      .join('');
    session.server.route(
      '/e2e/standfirst.html',
      `<!doctype html><html lang="en"><head><title>Secret talks</title><meta name="description" content="${dek}"></head><body>
      <nav><a href="/">Home</a> <a href="/world">World</a></nav>
      <article><header><h1>Secret talks</h1><p class="standfirst">${dek}</p><p>By Jane Doe</p></header>
      <div class="story">${paragraphs}</div></article><footer><a href="/about">About</a></footer></body></html>`,
    );
    const popup = await session.browser.openPopupFor(await session.browser.openTab(session.server.url('/e2e/standfirst.html')));
    const preview = norm(await popup.getByTestId('preview').evaluate((el) => el.textContent ?? ''));
    expect(preview.split(dek).length - 1).toBe(1);
    expect(preview.indexOf(dek)).toBeLessThan(preview.indexOf(norm(expected.paragraphs[0]!)));
    expect(await popup.locator('.excerpt').count()).toBe(0);
  });
});

describe('a recipe whose card Readability passes over', () => {
  it('shows the ingredients and the method from the page’s recipe data, as text, after the story', async () => {
    const paragraphs = expected.paragraphs
      .slice(0, 6)
      .map((p) => `<p>${p}</p>`)
      .join('');
    const recipe = {
      '@context': 'https://schema.org',
      '@type': 'Recipe',
      name: 'Secret talks shortcake',
      recipeIngredient: [
        '125 g flour',
        '65 g sugar',
        '65 g butter &amp; a pinch of salt',
        `<img src="${session.server.url('/e2e/pixel.png')}" onerror="document.title='ran'">1 egg`,
      ],
      recipeInstructions: [
        { '@type': 'HowToStep', text: 'Rub the butter into the flour and sugar.' },
        { '@type': 'HowToStep', text: 'Beat in the egg and bake for forty minutes.' },
      ],
    };
    session.server.route(
      '/e2e/recipe.html',
      `<!doctype html><html lang="en"><head><title>Shortcake</title><script type="application/ld+json">${JSON.stringify(recipe)}</script></head><body>
      <article><h1>Secret talks shortcake</h1>${paragraphs}</article></body></html>`,
    );
    const popup = await session.browser.openPopupFor(await session.browser.openTab(session.server.url('/e2e/recipe.html')));
    const items = await popup.getByTestId('preview').locator('li').allInnerTexts();
    expect(items).toEqual([
      '125 g flour',
      '65 g sugar',
      '65 g butter & a pinch of salt',
      '1 egg',
      'Rub the butter into the flour and sugar.',
      'Beat in the egg and bake for forty minutes.',
    ]);
    const preview = norm(await popup.getByTestId('preview').evaluate((el) => el.textContent ?? ''));
    expect(preview.indexOf('Ingredients')).toBeGreaterThan(preview.indexOf(norm(expected.paragraphs[5]!)));
    // The hostile line is text: no picture element, no request for its picture, no handler run in the popup.
    expect(await popup.getByTestId('preview').locator('img').count()).toBe(0);
    expect(session.server.requests).not.toContain('/e2e/pixel.png');
    expect(await popup.evaluate(() => document.title)).not.toBe('ran');
  });
});
