import type { Page } from 'playwright-core';
import { beforeEach, describe, expect, it } from 'vitest';
import { useSession } from './support/session';
import { expected, norm } from '../fixtures/fortune/expected';

const session = useSession();

/** The extension API as these tests use it inside the extension's pages. */
declare const chrome: {
  storage: { local: { get(key: string): Promise<Record<string, unknown>> } };
  runtime: { getManifest(): { commands?: Record<string, { suggested_key?: object }>; permissions?: string[]; host_permissions?: string[] } };
  contextMenus: { update(id: string, properties: object): Promise<void> };
};

const PROMO = 'Sign up for our newsletter to get the morning briefing in your inbox every day.';
const NOTE = 'Our harbour guide has tips on parking, tides and the 12 best cafés, updated every week by our local team.';

/** A story page on the test server: the Fortune story's paragraphs, one promo a built-in rule removes, and one note no rule removes. */
function storyPage(path: string, note = NOTE, head = '<html lang="en">'): string {
  const url = session.server.url(path);
  const paragraphs = expected.paragraphs
    .slice(0, 8)
    .map((p) => `<p>${p}</p>`)
    .join('');
  session.server.route(
    path,
    `<!doctype html>${head}<head><title>Harbour story</title></head><body><article><h1>Harbour story</h1>
    ${paragraphs}<p>${note}</p><p>${PROMO}</p></article></body></html>`,
  );
  return url;
}

/** The tab id Chrome gave `page`, found by a real toolbar click (which also grants activeTab on it). */
async function tabIdOf(page: Page): Promise<number> {
  const popup = await session.browser.openPopupFor(page);
  const tabId = Number(new URL(popup.url()).searchParams.get('tabId'));
  await popup.close();
  return tabId;
}

async function openReader(query: string): Promise<Page> {
  const reader = await session.browser.ctx.newPage();
  await reader.goto(session.browser.extensionUrl(`reader.html?${query}`));
  await reader.waitForSelector('[data-testid=reader-body], [data-testid=notice].notice-error', { timeout: 15_000 });
  return reader;
}

async function readerForTab(page: Page): Promise<Page> {
  return openReader(`tabId=${await tabIdOf(page)}`);
}

const bodyText = async (page: Page, testId = 'reader-body') => norm(await page.getByTestId(testId).evaluate((el) => el.textContent ?? ''));
const storedRules = (page: Page) =>
  page.evaluate(() => chrome.storage.local.get('rules:user').then((got) => (got['rules:user'] ?? []) as { host: string; action: string; text: string }[]));

beforeEach(async () => {
  await session.browser.closePages();
  await session.browser.clearStorage();
});

describe('the reader', () => {
  it('cleans a tab in a full page after a toolbar click: metadata, article, removed list, no clutter', async () => {
    const tab = await session.browser.openTab(session.server.url('/fortune/div-soup.html'));
    const reader = await readerForTab(tab);
    expect(norm(await reader.getByTestId('title').innerText())).toBe(expected.title);
    expect(norm(await reader.getByTestId('authors').innerText())).toBe(expected.authors.join(', '));
    expect(await reader.getByTestId('published').getAttribute('datetime')).toBe(expected.publishedTime);
    expect(await reader.getByTestId('reading-time').count()).toBe(1);
    const text = await bodyText(reader);
    for (const paragraph of expected.paragraphs) expect(text).toContain(norm(paragraph));
    for (const clutter of expected.clutter) expect(text).not.toContain(clutter);
    expect(await reader.locator('[data-testid=removed] li[data-rule]').count()).toBeGreaterThan(0);
    expect(await reader.title()).toContain(expected.title);
  });

  it('opens from the popup’s Read button through the background page', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/read-button.html'));
    const popup = await session.browser.openPopupFor(tab);
    const tabId = new URL(popup.url()).searchParams.get('tabId');
    const opened = session.browser.ctx.waitForEvent('page', { timeout: 15_000 });
    await popup.getByTestId('open-reader').click();
    const reader = await opened;
    await reader.waitForSelector('[data-testid=reader-body]', { timeout: 15_000 });
    expect(reader.url()).toBe(session.browser.extensionUrl(`reader.html?tabId=${tabId}`));
    expect(await bodyText(reader)).toContain(norm(expected.paragraphs[0]!));
  });

  it('says so, with no endless wait, when it has nothing to read', async () => {
    const reader = await openReader('nothing=1');
    expect(await reader.locator('[data-testid=notice].notice-error').count()).toBe(1);
    expect(await reader.getByTestId('reader-body').count()).toBe(0);
  });

  it('opens a saved article from storage with the network blocked, from a library row', async () => {
    const tab = await session.browser.openTab(session.server.url('/fortune/div-soup.html'));
    const reader = await readerForTab(tab);
    await reader.getByTestId('save').click();
    await expect.poll(() => reader.getByTestId('save').innerText()).toMatch(/✓/);
    const library = await session.browser.ctx.newPage();
    await library.goto(session.browser.extensionUrl('library.html'));
    await library.waitForSelector('[data-testid=library-item]');
    const id = await library.locator('[data-testid=library-item]').first().getAttribute('data-id');
    expect(await library.getByTestId('read-saved').first().getAttribute('href')).toBe(`/reader.html?id=${encodeURIComponent(id!)}`);

    await session.browser.ctx.setOffline(true);
    try {
      const before = session.server.requests.length;
      await library.getByTestId('read-saved').first().click();
      await library.waitForSelector('[data-testid=reader-body]', { timeout: 15_000 });
      expect(library.url()).toBe(session.browser.extensionUrl(`reader.html?id=${encodeURIComponent(id!)}`));
      expect(norm(await library.getByTestId('title').innerText())).toBe(expected.title);
      const text = await bodyText(library);
      for (const paragraph of expected.paragraphs) expect(text).toContain(norm(paragraph));
      expect(session.server.requests.length).toBe(before);
    } finally {
      await session.browser.ctx.setOffline(false);
    }
  });
});

