import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useSession } from './support/session';

/** A browser whose interface language is German, as a German system would start it. */
const session = useSession({ lang: 'de' });

type Messages = Record<string, { message: string }>;
const read = (locale: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../public/_locales', locale, 'messages.json'), 'utf8')) as Messages;
const de = read('de');
const en = read('en');
/** A message with no placeholders, in German. */
const say = (key: string) => de[key]!.message;

describe('the interface language follows the browser', () => {
  it('shows the popup, reader, library and options in German', async () => {
    // The German strings differ from the English ones, so this cannot pass in English.
    for (const key of ['save', 'read', 'tabArticle', 'libraryTitle', 'optionsTitle', 'removeMode', 'typography']) expect(say(key)).not.toBe(en[key]!.message);

    const tab = await session.browser.openTab(session.server.url('/fortune/div-soup.html'));
    const popup = await session.browser.openPopupFor(tab);
    expect(await popup.evaluate(() => document.documentElement.lang)).toMatch(/^de/);
    expect(await popup.getByTestId('save').innerText()).toBe(say('save'));
    expect(await popup.getByTestId('open-reader').innerText()).toBe(say('read'));
    expect(await popup.locator('.tabs button').first().innerText()).toBe(say('tabArticle'));
    // The date as this browser writes it in German, asked of the browser itself rather than written here.
    const published = await popup.getByTestId('published').getAttribute('datetime');
    const german = await popup.evaluate(
      (iso) => new Intl.DateTimeFormat('de', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(iso!)),
      published,
    );
    expect(await popup.getByTestId('published').innerText()).toBe(german);

    const opened = session.browser.ctx.waitForEvent('page', { timeout: 15_000 });
    await popup.getByTestId('open-reader').click();
    const reader = await opened;
    await reader.waitForSelector('[data-testid=reader-body]', { timeout: 15_000 });
    expect(await reader.getByTestId('remove-mode').innerText()).toBe(say('removeMode'));
    expect(await reader.getByTestId('settings-toggle').innerText()).toBe(say('typography'));

    const library = await session.browser.ctx.newPage();
    await library.goto(session.browser.extensionUrl('library.html'));
    expect(await library.locator('h1').innerText()).toBe(say('libraryTitle'));
    expect(await library.title()).toBe(say('libraryTitle'));

    const options = await session.browser.ctx.newPage();
    await options.goto(session.browser.extensionUrl('options.html'));
    await options.waitForSelector('h1');
    expect(await options.locator('h1').innerText()).toBe(say('optionsTitle'));
    expect(await options.getByTestId('template-reset').innerText()).toBe(say('backToDefault'));
  });
});
