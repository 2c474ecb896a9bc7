// Privacy in real Chromium with the built extension (issue 6, section 4): while it reads every saved
// real page and the bundled story's articles, opens its popup and options page and follows a feed,
// the extension requests nothing but the feed it was told to follow; "Delete all data" leaves no
// trace of the reader's use in IndexedDB, also after the worker restarts; and the built bundles hold
// no eval, no remote code and no address they could call.
//
// How requests are attributed to the extension (the pages' own requests are not its business):
// - the service worker: every request Playwright reports with `serviceWorker()` set (service worker
//   network events: on by default in playwright-core 1.5x+, PW_EXPERIMENTAL_... in older ones);
// - the extension's pages (popup, options): every request of a frame whose URL is the extension's;
// - the content script, on pages made here that load nothing but their own documents (the story's
//   articles, a page about something else, a page with the story in a frame, a page that adds the
//   story later): every other request of the tab is the extension's, whatever caused it (a fetch,
//   an image, a style sheet, a beacon), and so is any WebSocket. These pages take the content
//   script through its paths: marks or none, frames, text added later;
// - the content script, on a real page (which makes its own requests): the request's initiator as
//   Chromium's DevTools protocol reports it, a call stack through the content script's file or a
//   resource of the extension. Its own fetch of its style sheet (for the card's shadow root) is
//   attributed so, which shows the attribution sees content-script frames; a request with no
//   script on its stack (an element the script inserts) is seen on the pages above only.
// - the extension's start: once the recorders are on, its worker is stopped and started again on
//   an empty database, so its start-up (the bundled pack's install, the feed schedule) is observed.
// Every request to a host other than 127.0.0.1 is aborted (the pages reference CDNs, ads, fonts):
// nothing leaves the machine, and an attempt by the extension is still seen and fails the test.
// Allowed for the extension: its own packaged files (chrome-extension:, read from disk) and the
// subscribed feed's directory, on a server of its own (another port than the pages').
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { ConsoleMessage, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from '../../scripts/article-page.mjs';
import { buildFeed } from '../../lib/feed/publish';
import type { Pack } from '../../lib/pack/schema';
import { newSigningKey } from '../helpers/keys';
import { launchWithExtension, pollUntil, readBundledPack, readBundledPacks, bundledEngineKey, ROOT, stopWorker as stopExtensionWorker } from './browser';

declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown> };
  alarms: { getAll(): Promise<{ name: string }[]> };
};

const OUTPUT = path.join(ROOT, '.output', 'chrome-mv3');
const REAL_PAGES = process.env.CROSSCHECK_REAL_PAGES ?? path.resolve(ROOT, '../shared/real-pages');
const REAL_FILES = fs.existsSync(REAL_PAGES) ? fs.readdirSync(REAL_PAGES).filter((f) => f.endsWith('.html')).sort() : [];
const CORPUS = path.join(ROOT, 'assets/corpus/putin-residence-claim-2025-12');
const CORPUS_FILES = fs.readdirSync(CORPUS).filter((f) => f.endsWith('.txt')).sort();
const bundled = readBundledPack() as unknown as Pack;
const squash = (s: string) => s.replace(/\s+/g, ' ');

const CONFLICT = "Russia's foreign minister, Sergey Lavrov, said on Monday that Ukraine had launched 89 long-range drones at Vladimir Putin's state residence in the Novgorod region.";
const GARDEN = 'Tomatoes need six hours of sun a day. '.repeat(20);
const FRAMED = `/corpus/${CORPUS_FILES[1].replace(/\.txt$/, '')}.html`;
/** Pages that load nothing but their documents, for the content script's other paths. */
const PLAIN: Record<string, string> = {
  '/plain/unrelated.html': articleHtml('Gardening', GARDEN),
  '/plain/framed.html': articleHtml('Gardening', GARDEN, { after: `<iframe src="${FRAMED}" title="Related story" width="800" height="400"></iframe>` }),
  '/plain/later.html': articleHtml('Live updates', GARDEN, {
    after: `<script>setTimeout(() => { const p = document.createElement('p'); p.textContent = ${JSON.stringify(CONFLICT)}; document.querySelector('article').append(p); }, 800);</script>`,
  }),
};

