import { chromium, type BrowserContext, type CDPSession, type Page } from 'playwright-core';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { clearLibraryStore } from './library-store';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The built extension (`npx wxt build`). */
export const EXTENSION_DIR = resolve(ROOT, '.output/chrome-mv3');
const CHROMIUM = '/usr/bin/chromium';
const EXTENSION_NAME = 'Clean Copy';

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** An address on the network that is not this machine's test server: nothing a test does may reach one. */
export function isOffsite(address: string): boolean {
  const url = new URL(address);
  return /^(https?|wss?):$/.test(url.protocol) && url.hostname !== '127.0.0.1';
}

interface PopupEvent {
  requestId?: string;
  request?: { url: string };
  type?: string;
  args?: { value?: unknown; description?: string }[];
  exceptionDetails?: { text: string; exception?: { description?: string } };
}

interface TargetInfo {
  targetId: string;
  type: string;
  url: string;
}

/**
 * The real toolbar popup, opened by clicking the extension's action. Chrome
 * shows it as a target Playwright does not expose as a Page, so it is driven
 * over the browser's CDP session (attach, then messages to the target).
 */
export class ToolbarPopup {
  private nextId = 0;
  private readonly pending = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  /** Uncaught exceptions and console errors in the popup, once `watchErrors()` has been called. */
  readonly errors: string[] = [];
  private readonly listener = (event: { sessionId: string; message: string }) => {
    if (event.sessionId !== this.sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: PopupEvent };
    if (message.method) return this.record(message.method, message.params);
    if (message.id === undefined) return;
    this.pending.get(message.id)?.(message);
    this.pending.delete(message.id);
  };

  private constructor(
    private readonly cdp: CDPSession,
    readonly targetId: string,
    private readonly sessionId: string,
  ) {
    cdp.on('Target.receivedMessageFromTarget', this.listener);
  }

  static async attach(cdp: CDPSession, targetId: string): Promise<ToolbarPopup> {
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: false });
    return new ToolbarPopup(cdp, targetId, sessionId);
  }

  private async send<T>(method: string, params: object): Promise<T> {
    const id = ++this.nextId;
    const reply = new Promise<{ result?: unknown; error?: { message: string } }>((done) => this.pending.set(id, done));
    await this.cdp.send('Target.sendMessageToTarget', { sessionId: this.sessionId, message: JSON.stringify({ id, method, params }) });
    const message = await reply;
    if (message.error) throw new Error(`${method}: ${message.error.message}`);
    return message.result as T;
  }

  /** Requests from the popup to other hosts, aborted, once `blockOffsite()` has been called. */
  blocked = 0;

  private record(method: string, params: PopupEvent | undefined) {
    if (method === 'Fetch.requestPaused' && params?.requestId && params.request) {
      const offsite = isOffsite(params.request.url);
      if (offsite) this.blocked++;
      const reply = offsite
        ? this.send('Fetch.failRequest', { requestId: params.requestId, errorReason: 'BlockedByClient' })
        : this.send('Fetch.continueRequest', { requestId: params.requestId });
      reply.catch(() => undefined);
    } else if (method === 'Runtime.exceptionThrown') {
      const details = params?.exceptionDetails;
      this.errors.push(`uncaught: ${details?.exception?.description ?? details?.text ?? 'exception'}`);
    } else if (method === 'Runtime.consoleAPICalled' && params?.type === 'error') {
      this.errors.push(`console.error: ${(params.args ?? []).map((a) => a.value ?? a.description ?? '').join(' ')}`);
    }
  }

  /**
   * Start collecting the popup's uncaught exceptions and console errors into
   * `errors`. The inspector replays those that happened before it was asked.
   */
  async watchErrors(): Promise<void> {
    await this.send('Runtime.enable', {});
  }

  /**
   * Abort the popup's requests to other hosts and count them in `blocked`
   * (Playwright's routing does not see this popup). The preview asks for the
   * article's pictures only after it has read the page, after this is called.
   */
  async blockOffsite(): Promise<void> {
    await this.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] });
  }

  /** Evaluate an expression in the popup (promises awaited) and return its JSON value. */
  async evaluate<T>(expression: string): Promise<T> {
    const result = await this.send<{ result: { value?: T }; exceptionDetails?: { text: string; exception?: { description?: string } } }>('Runtime.evaluate', {
      expression,
      awaitPromise: true,
      returnByValue: true,
    });
    if (result.exceptionDetails) throw new Error(result.exceptionDetails.exception?.description ?? result.exceptionDetails.text);
    return result.result.value as T;
  }

  /**
   * Wait until `selector` matches in the popup (checking every frame) and
   * return the popup's Date.now() at that moment.
   */
  async waitFor(selector: string, timeoutMs = 15_000): Promise<number> {
    const found = await this.evaluate<number | null>(`new Promise((done) => {
      const end = Date.now() + ${timeoutMs};
      const check = () => {
        if (document.querySelector(${JSON.stringify(selector)})) return done(Date.now());
        if (Date.now() > end) return done(null);
        requestAnimationFrame(check);
      };
      check();
    })`);
    if (found === null) throw new Error(`toolbar popup: ${selector} did not appear within ${timeoutMs} ms`);
    return found;
  }

  text(selector = 'body'): Promise<string> {
    return this.evaluate<string>(`document.querySelector(${JSON.stringify(selector)})?.innerText ?? ''`);
  }

  async close(): Promise<void> {
    this.cdp.off('Target.receivedMessageFromTarget', this.listener);
    await this.cdp.send('Target.closeTarget', { targetId: this.targetId }).catch(() => undefined);
  }
}

