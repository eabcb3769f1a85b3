import { Browser, createProfile, launch, WEBDRIVER_BIDI_WEBSOCKET_ENDPOINT_REGEX, type Process } from '@puppeteer/browsers';
import puppeteer, { type ConnectionTransport, type Browser as PuppeteerBrowser, type Page } from 'puppeteer-core';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { firefoxPrefs } from './firefox-prefs';
import { startOffsiteTrap, type OffsiteTrap } from './offsite-trap';

const ROOT = resolve(import.meta.dirname, '../../..');
/** The built Firefox extension (`npm run build`). */
export const FIREFOX_EXTENSION_DIR = resolve(ROOT, '.output/firefox-mv3');
/** Debian's Firefox ESR, as CI installs it. */
export const FIREFOX = '/usr/bin/firefox-esr';

/** Budgets: Firefox's first start in a fresh profile, one protocol command, a page to settle, a download to land. */
const START_MS = 30_000;
const COMMAND_MS = 15_000;
const PAGE_MS = 15_000;
const DOWNLOAD_MS = 15_000;

const sleep = (ms: number) => new Promise((done) => setTimeout(done, ms));

type BidiReply = { id: number; type: 'success'; result: unknown } | { id: number; type: 'error'; error: string; message: string };

/**
 * The WebSocket to Firefox's WebDriver BiDi server, shared by puppeteer-core
 * and by the few commands it has no API for (the browser's own window, where
 * the toolbar button lives). Our commands take ids far above puppeteer's, and
 * their replies are kept from it.
 */
class SharedTransport implements ConnectionTransport {
  onmessage?: (message: string) => void;
  onclose?: () => void;
  private nextId = 1_000_000_000;
  private readonly pending = new Map<number, (reply: BidiReply) => void>();

  private constructor(private readonly socket: WebSocket) {
    socket.addEventListener('message', (event) => {
      const text = String(event.data);
      const message = JSON.parse(text) as Partial<BidiReply>;
      const waiter = message.id === undefined ? undefined : this.pending.get(message.id);
      if (!waiter) return this.onmessage?.(text);
      this.pending.delete(message.id!);
      waiter(message as BidiReply);
    });
    socket.addEventListener('close', () => this.onclose?.());
  }

  static async open(url: string): Promise<SharedTransport> {
    const socket = new WebSocket(url);
    await new Promise<void>((done, fail) => {
      const timer = setTimeout(() => fail(new Error(`Firefox's WebDriver BiDi socket did not open within ${COMMAND_MS} ms`)), COMMAND_MS);
      socket.addEventListener('open', () => (clearTimeout(timer), done()), { once: true });
      socket.addEventListener('error', () => (clearTimeout(timer), fail(new Error(`Cannot connect to ${url}`))), { once: true });
    });
    return new SharedTransport(socket);
  }

  send(message: string): void {
    this.socket.send(message);
  }

  /** One BiDi command of our own, with a budget. */
  async command<T>(method: string, params: object): Promise<T> {
    const id = this.nextId++;
    const reply = await new Promise<BidiReply>((done, fail) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        fail(new Error(`${method}: no answer from Firefox within ${COMMAND_MS} ms`));
      }, COMMAND_MS);
      this.pending.set(id, (r) => (clearTimeout(timer), done(r)));
      this.socket.send(JSON.stringify({ id, method, params }));
    });
    if (reply.type === 'error') throw new Error(`${method}: ${reply.error}: ${reply.message}`);
    return reply.result as T;
  }

  close(): void {
    this.socket.close();
  }
}

export interface SavedFile {
  name: string;
  path: string;
  text: string;
}

/**
 * Debian's Firefox ESR, headless, in a fresh profile, with the built
 * extension installed as a temporary add-on over WebDriver BiDi. Pages are
 * puppeteer-core pages; the toolbar button is pressed in Firefox's own window.
 */
export class FirefoxExtension {
  private constructor(
    readonly browser: PuppeteerBrowser,
    private readonly transport: SharedTransport,
    private readonly child: Process,
    private readonly profileDir: string,
    /** Where Firefox saves downloads. */
    readonly downloadDir: string,
    readonly addonId: string,
    private readonly uuid: string,
    /** Every request Firefox tried to send anywhere but 127.0.0.1: must stay empty. */
    private readonly trap: OffsiteTrap,
  ) {}