// ---- two servers: the pages, and the feed (its own origin, the only one the extension may ask) --
let pages: http.Server;
let feed: http.Server;
let pagesBase = '';
let feedBase = '';
const feedFiles = new Map<string, Uint8Array>();
/** What the feed server was asked, with the headers that could say something about the reader. */
const feedLog: { path: string; search: string; referer?: string; cookie?: string; origin?: string; ifNoneMatch?: string; ifModifiedSince?: string }[] = [];
let keyText = '';

beforeAll(async () => {
  pages = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    const real = /^\/real\/([\w.-]+\.html)$/.exec(p)?.[1];
    const corpus = /^\/corpus\/([\w.-]+)\.html$/.exec(p)?.[1];
    let body: string | null = PLAIN[p] ?? null;
    if (real && REAL_FILES.includes(real)) body = fs.readFileSync(path.join(REAL_PAGES, real), 'utf8');
    else if (corpus && CORPUS_FILES.includes(`${corpus}.txt`)) body = articleHtml(`Article ${corpus}`, fs.readFileSync(path.join(CORPUS, `${corpus}.txt`), 'utf8'));
    res.writeHead(body === null ? 404 : 200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(body ?? '');
  });
  feed = http.createServer((req, res) => {
    const u = new URL(req.url ?? '/', 'http://x');
    feedLog.push({
      path: u.pathname, search: u.search, referer: req.headers.referer, cookie: req.headers.cookie, origin: req.headers.origin,
      ifNoneMatch: req.headers['if-none-match'], ifModifiedSince: req.headers['if-modified-since'],
    });
    const body = feedFiles.get(u.pathname);
    // A server that would follow its readers: a per-reader ETag, a Last-Modified and a cookie, on every answer.
    res.writeHead(body ? 200 : 404, {
      'content-type': 'application/json', 'access-control-allow-origin': '*',
      etag: `"reader-${feedLog.length}"`, 'last-modified': 'Wed, 01 Jan 2026 00:00:00 GMT', 'set-cookie': `reader=r${feedLog.length}; Path=/; SameSite=None; Secure`,
    });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((ok) => pages.listen(0, '127.0.0.1', ok));
  await new Promise<void>((ok) => feed.listen(0, '127.0.0.1', ok));
  pagesBase = `http://127.0.0.1:${(pages.address() as { port: number }).port}`;
  feedBase = `http://127.0.0.1:${(feed.address() as { port: number }).port}`;

  // A feed offering version 2 of the bundled pack, signed with a fresh publisher key.
  const { key, publicKeyText } = await newSigningKey();
  keyText = publicKeyText;
  const v2 = { ...structuredClone(bundled), version: 2 };
  const built = await buildFeed([{ name: 'v2.json', bytes: new TextEncoder().encode(JSON.stringify(v2)) }], key);
  for (const f of built.files) feedFiles.set(`/feed/${f.path}`, f.bytes);

  ext = await launchWithExtension();
  extOrigin = `chrome-extension://${ext.extensionId}`;
  await record();
  await restartOnEmptyDatabase();
  atStart = byExtension.length;
});
afterAll(async () => {
  await ext?.close();
  pages?.close();
  feed?.close();
});

let ext: Awaited<ReturnType<typeof launchWithExtension>>;
let extOrigin = '';

// ---- what the extension asked for, and from where --------------------------------------------
interface Seen {
  url: string;
  from: string;
}
const byExtension: Seen[] = [];
/** Requests to other hosts than 127.0.0.1, aborted (anyone's: the pages' own included). */
const aborted: string[] = [];

/** Its own packaged files (a web-accessible resource has a per-session id in its URL) or the feed. */
const allowed = (url: string) => url.startsWith('chrome-extension://') || url.startsWith(`${feedBase}/feed/`);
/** What the extension asked for that it should not have, from the `from`-th request recorded on. */
const notAllowed = (from = 0) => byExtension.slice(from).filter((s) => !allowed(s.url));
/** How many requests were recorded when the worker's start (in beforeAll) was over. */
let atStart = 0;

async function record(): Promise<void> {
  const { context } = ext;
  // Offline: the pages' and the feed's servers, and the extension's files; everything else aborted.
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('http://127.0.0.1:') || url.startsWith('chrome-extension://')) return route.continue();
    aborted.push(url);
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (ws) => {
    aborted.push(ws.url());
    ws.close();
  });
  context.on('request', (r) => {
    const worker = r.serviceWorker();
    if (worker) {
      if (worker.url().startsWith(`${extOrigin}/`)) byExtension.push({ url: r.url(), from: 'service worker' });
      return;
    }
    let frameUrl = '';
    try {
      frameUrl = r.frame().url();
    } catch {
      return;
    }
    if (frameUrl.startsWith(`${extOrigin}/`)) byExtension.push({ url: r.url(), from: `extension page ${frameUrl}` });
  });
}

