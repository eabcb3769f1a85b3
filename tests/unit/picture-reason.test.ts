import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveLocally, type LocalServer } from './support/local-server';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { pictureReason } from '../../components/picture-reason';
import { fetchPicture, PictureError } from '../../lib/pictures/fetch-picture';
import { REASONS } from '../../lib/pictures/keep-pictures';
import { formatMessage, LOCALES, readMessages } from './support/messages';

let server: LocalServer;
let base: string;

beforeAll(async () => {
  server = await serveLocally((req, res) => {
    if (req.url === '/svg') return res.writeHead(200, { 'content-type': 'image/png' }).end('<svg xmlns="http://www.w3.org/2000/svg"/>');
    if (req.url === '/big') return res.writeHead(200, { 'content-length': '4096' }).end(Buffer.alloc(4096));
    res.writeHead(503).end();
  });
  base = server.origin;
});

afterAll(() => server.close());

/** The reasons fetchPicture really gives, taken from real failures rather than written out again here. */
async function realReasons(): Promise<string[]> {
  const attempts = [
    () => fetchPicture('ftp://127.0.0.1/a.png', { fetch }),
    () => fetchPicture(`${base}/svg`, { fetch }),
    () => fetchPicture(`${base}/big`, { fetch, maxBytes: 1024 }),
    () => fetchPicture(`${base}/gone`, { fetch }),
    () => fetchPicture('http://127.0.0.1:1/a.png', { fetch }),
  ];
  const reasons: string[] = [];
  for (const attempt of attempts) {
    try {
      await attempt();
    } catch (e) {
      if (e instanceof PictureError) reasons.push(e.message);
    }
  }
  return reasons;
}

describe("a picture failure in the reader's language", () => {
  it('says every reason a save records in the interface language, not as stored', async () => {
    const reasons = [...(await realReasons()), ...Object.values(REASONS)];
    expect(reasons).toHaveLength(5 + Object.keys(REASONS).length);
    // Read the German locale file, as a browser set to German would: no stored (English) reason may show through.
    const german = readMessages('de');
    const english = fakeBrowser.i18n.getMessage;
    fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) =>
      formatMessage(german, key, typeof subs === 'string' ? [subs] : (subs ?? []))) as typeof fakeBrowser.i18n.getMessage;
    try {
      for (const reason of reasons) {
        const shown = pictureReason(reason);
        expect(shown, reason).not.toBe(reason);
      }
      expect(pictureReason(reasons[3]!)).toBe(formatMessage(german, 'pictureReasonStatus', ['503']));
      expect(pictureReason(reasons[2]!)).toBe(formatMessage(german, 'pictureReasonTooLarge', ['0']));
    } finally {
      fakeBrowser.i18n.getMessage = english;
    }
  });

  it('has each reason in every language, with its number', () => {
    for (const locale of LOCALES) {
      const messages = readMessages(locale);
      expect(formatMessage(messages, 'pictureReasonStatus', ['404'])).toContain('404');
      expect(formatMessage(messages, 'pictureReasonOverArticleLimit', ['50'])).toContain('50');
    }
  });

  it('shows a reason it does not know as it is', () => {
    expect(pictureReason('a reason from a newer version')).toBe('a reason from a newer version');
  });
});
