#!/usr/bin/env node
// Serve the demo article on 127.0.0.1 and open Chromium with the freshly built extension loaded.
import { createServer } from 'node:http';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const extension = join(root, '.output', 'chrome-mv3');
const demo = join(root, 'tests', 'fixtures', 'fortune', 'div-soup.html');

if (!existsSync(join(extension, 'manifest.json'))) {
  console.error('No build found: run `npm run build` first.');
  process.exit(1);
}

const server = createServer(async (req, res) => {
  if (req.url === '/' || req.url?.startsWith('/?')) {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(await readFile(demo));
  } else {
    res.writeHead(404).end();
  }
});
await new Promise((ok) => server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', ok));
const url = `http://127.0.0.1:${server.address().port}/`;

// Branded Google Chrome ignores --load-extension since version 137; Chromium still honours it.
const candidates = [process.env.CHROME_PATH, 'chromium', 'chromium-browser', '/usr/bin/chromium', '/Applications/Chromium.app/Contents/MacOS/Chromium'].filter(
  Boolean,
);
const browser = candidates.find((c) => spawnSync(c, ['--version'], { stdio: 'ignore' }).status === 0);

console.log(`Demo article: ${url}`);
if (!browser) {
  console.log(`No Chromium found (set CHROME_PATH to use another one). Load the extension by hand:
  1. open chrome://extensions and turn on Developer mode
  2. "Load unpacked" and pick ${extension}
  3. open ${url} and click the Clean Copy button in the toolbar
Press Ctrl+C to stop the demo server.`);
} else {
  const profile = await mkdtemp(join(tmpdir(), 'clean-copy-profile-'));
  const args = [
    `--user-data-dir=${profile}`,
    '--no-first-run',
    '--disable-sync',
    `--disable-extensions-except=${extension}`,
    `--load-extension=${extension}`,
    url,
  ];
  console.log(`Opening ${browser} with Clean Copy loaded. Click the Clean Copy button in the toolbar (pin it from the puzzle icon).`);
  const child = spawn(browser, args, { stdio: 'ignore' });
  child.on('exit', async () => {
    server.close();
    await rm(profile, { recursive: true, force: true });
  });
}