/**
 * Starts the extension's worker again on an empty database, as on its first start: its start-up
 * (the bundled pack's install, the feed schedule) runs again, now under the recorders.
 */
async function restartOnEmptyDatabase(): Promise<void> {
  const log: string[] = [];
  const onConsole = (m: ConsoleMessage) => log.push(m.text());
  ext.worker().on('console', onConsole);
  ext.context.on('serviceworker', (w) => w.on('console', onConsole));
  await ext.worker().evaluate(
    () =>
      new Promise<void>((ok, ko) => {
        const r = indexedDB.deleteDatabase('crosscheck');
        r.onsuccess = () => ok();
        r.onerror = () => ko(r.error);
      }),
  );
  await stopWorker();
  // An extension page wakes it, if nothing did.
  const o = await optionsPage();
  await o.close();
  await pollUntil(async () => log.join('\n'), (l) => /bundled pack \S+ v\d+ installed \(startup\)/.test(l), 20_000, 'the worker to start again');
}

interface Initiator {
  url?: string;
  stack?: { callFrames: { url: string }[]; parent?: Initiator['stack'] };
}

/** The extension's script or resource that caused a request, by its initiator; null when none did. */
function extensionInitiator(initiator: Initiator | undefined): string | null {
  if (initiator?.url?.startsWith('chrome-extension://')) return initiator.url;
  for (let s = initiator?.stack; s; s = s.parent) for (const f of s.callFrames) if (f.url.startsWith('chrome-extension://')) return f.url;
  return null;
}

/**
 * Opens a web page in a tab with the content-script attribution on (see the top of the file), waits
 * for the content script to be done, and closes it. `documents`: the page loads nothing but these
 * (its own and its frames'), so every other request of the tab is the extension's. Returns whether
 * the content script said it was done, and how many marks it painted.
 */
async function browse(url: string, documents?: string[], settle?: (page: Page) => Promise<unknown>): Promise<{ done: boolean; highlights: number }> {
  const loadsNothingElse = documents !== undefined;
  const page = await ext.context.newPage();
  const cdp = await ext.context.newCDPSession(page);
  cdp.on('Network.requestWillBeSent', (e) => {
    const by = extensionInitiator(e.initiator as Initiator);
    if (by) byExtension.push({ url: e.request.url, from: `content script (${by}) on ${url}` });
  });
  cdp.on('Network.webSocketCreated', (e) => {
    const by = extensionInitiator(e.initiator as Initiator | undefined);
    if (by || loadsNothingElse) byExtension.push({ url: e.url, from: `content script (WebSocket) on ${url}` });
  });
  await cdp.send('Network.enable');
  if (loadsNothingElse)
    page.on('request', (r) => {
      if (!documents.includes(r.url())) byExtension.push({ url: r.url(), from: `content script on ${url}, a page that loads nothing else` });
    });
  await page.goto(url, { waitUntil: 'load' });
  const done = await page
    .waitForFunction(() => performance.getEntriesByName('crosscheck-done').length > 0, null, { timeout: 15_000 })
    .then(() => true, () => false);
  // Anything the content script would do a moment later (a card's styles, a deferred request).
  await settle?.(page);
  await page.waitForTimeout(500);
  const highlights = await page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)).catch(() => 0);
  await cdp.detach().catch(() => {});
  await page.close();
  return { done, highlights };
}

