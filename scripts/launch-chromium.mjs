// Launches Chromium with the built extension loaded, through playwright-core.
// Shared by `npm start` (scripts/start.mjs) and the end-to-end tests (tests/e2e/browser.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const EXTENSION_DIR = path.join(ROOT, '.output', 'chrome-mv3');
export const CHROME_PATH = process.env.CHROME_PATH || '/usr/bin/chromium';

/** A fresh, empty Chromium profile directory under the system temp dir. */
export function makeProfileDir(prefix = 'crosscheck-profile-') {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

/**
 * Starts Chromium with the extension in `extensionDir` loaded, on the profile `userDataDir`
 * (reuse the same directory to simulate a browser restart).
 *
 * @param {object} [opts]
 * @param {string} [opts.userDataDir] profile directory; a fresh temp one when omitted
 * @param {string} [opts.extensionDir] unpacked extension (default .output/chrome-mv3)
 * @param {boolean} [opts.headless] default true (Chromium's new headless mode, which runs extensions)
 * @param {{width:number,height:number}|null} [opts.viewport] null for a visible window's own size
 * @param {number} [opts.workerTimeout] ms to wait for the extension's service worker
 * @returns {Promise<{context: import('playwright-core').BrowserContext, worker: () => import('playwright-core').Worker,
 *   extensionId: string, userDataDir: string, close: (opts?: {keepProfile?: boolean}) => Promise<void>}>}
 */
export async function launchWithExtension(opts = {}) {
  const extensionDir = path.resolve(opts.extensionDir ?? EXTENSION_DIR);
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json')))
    throw new Error(`No built extension in ${extensionDir}: run \`npm run build\` first.`);
  if (!fs.existsSync(CHROME_PATH))
    throw new Error(`Chromium not found at ${CHROME_PATH}: install it (apt-get install -y chromium) or set CHROME_PATH.`);
  const userDataDir = opts.userDataDir ?? makeProfileDir();
  const headless = opts.headless ?? true;
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROME_PATH,
    headless,
    viewport: opts.viewport === undefined ? { width: 1280, height: 900 } : opts.viewport,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
    ],
  });
  try {
    const isOurs = (w) => w.url().startsWith('chrome-extension://');
    let sw = context.serviceWorkers().find(isOurs);
    if (!sw) sw = await context.waitForEvent('serviceworker', { predicate: isOurs, timeout: opts.workerTimeout ?? 20_000 });
    const extensionId = new URL(sw.url()).host;
    // The worker can be stopped and restarted by the browser: always hand out the live one.
    const worker = () => context.serviceWorkers().find((w) => isOurs(w) && new URL(w.url()).host === extensionId) ?? sw;
    const close = async ({ keepProfile = false } = {}) => {
      await context.close().catch(() => {});
      if (!keepProfile && !opts.userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    };
    return { context, worker, extensionId, userDataDir, close };
  } catch (e) {
    await context.close().catch(() => {});
    if (!opts.userDataDir) fs.rmSync(userDataDir, { recursive: true, force: true });
    throw e;
  }
}

/**
 * Moves the pointer onto the first occurrence of `needle` in the page's text (inside <article> when
 * there is one), as a reader would, and waits for a Crosscheck card (role="dialog") to show.
 * Returns the card's locator, or null when the text is not on the page or no card opened.
 *
 * @param {import('playwright-core').Page} page
 * @param {string} needle
 * @returns {Promise<import('playwright-core').Locator | null>}
 */
export async function hoverText(page, needle) {
  await page.mouse.move(2, 2);
  const at = await page.evaluate((n) => {
    const w = document.createTreeWalker(document.querySelector('article') ?? document.body, NodeFilter.SHOW_TEXT);
    for (let t = w.nextNode(); t; t = w.nextNode()) {
      const i = (t.nodeValue ?? '').indexOf(n);
      if (i < 0) continue;
      t.parentElement?.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 3);
      const b = r.getClientRects()[0] ?? r.getBoundingClientRect();
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
    return null;
  }, needle);
  if (!at) return null;
  await page.mouse.move(at.x - 3, at.y);
  await page.mouse.move(at.x, at.y, { steps: 3 });
  const card = page.getByRole('dialog').first();
  try {
    await card.waitFor({ state: 'visible', timeout: 5000 });
  } catch {
    return null;
  }
  return card;
}
