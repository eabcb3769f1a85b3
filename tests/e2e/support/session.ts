import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { ExtensionBrowser } from './browser';
import { startServer, type FixtureServer } from './server';

export interface Session {
  browser: ExtensionBrowser;
  server: FixtureServer;
}

/**
 * One Chromium with the built extension and one page server on 127.0.0.1
 * for a test file. When the file ends it fails if any response came from
 * another host, then closes both. With `corpus`, the server also serves
 * the corpus pages under that folder (see server.ts); with `lang`, the
 * browser runs in that interface language.
 */
export function useSession(options: { closePagesAfterEach?: boolean; corpus?: string; lang?: string } = {}): Session {
  const session = {} as Session;
  beforeAll(async () => {
    session.server = await startServer({ corpus: options.corpus });
    session.browser = await ExtensionBrowser.launch(undefined, { lang: options.lang });
  });
  if (options.closePagesAfterEach) afterEach(() => session.browser.closePages());
  afterAll(async () => {
    expect(session.browser?.offsiteResponses ?? []).toEqual([]);
    await session.browser?.close();
    await session.server?.close();
  });
  return session;
}