  get offsiteRequests(): readonly string[] {
    return this.trap.requests;
  }

  static async launch(): Promise<FirefoxExtension> {
    if (!existsSync(FIREFOX)) throw new Error(`Firefox ESR not found at ${FIREFOX}: apt-get install firefox-esr`);
    const manifestPath = join(FIREFOX_EXTENSION_DIR, 'manifest.json');
    if (!existsSync(manifestPath)) throw new Error(`No Firefox build in ${FIREFOX_EXTENSION_DIR}: run \`npm run build\` first.`);
    const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { browser_specific_settings: { gecko: { id: string } } };
    const addonId = manifest.browser_specific_settings.gecko.id;
    // The moz-extension:// host is random per profile unless the profile names it.
    const uuid = randomUUID();

    const trap = await startOffsiteTrap();
    const profileDir = await mkdtemp(join(tmpdir(), 'clean-copy-firefox-'));
    const downloadDir = await mkdtemp(join(tmpdir(), 'clean-copy-firefox-downloads-'));
    let child: Process | undefined;
    let transport: SharedTransport | undefined;
    try {
      await createProfile(Browser.FIREFOX, {
        path: profileDir,
        preferences: firefoxPrefs({ downloadDir, trapPort: trap.port, uuids: { [addonId]: uuid } }),
      });
      child = launch({
        executablePath: FIREFOX,
        // System access lets the test reach Firefox's own window (the toolbar) and open moz-extension:// pages.
        args: ['--headless', '--no-remote', '--profile', profileDir, '--remote-debugging-port=0', '--remote-allow-system-access', 'about:blank'],
        // Firefox's own guard against connections to non-local addresses; a release build also needs it to honour the
        // test's remote settings server (see firefox-prefs.ts). The proxy trap stays the witness of what was attempted.
        env: { ...process.env, MOZ_DISABLE_NONLOCAL_CONNECTIONS: '1' },
      });
      const endpoint = await child.waitForLineOutput(WEBDRIVER_BIDI_WEBSOCKET_ENDPOINT_REGEX, START_MS).catch((error: unknown) => {
        throw new Error(`Firefox did not start its WebDriver BiDi server within ${START_MS} ms: ${String(error)}`);
      });
      transport = await SharedTransport.open(`${endpoint}/session`);
      const browser = await puppeteer.connect({ transport, protocol: 'webDriverBiDi', protocolTimeout: COMMAND_MS, defaultViewport: null });
      // webExtension.install: a temporary add-on from the unpacked build, removed when Firefox quits.
      const installed = await browser.installExtension(FIREFOX_EXTENSION_DIR);
      if (installed !== addonId) throw new Error(`Installed ${installed}, expected ${addonId}`);
      return new FirefoxExtension(browser, transport, child, profileDir, downloadDir, addonId, uuid, trap);
    } catch (error) {
      transport?.close();
      await child?.close();
      await rm(profileDir, { recursive: true, force: true });
      await rm(downloadDir, { recursive: true, force: true });
      await trap.close();
      throw error;
    }
  }

  extensionUrl(path: string): string {
    return `moz-extension://${this.uuid}/${path.replace(/^\//, '')}`;
  }