describe('correcting the cleaner', () => {
  it('puts back a removed block where it stood, and keeps it on the next clean of the site', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/put-back.html'));
    const reader = await readerForTab(tab);
    expect(await bodyText(reader)).not.toContain(PROMO);
    await reader.getByTestId('removed-summary').click();
    const item = reader.locator('[data-testid=removed] ol li', { hasText: 'newsletter' });
    await item.getByTestId('put-back').click();
    await expect.poll(() => bodyText(reader), { timeout: 15_000 }).toContain(PROMO);
    // Where it stood: after the note, the last block of the story.
    const last = await reader.getByTestId('reader-body').locator('p').last().innerText();
    expect(norm(last)).toBe(PROMO);
    expect(await storedRules(reader)).toEqual([expect.objectContaining({ host: '127.0.0.1', action: 'keep' })]);

    // Another page of the site, cleaned from scratch in the popup, keeps it too.
    const other = await session.browser.openTab(storyPage('/e2e/put-back-2.html'));
    const popup = await session.browser.openPopupFor(other);
    expect(await bodyText(popup, 'preview')).toContain(PROMO);
  });

  it('removes a clicked block, records it as "yours", and removes it from a changed page of the site', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/remove.html'));
    const reader = await readerForTab(tab);
    expect(await bodyText(reader)).toContain(NOTE);
    await reader.getByTestId('remove-mode').click();
    expect(await reader.getByTestId('remove-mode').getAttribute('aria-pressed')).toBe('true');
    await reader.getByTestId('reader-body').locator('p', { hasText: 'harbour guide' }).click();
    await expect.poll(() => bodyText(reader)).not.toContain('harbour guide');
    expect(await bodyText(reader)).toContain(norm(expected.paragraphs[1]!));
    expect(await reader.locator('[data-testid=removed] li[data-rule=yours]').count()).toBe(1);
    expect(await storedRules(reader)).toEqual([expect.objectContaining({ host: '127.0.0.1', action: 'remove', text: NOTE })]);

    // The same note with a number and a word changed, on another page of the site.
    const changed = NOTE.replace('12', '15').replace('tips', 'advice');
    const other = await session.browser.openTab(storyPage('/e2e/remove-2.html', changed));
    const popup = await session.browser.openPopupFor(other);
    expect(await bodyText(popup, 'preview')).not.toContain('harbour guide');
    expect(await popup.locator('[data-testid=removed] li[data-rule=yours]').count()).toBe(1);
  });

  it('removes a block from the keyboard in Remove mode', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/remove-keys.html'));
    const reader = await readerForTab(tab);
    await reader.getByTestId('remove-mode').focus();
    await reader.keyboard.press('Enter');
    const note = reader.getByTestId('reader-body').locator('p', { hasText: 'harbour guide' });
    await expect.poll(() => note.getAttribute('tabindex')).toBe('0');
    await note.focus();
    await reader.keyboard.press('Enter');
    await expect.poll(() => bodyText(reader)).not.toContain('harbour guide');
  });

  it('lists the rules on the options page, where they can be edited and deleted', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/options-rules.html'));
    const reader = await readerForTab(tab);
    await reader.getByTestId('remove-mode').click();
    await reader.getByTestId('reader-body').locator('p', { hasText: 'harbour guide' }).click();
    await expect.poll(() => storedRules(reader).then((r) => r.length)).toBe(1);
    await reader.getByTestId('remove-mode').click();
    await reader.getByTestId('removed-summary').click();
    await reader.locator('[data-testid=removed] ol li', { hasText: 'newsletter' }).getByTestId('put-back').click();
    await expect.poll(() => storedRules(reader).then((r) => r.length)).toBe(2);

    const options = await session.browser.ctx.newPage();
    await options.goto(session.browser.extensionUrl('options.html'));
    await options.waitForSelector('[data-testid=rule]');
    expect(await options.getByTestId('rule').count()).toBe(2);
    expect(await options.locator('[data-testid=rule][data-action=remove]').innerText()).toContain('harbour guide');

    // Edit: the remove rule becomes a keep rule for the same block.
    await options.locator('[data-testid=rule][data-action=remove]').getByTestId('rule-edit').click();
    await options.getByTestId('rule-action').selectOption('keep');
    await options.getByTestId('rule-save').click();
    await expect.poll(() => storedRules(options).then((r) => r.map((x) => x.action).sort())).toEqual(['keep', 'keep']);

    // Delete the put-back rule: the promo goes again on the next clean.
    await options.locator('[data-testid=rule]', { hasText: 'newsletter' }).getByTestId('rule-delete').click();
    await expect.poll(() => storedRules(options).then((r) => r.length)).toBe(1);
    expect(await options.getByTestId('rule').count()).toBe(1);
    const popup = await session.browser.openPopupFor(await session.browser.openTab(storyPage('/e2e/options-rules-2.html')));
    const preview = await bodyText(popup, 'preview');
    expect(preview).not.toContain(PROMO);
    expect(preview).toContain('harbour guide');
  });
});