export interface DownloadedFile {
  name: string;
  path: string;
  bytes: Buffer;
  text: string;
}

/**
 * Chromium with the built extension loaded, in a fresh profile, and the
 * browser-level CDP session that clicks its toolbar button.
 */
export class ExtensionBrowser {
  private tabCounter = 0;
  /** http(s) responses that came from anywhere but 127.0.0.1: must stay empty. */
  readonly offsiteResponses: string[] = [];

  private constructor(
    readonly ctx: BrowserContext,
    readonly cdp: CDPSession,
    readonly extensionId: string,
    private readonly userDataDir: string,
  ) {
    ctx.on('requestfinished', (request) => {
      const url = new URL(request.url());
      if (/^https?:$/.test(url.protocol) && url.hostname !== '127.0.0.1') this.offsiteResponses.push(request.url());
    });
  }

  /**
   * Chromium with the extension built in `extensionDir` (this checkout's build unless told otherwise, as a
   * benchmark may). `lang`: the browser's interface language (and so the extension's), as a reader's system would set it.
   */
  static async launch(extensionDir = EXTENSION_DIR, options: { lang?: string; grantedHosts?: string[] } = {}): Promise<ExtensionBrowser> {
    if (!existsSync(join(extensionDir, 'manifest.json'))) throw new Error(`No built extension in ${extensionDir}: run \`npx wxt build\` first.`);
    const userDataDir = await mkdtemp(join(tmpdir(), 'clean-copy-e2e-'));
    try {
      if (options.grantedHosts) {
        // A browser's permission dialog cannot be answered by a test: the profile is made to remember that the reader
        // granted these hosts once before (and gave them back), so the extension's own request is answered without one.
        const first = await ExtensionBrowser.start(userDataDir, extensionDir, options.lang);
        const id = first.extensionId;
        await first.ctx.close();
        await rememberGrantedHosts(userDataDir, id, options.grantedHosts);
      }
      return await ExtensionBrowser.start(userDataDir, extensionDir, options.lang);
    } catch (error) {
      await rm(userDataDir, { recursive: true, force: true });
      throw error;
    }
  }

