import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { downloadFrom } from './support/browser';
import { useSession } from './support/session';
import { generateArticles, openLibraryPage, seedLibrary } from './support/library-data';
import { expected } from '../fixtures/fortune/expected';

/** What a new user ran into, tried again: keyboard, landmarks, contrast, layout and flow. */
const session = useSession();
const en = JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales/en/messages.json'), 'utf8')) as Record<string, { message: string }>;
const FIGURE =
  '<figure><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" alt="A tram" width="300" height="200"><figcaption>The new tram at the depot.</figcaption></figure>';
const PROMO = 'Sign up for our newsletter to get the morning briefing in your inbox every day.';

const records = generateArticles(6, { textLength: 1500 });
records[5] = { ...records[5]!, contentHtml: `${FIGURE}${records[5]!.contentHtml}` };

/** A story wrapped in the page's own main and article landmarks, with a picture and a promo. */
function storyPage(path: string): string {
  const paragraphs = expected.paragraphs
    .slice(0, 8)
    .map((p) => `<p>${p}</p>`)
    .join('');
  session.server.route(
    path,
    `<!doctype html><html lang="en"><head><title>Depot story</title></head><body><header><nav><a href="/">Home</a></nav></header>
    <main><article><h1>Depot story</h1>${paragraphs.slice(0, 600)}${FIGURE}${paragraphs}<p>${PROMO}</p></article></main></body></html>`,
  );
  return session.server.url(path);
}

/** WCAG contrast ratio of two computed `rgb(…)` colours. */
function contrast(a: string, b: string): number {
  const lum = (c: string) => {
    const [r, g, bl] = (c.match(/[\d.]+/g) ?? []).slice(0, 3).map((v) => {
      const x = Number(v) / 255;
      return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const colours = (page: Page, selector: string) =>
  page.locator(selector).evaluate((el) => {
    const s = getComputedStyle(el);
    return { fg: s.color, bg: s.backgroundColor };
  });
const focused = (page: Page) =>
  page.evaluate(() => ({
    testId: document.activeElement?.closest('[data-testid]')?.getAttribute('data-testid'),
    text: document.activeElement?.textContent ?? '',
    tag: document.activeElement?.localName,
  }));

beforeEach(async () => {
  await session.browser.closePages();
  await session.browser.clearStorage();
  const page = await session.browser.ctx.newPage();
  await page.goto(session.browser.extensionUrl('library.html'));
  await seedLibrary(page, records);
  await page.close();
});

describe('the library from the keyboard', () => {
  it('reaches "Import backup…" with Tab as a real button that asks for a file and imports it', async () => {
    const page = await openLibraryPage(session.browser);
    // Listening first: the browser hands the file dialog to the test only once it is asked to.
    const chooser = page.waitForEvent('filechooser', { timeout: 10_000 });
    const backup = await downloadFrom(page, () => page.getByTestId('export-backup').click());
    const button = page.getByRole('button', { name: en.importBackup!.message });
    expect(await button.count()).toBe(1);
    await page.getByTestId('export-backup').focus();
    await page.keyboard.press('Tab');
    expect((await focused(page)).text).toBe(en.importBackup!.message);
    await page.keyboard.press('Enter');
    await (await chooser).setFiles(backup.path);
    await expect.poll(() => page.getByTestId('notice').innerText()).toMatch(/^Imported 0 new/);
  });

  it('moves focus into an opened article, closes it with Escape back to its row, and after a delete lands on a row', async () => {
    const page = await openLibraryPage(session.browser);
    const title = records[2]!.title;
    await page.getByRole('button', { name: title, exact: true }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=detail]');
    await expect.poll(async () => (await focused(page)).testId).toBe('detail');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[data-testid=detail]'))).toBe(true);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('detail').count()).toBe(0);
    await expect.poll(async () => (await focused(page)).text).toBe(title);

    // Select two rows from the keyboard and delete them with Enter.
    const rows = page.getByTestId('library-item');
    await rows.nth(1).locator('input[type=checkbox]').focus();
    await page.keyboard.press('Space');
    await rows.nth(2).locator('input[type=checkbox]').focus();
    await page.keyboard.press('Space');
    const after = await rows.nth(3).locator('button.link').innerText();
    await page.getByTestId('delete-selected').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => rows.count()).toBe(4);
    // The row that took the first deleted one's place, not the page's body.
    await expect.poll(async () => (await focused(page)).text).toBe(after);
    expect((await focused(page)).testId).toBe('library-item');
  });
});

describe('the library’s article pane', () => {
  it('shows the article before the edit form, says "Changes saved." in place and clears it, and sets figures flush', async () => {
    const page = await openLibraryPage(session.browser);
    await page.getByRole('button', { name: records[5]!.title, exact: true }).click();
    await page.waitForSelector('[data-testid=detail] [data-testid=preview] figure');
    const order = await page.evaluate(() => {
      const preview = document.querySelector('[data-testid=detail] [data-testid=preview]')!;
      const form = document.querySelector('[data-testid=edit-title]')!;
      return preview.compareDocumentPosition(form) & Node.DOCUMENT_POSITION_FOLLOWING;
    });
    expect(order).toBeTruthy();
    expect(await page.locator('[data-testid=detail] figure').evaluate((el) => [getComputedStyle(el).marginLeft, getComputedStyle(el).marginRight])).toEqual([
      '0px',
      '0px',
    ]);

    const status = page.getByTestId('edit-status');
    const before = await status.boundingBox();
    await page.getByTestId('edit-notes').fill('Ask about the depot.');
    await page.getByTestId('edit-save').scrollIntoViewIfNeeded();
    const top = await page.getByTestId('edit-save').boundingBox();
    await page.getByTestId('edit-save').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => status.innerText()).toBe(en.changesSaved!.message);
    expect((await status.boundingBox())?.height).toBe(before?.height);
    expect((await page.getByTestId('edit-save').boundingBox())?.y).toBe(top?.y);
    expect(await page.getByTestId('notice').count()).toBe(0);
    // Focus stays on the button, not the page's body.
    expect((await focused(page)).testId).toBe('edit-save');
    // It clears itself.
    await expect.poll(() => status.innerText(), { timeout: 8_000 }).toBe('');
  });

  it('covers the full width of a 390-px window with nothing clipped', async () => {
    const page = await openLibraryPage(session.browser);
    await page.setViewportSize({ width: 390, height: 800 });
    await page.getByRole('button', { name: records[0]!.title, exact: true }).click();
    await page.waitForSelector('[data-testid=detail]');
    const pane = await page.getByTestId('detail').boundingBox();
    expect(pane!.x).toBe(0);
    expect(pane!.width).toBeGreaterThanOrEqual(380);
    const title = await page.getByTestId('edit-title').boundingBox();
    expect(title!.x + title!.width).toBeLessThanOrEqual(390);
    expect(title!.width).toBeGreaterThan(300);
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('detail').count()).toBe(0);
  });

  it('in dark mode, shows primary buttons at 4.5:1 or more', async () => {
    const page = await openLibraryPage(session.browser);
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.getByRole('button', { name: records[0]!.title, exact: true }).click();
    const { fg, bg } = await colours(page, '[data-testid=edit-save]');
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);
  });
});