describe('ways in', () => {
  it('declares the keyboard shortcut and the context menu, with no host permission', async () => {
    const page = await session.browser.ctx.newPage();
    await page.goto(session.browser.extensionUrl('options.html'));
    const manifest = await page.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.commands?.['read-in-clean-copy']?.suggested_key).toEqual({ default: 'Alt+Shift+R' });
    expect(manifest.permissions).toContain('contextMenus');
    expect(manifest.permissions).toContain('activeTab');
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.permissions?.some((p) => p.includes('://') || p === '<all_urls>')).toBe(false);
    // The background page made the menu item: updating an item that does not exist fails.
    await expect(page.evaluate(() => chrome.contextMenus.update('read-in-clean-copy', {}).then(() => 'exists'))).resolves.toBe('exists');
    await expect(page.evaluate(() => chrome.contextMenus.update('no-such-item', {}).then(() => 'exists'))).rejects.toThrow();
  });
});

describe('the keyboard shortcut and the page menu', () => {
  /**
   * The background page's own handlers, run by dispatching the command and
   * menu events in its worker: a headless browser has no window to press
   * Alt+Shift+R in and no context menu to click. The toolbar click before
   * grants activeTab on the tab, as pressing the key or choosing the item would.
   */
  async function dispatchInWorker(script: string, tabId: number): Promise<Page> {
    const worker =
      session.browser.ctx.serviceWorkers().find((w) => w.url().startsWith(session.browser.extensionUrl(''))) ??
      (await session.browser.ctx.waitForEvent('serviceworker', { timeout: 10_000 }));
    const opened = session.browser.ctx.waitForEvent('page', { timeout: 15_000 });
    await worker.evaluate(script.replace('TAB_ID', String(tabId)));
    const reader = await opened;
    await reader.waitForSelector('[data-testid=reader-body]', { timeout: 15_000 });
    expect(reader.url()).toBe(session.browser.extensionUrl(`reader.html?tabId=${tabId}`));
    return reader;
  }

  it('opens the reader for the tab from the command handler', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/command.html'));
    const tabId = await tabIdOf(tab);
    const reader = await dispatchInWorker(`chrome.tabs.get(TAB_ID).then((tab) => chrome.commands.onCommand.dispatch('read-in-clean-copy', tab))`, tabId);
    expect(await bodyText(reader)).toContain(norm(expected.paragraphs[0]!));
    expect(await bodyText(reader)).not.toContain(PROMO);
  });

  it('opens the reader for the tab from the page menu item', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/menu.html'));
    const tabId = await tabIdOf(tab);
    const reader = await dispatchInWorker(
      `chrome.tabs.get(TAB_ID).then((tab) => chrome.contextMenus.onClicked.dispatch({ menuItemId: 'read-in-clean-copy', editable: false, pageUrl: tab.url }, tab))`,
      tabId,
    );
    expect(await bodyText(reader)).toContain(norm(expected.paragraphs[0]!));
  });
});

