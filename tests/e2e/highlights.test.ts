import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { downloadFrom } from './support/browser';
import { storedItems } from './support/library-store';
import { useSession } from './support/session';
import { expected } from '../fixtures/fortune/expected';

const session = useSession();

/** A sentence the reader highlights that the story's update drops. */
const DROPPED = 'The harbour ferry will stop at the new pier from June.';
const NOTE = 'Compare with the ministry’s figures';

/**
 * The Fortune story's first paragraphs on the test server. The update moves
 * everything into new markup (sections, spans, an added paragraph on top)
 * and drops one sentence, as a site's redesign and an editor's change would.
 */
function story(path: string, updated: boolean): string {
  const paragraphs = expected.paragraphs.slice(0, 8);
  const body = updated
    ? `<div class="story"><p><em>Update: this story has been revised.</em></p>${paragraphs
        .map((p) => `<section><div class="para"><p><span>${p}</span></p></div></section>`)
        .join('')}</div>`
    : `${paragraphs.map((p) => `<p>${p}</p>`).join('')}<p>${DROPPED}</p>`;
  session.server.route(
    path,
    `<!doctype html><html lang="en"><head><title>Harbour talks</title></head><body><article><h1>Harbour talks</h1>${body}</article></body></html>`,
  );
  return session.server.url(path);
}

/** Save the tab's article from the popup; returns its library id, read from storage. */
async function save(page: Page): Promise<string> {
  const popup = await session.browser.openPopupFor(page);
  await popup.getByTestId('save').click();
  await popup.waitForFunction(() => /✓/.test(document.querySelector('[data-testid=save]')?.textContent ?? ''));
  const entries = Object.values(await storedItems(popup, 'entry:')) as { id: string; url: string }[];
  await popup.close();
  const entry = entries.find((e) => e.url === page.url());
  if (!entry) throw new Error(`no entry for ${page.url()} among ${entries.map((e) => e.url).join(', ')}`);
  return entry.id;
}

async function openSaved(id: string): Promise<Page> {
  const reader = await session.browser.ctx.newPage();
  await reader.goto(session.browser.extensionUrl(`reader.html?id=${encodeURIComponent(id)}`));
  await reader.waitForSelector('[data-testid=reader-body]', { timeout: 15_000 });
  return reader;
}

/**
 * Select, as a reader's drag would, from the start of `from` to the end of
 * `to` in the element `container` (its text nodes searched in order), and
 * let go of the mouse.
 */
async function select(page: Page, container: string, from: string, to: string): Promise<void> {
  await page.evaluate(
    ({ container, from, to }) => {
      const root = document.querySelector(container)!;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const nodes: Text[] = [];
      for (let n = walker.nextNode(); n; n = walker.nextNode()) nodes.push(n as Text);
      const start = nodes.find((n) => n.data.includes(from))!;
      const startAt = start.data.indexOf(from);
      const after = nodes.slice(nodes.indexOf(start) + 1);
      const end = start.data.indexOf(to, startAt + from.length) >= 0 ? start : after.find((n) => n.data.includes(to))!;
      const endAt = end.data.indexOf(to, end === start ? startAt + from.length : 0) + to.length;
      const range = document.createRange();
      range.setStart(start, startAt);
      range.setEnd(end, endAt);
      const selection = document.getSelection()!;
      selection.removeAllRanges();
      selection.addRange(range);
      end.parentElement!.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
    },
    { container, from, to },
  );
}

const marksOf = (page: Page) =>
  page.evaluate(() => {
    const out: Record<string, string> = {};
    for (const m of Array.from(document.querySelectorAll('[data-testid=reader-body] mark[data-highlight]'))) {
      const id = m.getAttribute('data-highlight')!;
      out[id] = `${out[id] ?? ''}${m.textContent}`;
    }
    return Object.values(out);
  });

beforeEach(async () => {
  await session.browser.closePages();
  await session.browser.clearStorage();
});