describe('the popup', () => {
  it('has one main landmark, one scroll area, flush figures, labels for rules, and the Export buttons on the Save line after saving', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/first-use.html'));
    const popup = await session.browser.openPopupFor(tab);
    expect(await popup.getByRole('main').count()).toBe(1);
    expect(await popup.locator('[data-testid=preview] :is(main, article, nav, header, footer, aside)').count()).toBe(0);
    expect(await popup.locator('[data-testid=preview] figure').evaluate((el) => [getComputedStyle(el).marginLeft, getComputedStyle(el).marginRight])).toEqual([
      '0px',
      '0px',
    ]);

    await popup.setViewportSize({ width: 560, height: 600 });
    await popup.getByTestId('removed-summary').click();
    // Nothing scrolls inside the page: the page itself is the one scroll area.
    const scrollers = await popup.evaluate(() =>
      Array.from(document.querySelectorAll('body *'))
        .filter((el) => /auto|scroll/.test(getComputedStyle(el).overflowY) && el.scrollHeight > el.clientHeight + 1)
        .map((el) => el.getAttribute('data-testid') ?? el.localName),
    );
    expect(scrollers).toEqual([]);
    expect(await popup.evaluate(() => document.scrollingElement!.scrollHeight > innerHeight)).toBe(true);

    // The promo's rule is named in words, with its id kept on the item.
    const group = popup.locator('[data-testid=removed] li[data-rule=promo-blocks]');
    expect(await group.locator('strong').innerText()).toBe(en.rule_promo_blocks!.message);
    expect(await popup.locator('[data-testid=removed] code').count()).toBe(0);

    await popup.getByTestId('save').click();
    await expect.poll(() => popup.getByTestId('save').innerText()).toBe(en.saved!.message);
    const save = await popup.getByTestId('save').boundingBox();
    const exportMenu = await popup.locator('.export-menu').boundingBox();
    expect(Math.abs(save!.y - exportMenu!.y)).toBeLessThan(save!.height);

    // In dark mode the Save button keeps its contrast.
    await popup.emulateMedia({ colorScheme: 'dark' });
    const { fg, bg } = await colours(popup, '[data-testid=save]');
    expect(contrast(fg, bg)).toBeGreaterThanOrEqual(4.5);

    // The HTML export sets figures flush too.
    const file = await downloadFrom(popup, () => popup.locator('button[data-export="html"]').click());
    const exported = await session.browser.ctx.newPage();
    await exported.setContent(file.text);
    expect(
      await exported
        .locator('figure')
        .first()
        .evaluate((el) => [getComputedStyle(el).marginLeft, getComputedStyle(el).marginRight]),
    ).toEqual(['0px', '0px']);
  });

  it('opens a saved article and offers the way back to the page’s own', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/way-back.html'));
    const popup = await session.browser.openPopupFor(tab);
    await popup.getByTestId('saved-tab').click();
    await popup.getByRole('button', { name: records[1]!.title, exact: true }).click();
    await expect.poll(() => popup.getByTestId('title').innerText()).toBe(records[1]!.title);
    await popup.getByTestId('back-to-page').click();
    await expect.poll(() => popup.getByTestId('title').innerText()).toBe('Depot story');
    expect(await popup.getByTestId('back-to-page').count()).toBe(0);
    expect(await popup.getByTestId('save').innerText()).toBe(en.save!.message);
  });
});

describe('the options page', () => {
  it('names the template box and can undo "Back to the default"', async () => {
    const page = await session.browser.ctx.newPage();
    await page.goto(session.browser.extensionUrl('options.html'));
    const box = page.getByRole('textbox', { name: en.templateHeading!.message });
    // The box appears once the stored template has been read; count it only then.
    await box.first().waitFor({ timeout: 15_000 });
    expect(await box.count()).toBe(1);
    const mine = 'kind: clipping\nfrom: {{site}}';
    await box.fill(mine);
    await page.getByTestId('template-save').click();
    await page.getByTestId('template-reset').click();
    await expect.poll(() => box.inputValue()).not.toBe(mine);
    await page.getByTestId('template-undo').click();
    await expect.poll(() => box.inputValue()).toBe(mine);
    await page.reload();
    await expect.poll(() => page.getByRole('textbox', { name: en.templateHeading!.message }).inputValue()).toBe(mine);
  });
});