describe('typography', () => {
  it('applies at once, is kept, and sets the popup preview too', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/type.html'));
    const reader = await readerForTab(tab);
    await reader.getByTestId('settings-toggle').click();
    await reader.getByTestId('setting-theme').selectOption('sepia');
    await reader.getByTestId('setting-font').selectOption('mono');
    await reader.getByTestId('setting-size').fill('24');
    const look = (page: Page, selector: string) =>
      page.evaluate((s) => {
        const style = getComputedStyle(document.querySelector(s)!);
        return {
          theme: document.documentElement.dataset.theme,
          font: style.fontFamily,
          size: style.fontSize,
          background: getComputedStyle(document.body).backgroundColor,
        };
      }, selector);
    // At once: the next frames, not a reload.
    await expect
      .poll(() => look(reader, '[data-testid=reader-article]'), { timeout: 2_000 })
      .toMatchObject({ theme: 'sepia', size: '24px', background: 'rgb(244, 236, 216)' });
    const now = await look(reader, '[data-testid=reader-article]');
    expect(now.font).toMatch(/mono/i);

    const again = await openReader(new URL(reader.url()).search.slice(1));
    await again.waitForFunction(() => document.documentElement.dataset.settings === 'ready');
    expect(await look(again, '[data-testid=reader-article]')).toMatchObject({ theme: 'sepia', size: '24px', background: 'rgb(244, 236, 216)' });

    const popup = await session.browser.openPopupFor(tab);
    await popup.waitForFunction(() => document.documentElement.dataset.settings === 'ready');
    const preview = await look(popup, '[data-testid=preview]');
    expect(preview.font).toMatch(/mono/i);
    expect(await popup.getByTestId('preview').evaluate((el) => getComputedStyle(el).backgroundColor)).toBe('rgb(244, 236, 216)');
  });

  it('prints only the article', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/print.html'));
    const reader = await readerForTab(tab);
    await reader.emulateMedia({ media: 'print' });
    const shown = await reader.evaluate(() =>
      ['[data-testid=reader-bar]', '.reader-removed', '[data-testid=reader-article]', '[data-testid=title]'].map(
        (s) => getComputedStyle(document.querySelector(s)!).display !== 'none',
      ),
    );
    expect(shown).toEqual([false, false, true, true]);
  });
});

describe('a right-to-left article', () => {
  it('reads right to left in the reader and the popup preview', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/rtl.html', NOTE, '<html lang="ar" dir="rtl">'));
    const reader = await readerForTab(tab);
    const article = reader.getByTestId('reader-article');
    expect(await article.getAttribute('dir')).toBe('rtl');
    expect(await article.getAttribute('lang')).toBe('ar');
    expect(
      await reader
        .getByTestId('reader-body')
        .locator('p')
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
    ).toBe('rtl');
    const popup = await session.browser.openPopupFor(tab);
    expect(
      await popup
        .getByTestId('preview')
        .locator('p')
        .first()
        .evaluate((el) => getComputedStyle(el).direction),
    ).toBe('rtl');
  });
});