  private static async start(userDataDir: string, extensionDir: string, lang: string | undefined): Promise<ExtensionBrowser> {
    const ctx = await chromium.launchPersistentContext(userDataDir, {
      executablePath: CHROMIUM,
      headless: true,
      acceptDownloads: true,
      ...(lang ? { env: { ...process.env, LANGUAGE: lang, LANG: `${lang}.UTF-8` }, locale: lang } : {}),
      args: [
        ...(lang ? [`--lang=${lang}`] : []),
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost',
        `--disable-extensions-except=${extensionDir}`,
        `--load-extension=${extensionDir}`,
        '--enable-unsafe-extension-debugging',
      ],
    });
    try {
      const cdp = await ctx.browser()!.newBrowserCDPSession();
      let extensionId: string | undefined;
      for (let i = 0; i < 50 && !extensionId; i++) {
        const { extensions } = (await cdp.send('Extensions.getExtensions' as never)) as { extensions: { id: string; name: string; path: string }[] };
        extensionId = extensions.find((e) => resolve(e.path) === extensionDir || e.name === EXTENSION_NAME)?.id;
        if (!extensionId) await sleep(100);
      }
      if (!extensionId) throw new Error('Clean Copy is not loaded in the browser');
      return new ExtensionBrowser(ctx, cdp, extensionId, userDataDir);
    } catch (error) {
      await ctx.close().catch(() => undefined);
      throw error;
    }
  }

  extensionUrl(path: string): string {
    return `chrome-extension://${this.extensionId}/${path.replace(/^\//, '')}`;
  }

  /** A new tab at `url`, made unique with a `tab` query parameter so it can be told apart from other tabs. */
  async openTab(url: string): Promise<Page> {
    const page = await this.ctx.newPage();
    const unique = /^https?:/.test(url) ? `${url}${url.includes('?') ? '&' : '?'}tab=${++this.tabCounter}` : url;
    await page.goto(unique, { waitUntil: 'load' });
    return page;
  }

  private async targets(): Promise<TargetInfo[]> {
    const { targetInfos } = (await this.cdp.send('Target.getTargets', { filter: [{}] } as never)) as { targetInfos: TargetInfo[] };
    return targetInfos;
  }

  /**
   * Click Clean Copy's toolbar button on the tab showing `page`: the real
   * popup opens and activeTab is granted for that tab. Returns the popup and
   * the time just before the click.
   */
  async clickToolbarButton(page: Page): Promise<{ popup: ToolbarPopup; clickedAt: number }> {
    // The address as CDP sees it: on a page that failed to load, Playwright shows the error page's address, CDP the one that failed.
    const session = await this.ctx.newCDPSession(page);
    const { targetInfo } = (await session.send('Target.getTargetInfo')) as { targetInfo: TargetInfo };
    await session.detach();
    const url = targetInfo.url;
    const before = await this.targets();
    const tab = before.find((t) => t.type === 'tab' && t.url === url);
    if (!tab) throw new Error(`No tab target shows ${page.url()}`);
    const popupUrl = this.extensionUrl('popup.html');
    const known = new Set(before.map((t) => t.targetId));
    const clickedAt = Date.now();
    await this.cdp.send('Extensions.triggerAction' as never, { id: this.extensionId, targetId: tab.targetId } as never);
    for (let i = 0; i < 500; i++) {
      const target = (await this.targets()).find((t) => t.url === popupUrl && !known.has(t.targetId));
      if (target) return { popup: await ToolbarPopup.attach(this.cdp, target.targetId), clickedAt };
      await sleep(10);
    }
    throw new Error('The toolbar popup did not open');
  }

  /** Chrome's tab id for `page`, asked from an extension page that can see the tab (after a toolbar click). */
  async tabIdOf(page: Page, popup: ToolbarPopup): Promise<number> {
    const tabs = await popup.evaluate<{ id: number; url?: string; active: boolean }[]>(
      'chrome.tabs.query({}).then((tabs) => tabs.map((t) => ({ id: t.id, url: t.url, active: t.active })))',
    );
    const byUrl = tabs.filter((t) => t.url === page.url());
    if (byUrl.length === 1) return byUrl[0]!.id;
    // A page the extension may not see the address of (a browser page): the tab the button was clicked on.
    const [active] = await popup.evaluate<{ id: number }[]>('chrome.tabs.query({ active: true, currentWindow: true })');
    if (!active) throw new Error(`Cannot find the Chrome tab id of ${page.url()}`);
    return active.id;
  }