describe('highlights in the reader', () => {
  it('highlights across paragraphs with a note, keeps it over a re-save of the story in new markup, reports the one lost, and exports both', async () => {
    const url = story('/e2e/highlights/story.html', false);
    const tab = await session.browser.openTab(url);
    const id = await save(tab);
    const reader = await openSaved(id);

    // The end of the first paragraph into the start of the second: the bar appears, the note goes with it.
    const first = expected.paragraphs[0]!;
    const second = expected.paragraphs[1]!;
    const tail = first.slice(-40);
    const head = second.split(' ').slice(0, 4).join(' ');
    await select(reader, '[data-testid=reader-body]', tail, head);
    await reader.getByTestId('highlight-add-note').click();
    await reader.getByTestId('highlight-note').fill(NOTE);
    await reader.getByTestId('highlight-save').click();
    await expect.poll(() => reader.getByTestId('highlight-editor').count()).toBe(0);
    await select(reader, '[data-testid=reader-body]', 'The harbour ferry', 'from June.');
    await reader.getByTestId('highlight-add').click();
    await expect.poll(() => marksOf(reader)).toEqual([`${tail}${head}`, DROPPED]);
    expect(await reader.getByTestId('highlight-item-note').innerText()).toBe(NOTE);

    // A click on a highlight opens its note; Remove takes it away, Undo brings it back.
    await reader.locator(`[data-testid=reader-body] mark[data-highlight]`).last().click();
    await reader.getByTestId('highlight-remove').click();
    await expect.poll(() => marksOf(reader)).toHaveLength(1);
    await reader.getByRole('button', { name: 'Undo' }).click();
    await expect.poll(() => marksOf(reader)).toHaveLength(2);

    // The story is updated: new markup, a paragraph on top, one sentence gone. The popup says what the save will do.
    story('/e2e/highlights/story.html', true);
    await tab.reload();
    const popup = await session.browser.openPopupFor(tab);
    await expect.poll(() => popup.getByTestId('resave-changes').innerText()).toContain('Highlights no longer in the text: 1');
    const stamp = async () => Object.values(await storedItems(popup, 'entry:')).map((e) => (e as { updatedAt: string }).updatedAt)[0];
    const before = await stamp();
    await popup.getByTestId('save').click();
    await expect.poll(stamp).not.toBe(before);
    await popup.close();

    const again = await openSaved(id);
    await expect.poll(() => marksOf(again)).toEqual([`${tail}${head}`]);
    expect(await again.getByTestId('highlights-missing').innerText()).toContain('1 highlight');
    expect(await again.getByTestId('highlight-item').count()).toBe(2);

    const md = await downloadFrom(again, () => again.locator('button[data-export="md"]').click());
    expect(md.name).toBe('harbour-talks.md');
    expect(md.text).toMatch(/==[^=\n]+==\[\^1\]/);
    expect(md.text).toContain(`[^1]: ${NOTE}`);
    expect(md.text).toContain(`## Highlights no longer in the text\n\n- ==${DROPPED}==`);

    const json = await downloadFrom(again, () => again.locator('button[data-export="json"]').click());
    const [article] = (JSON.parse(json.text) as { articles: { highlights: Record<string, unknown>[] }[] }).articles;
    expect(article!.highlights).toHaveLength(2);
    expect(article!.highlights[0]).toMatchObject({
      '@context': 'http://www.w3.org/ns/anno.jsonld',
      type: 'Annotation',
      bodyValue: NOTE,
      target: { source: tab.url(), selector: [{ type: 'TextQuoteSelector' }, { type: 'TextPositionSelector' }] },
    });

    const only = await downloadFrom(again, () => again.locator('button[data-export="highlights"]').click());
    expect(only.name).toBe('harbour-talks.highlights.md');
    expect(only.text).toContain(NOTE);
    expect(only.text).toContain('*(no longer in the text)*');
  });

  it('goes back to where the reader was, and an opened article is being read', async () => {
    const url = story('/e2e/highlights/long.html', false);
    const tab = await session.browser.openTab(url);
    const id = await save(tab);
    const reader = await openSaved(id);
    await expect.poll(async () => Object.values(await storedItems(reader, 'entry:')).map((e) => (e as { state: string }).state)).toEqual(['reading']);
    expect(await reader.getByTestId('reading-controls').locator('[aria-pressed=true]').first().innerText()).toBe('Reading');
    const room = await reader.evaluate(() => document.documentElement.scrollHeight - window.innerHeight);
    expect(room).toBeGreaterThan(300);
    await reader.mouse.move(400, 200);
    await reader.mouse.wheel(0, Math.round(room / 2));
    await expect.poll(() => reader.evaluate(() => window.scrollY)).toBeGreaterThan(room / 3);
    const at = await reader.evaluate(() => window.scrollY);
    await expect
      .poll(async () => Object.values(await storedItems(reader, 'article:')).map((a) => (a as { readingPosition: number }).readingPosition), { timeout: 5_000 })
      .toEqual([expect.closeTo(at / room, 2)]);
    await reader.close();

    const back = await openSaved(id);
    await expect.poll(() => back.evaluate(() => window.scrollY)).toBeGreaterThan(at - 40);
    expect(await back.evaluate(() => window.scrollY)).toBeLessThan(at + 40);
  });
});

describe('highlights and reading states in the library', () => {
  it('highlights in the article view, counts and finds them, and filters by state and favourite', async () => {
    const a = story('/e2e/highlights/a.html', false);
    const b = story('/e2e/highlights/b.html', false);
    const idA = await save(await session.browser.openTab(a));
    const idB = await save(await session.browser.openTab(b));
    const library = await session.browser.ctx.newPage();
    await library.goto(session.browser.extensionUrl('library.html'));
    await expect.poll(() => library.getByTestId('library-item').count()).toBe(2);

    const row = library.locator(`[data-testid=library-item][data-id="${idA}"]`);
    await row.locator('button.link').click();
    await library.waitForSelector('[data-testid=detail] [data-testid=preview]');
    await select(library, '[data-testid=detail] [data-testid=preview]', 'The harbour ferry', 'new pier');
    await library.getByTestId('highlight-add-note').click();
    await library.getByTestId('highlight-note').fill('Zürich ferries do this too');
    await library.getByTestId('highlight-save').click();
    await expect.poll(() => row.getByTestId('row-highlights').innerText()).toContain('1 highlight');
    expect(await library.locator('[data-testid=detail] [data-testid=preview] mark[data-highlight]').innerText()).toBe(
      'The harbour ferry will stop at the new pier',
    );

    // Only the note holds this word, and without its accent.
    await library.getByTestId('library-search').fill('zurich');
    await expect.poll(() => library.getByTestId('library-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual([idA]);
    await library.getByTestId('library-search').fill('');

    await library.getByTestId('reading-controls').locator('[data-state=archived]').click();
    await library.getByTestId('favourite').click();
    await expect.poll(() => row.getByTestId('row-favourite').count()).toBe(1);
    await library.getByTestId('state-filter').selectOption('archived');
    await expect.poll(() => library.getByTestId('library-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual([idA]);
    await library.getByTestId('state-filter').selectOption('unread');
    await expect.poll(() => library.getByTestId('library-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual([idB]);
    await library.getByTestId('state-filter').selectOption('');
    await library.getByTestId('favourite-filter').check();
    await expect.poll(() => library.getByTestId('library-item').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-id')))).toEqual([idA]);
  });
});