describe('read aloud', () => {
  it('reads with a voice for the article’s language, or says plainly that there is none', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/aloud.html'));
    const reader = await readerForTab(tab);
    // Give the browser's voice list the time it takes to fill, as the reader does.
    const voices = await reader.evaluate(
      () =>
        new Promise<number>((done) => {
          if (speechSynthesis.getVoices().length) return done(speechSynthesis.getVoices().length);
          speechSynthesis.addEventListener('voiceschanged', () => done(speechSynthesis.getVoices().length), { once: true });
          setTimeout(() => done(speechSynthesis.getVoices().length), 2_000);
        }),
    );
    await reader.getByTestId('aloud-play').click();
    if (voices === 0) {
      await reader.waitForSelector('[data-testid=aloud-status]', { timeout: 5_000 });
      expect(await reader.locator('.reading').count()).toBe(0);
    } else {
      await reader.waitForSelector('.reading', { timeout: 5_000 });
      expect(await reader.getByTestId('aloud-play').getAttribute('aria-pressed')).toBe('true');
    }
  });

  /**
   * Headless Chromium on Linux has no speech engine, so this test puts a stub
   * in place of window.speechSynthesis before the reader loads: two voices,
   * and each utterance ends when the test says so. The reader, its controller
   * and the marking of paragraphs are the real ones.
   */
  it('picks the voice for the article’s language, marks each paragraph as it is read, and skips, pauses and changes speed', async () => {
    const tab = await session.browser.openTab(storyPage('/e2e/aloud-stub.html', NOTE, '<html lang="de">'));
    const tabId = await tabIdOf(tab);
    const reader = await session.browser.ctx.newPage();
    await reader.addInitScript(() => {
      type Utterance = { text: string; lang: string; rate: number; voice: { name: string } | null; onend: (() => void) | null };
      const spoken: Utterance[] = [];
      const voices = [
        { name: 'English', lang: 'en-GB', default: true, localService: true, voiceURI: 'en' },
        { name: 'Deutsch', lang: 'de-DE', default: false, localService: true, voiceURI: 'de' },
      ];
      const stub = Object.assign(new EventTarget(), {
        getVoices: () => voices,
        speak: (u: Utterance) => spoken.push(u),
        cancel: () => undefined,
        pause: () => undefined,
        resume: () => undefined,
        speaking: false,
        pending: false,
        paused: false,
      });
      Object.defineProperty(window, 'speechSynthesis', { value: stub, configurable: true });
      // The real utterance takes only the browser's own voice objects.
      class StubUtterance {
        lang = '';
        rate = 1;
        voice = null;
        onend = null;
        onerror = null;
        constructor(readonly text: string) {}
      }
      Object.defineProperty(window, 'SpeechSynthesisUtterance', { value: StubUtterance, configurable: true });
      Object.assign(window, {
        spoken,
        finishSpeaking: () => spoken.at(-1)?.onend?.(),
      });
    });
    await reader.goto(session.browser.extensionUrl(`reader.html?tabId=${tabId}`));
    await reader.waitForSelector('[data-testid=reader-body]', { timeout: 15_000 });
    const last = () =>
      reader.evaluate(() => (window as unknown as { spoken: { text: string; voice: { name: string } | null; rate: number }[] }).spoken.at(-1) ?? null);
    const marked = async () => norm(await reader.locator('.reading').innerText());

    await reader.getByTestId('aloud-play').click();
    await expect.poll(last).toMatchObject({ text: 'Harbour story', voice: { name: 'Deutsch' } });
    expect(await marked()).toBe('Harbour story');
    expect(await reader.locator('.reading').count()).toBe(1);

    // The first utterance ends: the next block is read and marked.
    await reader.evaluate(() => (window as unknown as { finishSpeaking(): void }).finishSpeaking());
    await expect.poll(marked).toBe(norm(expected.paragraphs[0]!));
    expect((await last())?.text).toBe(norm(expected.paragraphs[0]!));

    await reader.getByTestId('aloud-next').click();
    await expect.poll(marked).toBe(norm(expected.paragraphs[1]!));
    await reader.getByTestId('aloud-back').click();
    await expect.poll(marked).toBe(norm(expected.paragraphs[0]!));

    // A new speed starts the paragraph being read again at that speed.
    await reader.getByTestId('aloud-rate').fill('1.5');
    await expect.poll(async () => (await last())?.rate).toBe(1.5);
    expect((await last())?.text).toBe(norm(expected.paragraphs[0]!));

    await reader.getByTestId('aloud-play').click();
    expect(await reader.getByTestId('aloud-play').getAttribute('aria-pressed')).toBe('false');
  });
});