  /**
   * The popup for the tab showing `page`, opened as a normal page
   * (`popup.html?tabId=`), after a real toolbar click has granted activeTab
   * on that tab. The toolbar popup itself is closed again.
   */
  async openPopupFor(page: Page): Promise<Page> {
    const { popup } = await this.clickToolbarButton(page);
    let tabId: number;
    try {
      await popup.waitFor('main');
      tabId = await this.tabIdOf(page, popup);
    } finally {
      await popup.close();
    }
    return this.openPopupForTabId(tabId);
  }

  /** popup.html?tabId=<id> in a new page, waited on until it has finished reading the tab. */
  async openPopupForTabId(tabId: number): Promise<Page> {
    const popup = await this.ctx.newPage();
    await popup.goto(this.extensionUrl(`popup.html?tabId=${tabId}`));
    await popup.waitForSelector('[data-testid=preview], [data-testid=notice].notice-error', { timeout: 15_000 });
    return popup;
  }

  /** Another popup for the same tab as an open one (a "reopened" popup). */
  reopen(popup: Page): Promise<Page> {
    const tabId = Number(new URL(popup.url()).searchParams.get('tabId'));
    return this.openPopupForTabId(tabId);
  }

  /** Empty the extension's storage (the saved library, settings, and the library page's first screenful in localStorage). */
  async clearStorage(): Promise<void> {
    const page = await this.ctx.newPage();
    try {
      await page.goto(this.extensionUrl('popup.html?tabId=-1'));
      await page.evaluate('localStorage.clear(); chrome.storage.local.clear()');
      await clearLibraryStore(page);
    } finally {
      await page.close();
    }
  }

  /** Close every page except the first one Chromium opened. */
  async closePages(): Promise<void> {
    const [, ...rest] = this.ctx.pages();
    await Promise.all(rest.map((p) => p.close()));
  }

  async close(): Promise<void> {
    try {
      await this.ctx.close();
    } finally {
      await rm(this.userDataDir, { recursive: true, force: true });
    }
  }
}

/**
 * Record in a closed profile's preferences that the extension `id` was once
 * granted `hosts`, as Chromium does when a reader accepts its permission
 * dialog: a later `permissions.request` for them is then answered yes
 * without showing the dialog, which no test can click.
 */
async function rememberGrantedHosts(userDataDir: string, id: string, hosts: string[]): Promise<void> {
  const file = join(userDataDir, 'Default', 'Preferences');
  type Set_ = { explicit_host?: string[] };
  const prefs = JSON.parse(await readFile(file, 'utf8')) as { extensions?: { settings?: Record<string, Record<string, Set_ | undefined>> } };
  const settings = prefs.extensions?.settings?.[id];
  if (!settings?.granted_permissions) throw new Error('The profile has no record of Clean Copy’s permissions');
  for (const key of ['granted_permissions', 'runtime_granted_permissions']) {
    const set = (settings[key] ??= { api: [], explicit_host: [], manifest_permissions: [], scriptable_host: [] } as Set_);
    set.explicit_host = [...new Set([...(set.explicit_host ?? []), ...hosts])];
  }
  await writeFile(file, JSON.stringify(prefs));
}

/** Run `click` on `page` and read the file it downloads back from disk. */
export async function downloadFrom(page: Page, click: () => Promise<unknown>): Promise<DownloadedFile> {
  const [download] = await Promise.all([page.waitForEvent('download', { timeout: 15_000 }), click()]);
  const failure = await download.failure();
  if (failure) throw new Error(`Download failed: ${failure}`);
  const path = await download.path();
  const bytes = await readFile(path);
  return { name: download.suggestedFilename(), path, bytes, text: bytes.toString('utf8') };
}