async function optionsPage(): Promise<Page> {
  const o = await ext.context.newPage();
  await o.goto(`${extOrigin}/options.html`);
  await o.getByRole('heading', { name: 'Packs' }).waitFor();
  await o.locator('li.pack, .empty').first().waitFor();
  return o;
}

describe('network requests', () => {
  it('the worker\'s start, on an empty database, requests nothing', () => {
    expect(byExtension.slice(0, atStart).filter((s) => !allowed(s.url))).toEqual([]);
  });

  it('reading the story\'s articles and pages made here: the content script requests nothing but its own files', async () => {
    const from = byExtension.length;
    for (const f of CORPUS_FILES) {
      const url = `${pagesBase}/corpus/${f.replace(/\.txt$/, '')}.html`;
      const r = await browse(url, [url]);
      expect(r.done, f).toBe(true);
      expect(r.highlights, f).toBeGreaterThan(0);
    }
    const unrelated = await browse(`${pagesBase}/plain/unrelated.html`, [`${pagesBase}/plain/unrelated.html`]);
    expect(unrelated).toEqual({ done: true, highlights: 0 });
    const framed = await browse(`${pagesBase}/plain/framed.html`, [`${pagesBase}/plain/framed.html`, `${pagesBase}${FRAMED}`]);
    expect(framed.done).toBe(true);
    // The story added after 0.8 s is scanned and marked.
    const later = await browse(`${pagesBase}/plain/later.html`, [`${pagesBase}/plain/later.html`], (page) =>
      page.waitForFunction(() => [...CSS.highlights.values()].some((h) => h.size > 0), null, { timeout: 10_000 }),
    );
    expect(later.done).toBe(true);
    expect(later.highlights).toBeGreaterThan(0);
    expect(notAllowed(from)).toEqual([]);
    // The attribution sees the content script: its fetch of its own style sheet, for the card.
    expect(byExtension.slice(from).some((s) => s.from.startsWith('content script (chrome-extension://') && s.url.endsWith('/content-scripts/content.css'))).toBe(true);
  });

  describe.runIf(REAL_FILES.length > 0)('every saved real page (../shared/real-pages)', () => {
    it('the content script reads each page and asks nothing of anyone', async () => {
      const before = aborted.length;
      const from = byExtension.length;
      const notDone: string[] = [];
      for (const f of REAL_FILES) {
        const r = await browse(`${pagesBase}/real/${f}`);
        if (!r.done) notDone.push(f);
      }
      // It ran on them (near-empty pages report done too, with nothing marked).
      expect(notDone).toEqual([]);
      expect(notAllowed(from)).toEqual([]);
      // The attribution sees the content script on these pages too (its style sheet, for the cards).
      expect(byExtension.slice(from).filter((s) => s.from.startsWith('content script (chrome-extension://')).length).toBeGreaterThan(0);
      // The pages' own requests to other hosts were made and stopped here (the route works).
      expect(aborted.length).toBeGreaterThan(before);
    });
  });

  it('the popup and the options page load only the extension\'s own files', async () => {
    const count = byExtension.length;
    const popup = await ext.context.newPage();
    await popup.goto(`${extOrigin}/popup.html`);
    await popup.getByRole('button', { name: 'Update now' }).waitFor();
    await popup.waitForTimeout(500);
    await popup.close();
    const o = await optionsPage();
    await o.waitForTimeout(500);
    await o.close();
    const seen = byExtension.slice(count);
    // The recorder sees the pages' own loads (their scripts and styles)...
    expect(seen.filter((s) => s.from.startsWith('extension page') && /\.(js|css)$/.test(s.url)).length).toBeGreaterThan(0);
    // ...and nothing else.
    expect(notAllowed(count)).toEqual([]);
  });

  it('following a feed: the service worker asks the feed, nothing else, and says nothing about the reader', async () => {
    const from = byExtension.length;
    const o = await optionsPage();
    // The feed offers the bundled pack's id: the pack that came with Crosscheck is the build's, so
    // the reader removes it first (a key the reader adds may not replace it).
    await o.getByRole('button', { name: `Remove ${bundled.title}` }).click();
    await expect.poll(async () => o.locator(`li.pack[data-pack-id="${bundled.id}"]`).count()).toBe(0);
    await o.getByLabel(/Public key/).fill(keyText);
    await o.getByRole('button', { name: 'Add key' }).click();
    await expect.poll(async () => o.getByRole('list', { name: 'Trusted keys' }).count()).toBe(1);
    await o.getByLabel(/Feed address/).fill(`${feedBase}/feed/feed.json`);
    await o.getByRole('button', { name: 'Add', exact: true }).click();
    await o.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(async () => squash(await o.locator('.update-outcome').innerText()), { timeout: 20_000 }).toMatch(/Updated to version 2|Up to date: version 2/);
    // A second check: feed.json is read again in full, and nothing the server handed out comes back.
    await o.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(async () => squash(await o.locator('.update-outcome').innerText()), { timeout: 20_000 }).toMatch(/Up to date: version 2/);
    await o.close();

    const fromWorker = byExtension.slice(from).filter((s) => s.from === 'service worker').map((s) => s.url);
    // The recorder sees the worker's requests: the feed and the pack it lists.
    expect(fromWorker).toContain(`${feedBase}/feed/feed.json`);
    expect(fromWorker.some((u) => u.startsWith(`${feedBase}/feed/packs/`))).toBe(true);
    expect(notAllowed(from)).toEqual([]);
    // The feed's server learns the file asked for and nothing else: no query, cookie or referrer;
    // at most that the request comes from the extension (the Origin of a cross-origin request).
    expect(feedLog.filter((r) => r.path.endsWith('/feed.json')).length).toBeGreaterThanOrEqual(2);
    // The pack was fetched once: the second check saw the same sha256 as the installed pack's.
    expect(feedLog.filter((r) => r.path.includes('/packs/'))).toHaveLength(1);
    for (const r of feedLog) {
      expect(r.path).toMatch(/^\/feed\//);
      expect(r).toMatchObject({ search: '', referer: undefined, cookie: undefined, ifNoneMatch: undefined, ifModifiedSince: undefined });
      expect([undefined, extOrigin]).toContain(r.origin);
    }
  });
});

describe('"Delete all data"', () => {
  it('deletes what the reader stored; after a worker restart IndexedDB holds only the bundled pack', async () => {
    const from = byExtension.length;
    let o = await optionsPage();
    // More of the reader's data: settings and a site turned off.
    await o.evaluate(() => chrome.runtime.sendMessage({ type: 'set-settings', hoverDelayMs: 900, checkIntervalHours: 24 }));
    await o.evaluate(() => chrome.runtime.sendMessage({ type: 'set-site', host: 'news.example.org', enabled: false }));
    const before = await readDatabase(o);
    const others = readBundledPacks().filter((p) => p.id !== bundled.id);
    expect(before.packs.sort()).toEqual([[bundled.id, 2, 'feed'], ...others.map((p) => [p.id, p.version, 'bundled'])].sort());
    expect(before.feeds).toEqual([`${feedBase}/feed/feed.json`]);
    expect(before.trustedKeys).toHaveLength(1);
    // The highest version the feed's key installed (remembered after a removal, until now).
    expect(before.publisherVersions).toHaveLength(1);
    expect(before.settings).toEqual(expect.arrayContaining(['reading', 'disabledSites']));
    expect(await ext.worker().evaluate(() => chrome.alarms.getAll().then((a) => a.map((x) => x.name)))).toEqual(['crosscheck-sync']);

    await o.reload();
    await o.getByRole('button', { name: 'Delete all data' }).click();
    // Asked on the page first; nothing is deleted yet.
    await o.getByRole('button', { name: 'Yes, delete all data' }).waitFor();
    expect((await readDatabase(o)).feeds).toHaveLength(1);
    await o.getByRole('button', { name: 'Yes, delete all data' }).click();
    const section = o.locator('section', { has: o.getByRole('heading', { name: 'Your data' }) });
    await expect.poll(async () => squash(await section.getByRole('status').innerText()), { timeout: 15_000 }).toMatch(
      new RegExp(`^Deleted ${others.length + 1} packs, 1 subscription, 1 key you added, 1 site turned off, your reading settings and the scanner's cache\\. The ${others.length + 1} packs that came with Crosscheck \\(".*", version 1(; ".*", version 1)+\\) are installed again\\.$`),
    );
    await o.close();
    const requestsBefore = byExtension.length;

    // The worker stops (its memory goes) and starts again: nothing comes back.
    await stopWorker();
    o = await optionsPage();
    await expect.poll(async () => squash(await o.locator(`li.pack[data-pack-id="${bundled.id}"] .version`).innerText()), { timeout: 15_000 }).toBe('version 1');
    const after = await readDatabase(o);
    after.packs.sort();
    expect(after).toEqual({
      packs: [bundled, ...others].map((p) => [p.id, p.version, 'bundled']).sort(),
      claims: bundled.claims.length + others.reduce((n, p) => n + p.claims.length, 0),
      feeds: [],
      trustedKeys: [],
      settings: [],
      engineCache: [bundledEngineKey()],
      publisherVersions: [],
    });
    expect(await ext.worker().evaluate(() => chrome.alarms.getAll())).toEqual([]);
    expect(squash(await o.locator('body').innerText())).toMatch(/You follow no feed yet.*You trust no publisher key yet.*Crosscheck reads every site/);
    expect(await o.getByLabel(/Hover delay/).inputValue()).toBe('350');
    // "Update now" has no feed to ask: no request goes out.
    await o.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(async () => squash(await o.locator('.update-outcome').innerText())).toMatch(/No subscriptions/);
    await o.close();
    expect(byExtension.slice(requestsBefore).filter((s) => s.from === 'service worker')).toEqual([]);
    expect(notAllowed(from)).toEqual([]);
  });
});

/** The database's contents that matter here, read with the raw IndexedDB API in an extension page. */
async function readDatabase(page: Page) {
  return page.evaluate(async () => {
    const req = <T,>(r: IDBRequest<T>) =>
      new Promise<T>((ok, ko) => {
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
    const open = indexedDB.open('crosscheck');
    open.onupgradeneeded = () => open.transaction?.abort();
    const db = await req(open);
    try {
      const all = <T,>(store: string) => req(db.transaction(store).objectStore(store).getAll()) as Promise<T[]>;
      const keys = (store: string) => req(db.transaction(store).objectStore(store).getAllKeys()).then((k) => k.map(String));
      return {
        packs: (await all<{ id: string; version: number; source: string }>('packs')).map((p) => [p.id, p.version, p.source]),
        claims: await req(db.transaction('claims').objectStore('claims').count()),
        feeds: await keys('feeds'),
        trustedKeys: await keys('trustedKeys'),
        settings: await keys('settings'),
        engineCache: await keys('engineCache'),
        publisherVersions: await keys('publisherVersions'),
      };
    } finally {
      db.close();
    }
  });
}

const stopWorker = () => stopExtensionWorker(ext.context);

// ---- the built extension, read as files ---------------------------------------------------------

/** Every URL written in the bundles, each with why it is there; none is ever requested. */
const KNOWN_URLS: Record<string, string> = {
  'http://www.w3.org/2000/svg': 'Preact: the SVG namespace',
  'http://www.w3.org/1999/xhtml': 'Preact: the HTML namespace',
  'http://www.w3.org/1998/Math/MathML': 'Preact: the MathML namespace',
  'https://developer.mozilla.org/en-US/docs/Web/API/Element/attachShadow#elements_you_can_attach_a_shadow_to': "WXT: in an error message's text",
  'https://tinyurl.com/y2uuvskb': "Dexie: in an error message's text",
  'http://bit.ly/2kdckMn': "Dexie: in an error message's text",
  'https://example.com/feed/feed.json': 'the example feed address in a placeholder and a message',
  'https://feed.invalid/feed/feed.json': "lib/feed/format.ts: the base for reading a feed's relative paths (.invalid never resolves)",
};

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

describe('the built extension', () => {
  const files = fs.existsSync(OUTPUT) ? filesUnder(OUTPUT) : [];
  const code = files.filter((f) => /\.(m?js|html)$/.test(f)).map((f) => ({ file: path.relative(OUTPUT, f), text: fs.readFileSync(f, 'utf8') }));

  it('runs no code made from strings: no eval, no Function constructor, no string timers, no importScripts', () => {
    expect(code.filter((c) => c.file.endsWith('.js')).length).toBeGreaterThanOrEqual(3);
    const patterns: [string, RegExp][] = [
      ['eval(', /(?<![\w$])eval\s*\(/],
      ['new Function(', /\bnew\s+Function\s*\(/],
      ['Function("...")', /(?<![\w$.])Function\s*\(\s*['"`]/],
      ['setTimeout("...")', /\bset(?:Timeout|Interval)\s*\(\s*['"`]/],
      ['importScripts(', /\bimportScripts\s*\(/],
      ['document.write(', /\bdocument\.write(?:ln)?\s*\(/],
    ];
    const found = code.flatMap((c) => patterns.filter(([, re]) => re.test(c.text)).map(([name]) => `${c.file}: ${name}`));
    expect(found).toEqual([]);
  });

  it('loads no remote code: every script is a file of the extension, and the manifest keeps the default policy', () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(OUTPUT, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    // Manifest V3's default content security policy forbids remote scripts and eval; none is set.
    expect(manifest.manifest_version).toBe(3);
    expect(manifest).not.toHaveProperty('content_security_policy');
    expect(manifest).not.toHaveProperty('externally_connectable');
    expect(manifest).not.toHaveProperty('host_permissions');
    expect(manifest.permissions).toEqual(['alarms']);
    expect(manifest.optional_host_permissions).toEqual(['http://*/*', 'https://*/*']);
    const html = code.filter((c) => c.file.endsWith('.html'));
    expect(html.map((c) => c.file).sort()).toEqual(['options.html', 'popup.html']);
    for (const { file, text } of html) {
      const sources = [...text.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
      expect(sources.length, file).toBeGreaterThan(0);
      for (const s of sources) expect(s, `${file}: ${s}`).toMatch(/^\/(?!\/)[\w./-]+$/);
    }
    // No dynamic import of anything but the extension's own chunks.
    const imports = code.flatMap((c) => [...c.text.matchAll(/\bimport\s*\(\s*['"`]([^'"`]*)/g)].map((m) => `${c.file}: ${m[1]}`));
    expect(imports.filter((i) => /(?:https?:)?\/\//.test(i.split(': ')[1]))).toEqual([]);
  });

  it('holds no address to send anything to: every URL in the bundles is a known, inert one', () => {
    const urls = new Set(code.flatMap((c) => [...c.text.matchAll(/https?:\/\/[a-z0-9-]+(?:\.[a-z0-9-]+)+[^\s"'`<>\\)]*/gi)].map((m) => m[0])));
    expect([...urls].filter((u) => !(u in KNOWN_URLS)).sort()).toEqual([]);
    // The list is kept to what is there: a URL that left the bundles leaves the list.
    expect(Object.keys(KNOWN_URLS).filter((u) => !urls.has(u))).toEqual([]);
  });
});