  /** A new tab at `url`, selected, as a reader would have it in front of them. */
  async openTab(url: string): Promise<Page> {
    const page = await this.browser.newPage();
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_MS });
    await page.bringToFront();
    return page;
  }

  /**
   * Run `body` (a function body that returns JSON) in Firefox's own browser
   * window, with `extension` (the add-on's parent-process object) in scope.
   */
  private async inBrowserWindow<T>(body: string): Promise<T> {
    const { contexts } = await this.transport.command<{ contexts: { context: string; url: string }[] }>('browsingContext.getTree', {
      'moz:scope': 'chrome',
    });
    const window = contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
    if (!window) throw new Error('Firefox has no browser window to press the toolbar button in');
    const expression = `(async () => {
      const { ExtensionParent } = ChromeUtils.importESModule('resource://gre/modules/ExtensionParent.sys.mjs');
      const extension = ExtensionParent.GlobalManager.getExtension(${JSON.stringify(this.addonId)});
      if (!extension) throw new Error('Clean Copy is not running');
      return JSON.stringify(await (async () => { ${body} })());
    })()`;
    type Evaluated = { type: 'success'; result: { value: string } } | { type: 'exception'; exceptionDetails: { text: string } };
    const reply = await this.transport.command<Evaluated>('script.evaluate', { expression, target: { context: window.context }, awaitPromise: true });
    if (reply.type === 'exception') throw new Error(`In Firefox's window: ${reply.exceptionDetails.text}`);
    return JSON.parse(reply.result.value) as T;
  }

  /**
   * Press Clean Copy's toolbar button on the selected tab showing `page`, the
   * way its keyboard shortcut does (browserAction.triggerAction: the same
   * effects as a click), so Firefox grants activeTab for it. Returns the
   * extension's id for that tab.
   */
  async clickToolbarButton(page: Page): Promise<number> {
    await page.bringToFront();
    const result = await this.inBrowserWindow<{ tabId: number; url: string; granted: boolean }>(`
      const tab = gBrowser.selectedTab;
      ExtensionParent.apiManager.global.browserActionFor(extension).triggerAction(window);
      return { tabId: extension.tabManager.getWrapper(tab).id, url: tab.linkedBrowser.currentURI.spec, granted: extension.tabManager.hasActiveTabPermission(tab) };
    `);
    if (result.url !== page.url()) throw new Error(`The selected tab shows ${result.url}, not ${page.url()}`);
    if (!result.granted) throw new Error('Pressing the toolbar button did not grant activeTab');
    return result.tabId;
  }

  /**
   * A new tab showing one of the extension's pages. Only a browser with
   * system access may navigate to moz-extension://, and puppeteer does not
   * follow that navigation, so it is sent as a plain BiDi command.
   */
  async openExtensionPage(path: string): Promise<Page> {
    const before = new Set(await this.browser.pages());
    const { context } = await this.transport.command<{ context: string }>('browsingContext.create', { type: 'tab' });
    await this.transport.command('browsingContext.navigate', { context, url: this.extensionUrl(path), wait: 'complete' });
    for (const end = Date.now() + PAGE_MS; Date.now() < end; await sleep(50)) {
      const page = (await this.browser.pages()).find((p) => !before.has(p));
      if (page) return page;
    }
    throw new Error(`The tab for ${path} did not appear within ${PAGE_MS} ms`);
  }

  /** The popup for the tab showing `page`, opened as a page after a toolbar click, once it has read the tab. */
  async openPopupFor(page: Page): Promise<Page> {
    const tabId = await this.clickToolbarButton(page);
    const popup = await this.openExtensionPage(`popup.html?tabId=${tabId}`);
    await popup.waitForSelector('[data-testid=preview], [data-testid=notice].notice-error', { timeout: PAGE_MS });
    return popup;
  }

  /** Wait for Firefox to finish saving `name` in the download folder and read it. */
  async downloaded(name: string): Promise<SavedFile> {
    const path = join(this.downloadDir, name);
    for (const end = Date.now() + DOWNLOAD_MS; Date.now() < end; await sleep(50)) {
      // Firefox writes into "<name>.part" and renames it when done.
      const files = await readdir(this.downloadDir);
      if (files.includes(name) && !files.some((f) => f.endsWith('.part')) && (await stat(path)).size > 0) {
        return { name, path, text: await readFile(path, 'utf8') };
      }
    }
    const files = await readdir(this.downloadDir);
    throw new Error(`${name} was not downloaded within ${DOWNLOAD_MS} ms (download folder: ${files.join(', ') || 'empty'}); run the test again`);
  }

  async close(): Promise<void> {
    try {
      await this.browser.close().catch(() => undefined);
      await this.child.close();
    } finally {
      this.transport.close();
      await rm(this.profileDir, { recursive: true, force: true });
      await rm(this.downloadDir, { recursive: true, force: true });
      await this.trap.close();
    }
  }
}
