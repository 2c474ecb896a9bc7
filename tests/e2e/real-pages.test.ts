// Every saved real page in ../shared/real-pages loads with the extension as without it: no uncaught
// error from the extension, no story claim on the toolbar badge, and no layout shift (the box of
// every element of the page's DOM is the same, within 1px, in a Chromium with the extension and in
// one without). Elements that move between two runs without the extension (carousels, animations,
// timers) are left out of the comparison; everything else must match.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from '../../scripts/article-page.mjs';
import { CHROME_PATH } from '../../scripts/launch-chromium.mjs';
import { launchWithExtension, ROOT } from './browser';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

const REAL_PAGES = process.env.CROSSCHECK_REAL_PAGES ?? path.resolve(ROOT, '../shared/real-pages');
const FILES = fs.existsSync(REAL_PAGES) ? fs.readdirSync(REAL_PAGES).filter((f) => f.endsWith('.html')).sort() : [];
/** The viewport and flags of launchWithExtension (scripts/launch-chromium.mjs), minus the extension. */
const VIEWPORT = { width: 1280, height: 900 };
const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** Boxes are read this long after navigation start (page clock), and never before the content script is done. */
const SETTLE_MS = 1000;
const TOLERANCE_PX = 1;

// Each page on its own port, so its own origin: no page sees another's cookies or storage, in the
// extension's persistent profile as in the fresh contexts of the runs without it.
const servers: http.Server[] = [];
async function serve(body: string): Promise<string> {
  const server = http.createServer((req, res) => {
    const ok = new URL(req.url ?? '/', 'http://x').pathname === '/';
    res.writeHead(ok ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
    res.end(ok ? body : '');
  });
  servers.push(server);
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
}

/**
 * Offline and the same in every run: requests to the page's own server go through (anything but the
 * page is a 404), the extension's own files too, every other request is aborted.
 */
async function blockOtherHosts(context: BrowserContext): Promise<void> {
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith('http://127.0.0.1:') || url.startsWith('chrome-extension://')) return route.continue();
    return route.abort('blockedbyclient');
  });
  await context.routeWebSocket(/.*/, (ws) => ws.close());
}

type Box = [x: number, y: number, w: number, h: number];
interface Layout {
  /** Element key (its path of tag[index among same-tag siblings]) to its box in document coordinates. */
  boxes: Map<string, Box>;
  labels: Map<string, string>;
  count: number;
  /** Our own elements (crosscheck-* hosts), left out of the boxes. */
  ours: number;
}

/** Every element of the page's DOM but ours (crosscheck-* hosts and what is inside them), in document order. */
async function measure(page: Page): Promise<Layout> {
  const { out: rows, ours } = await page.evaluate(() => {
    const out: [string, number, number, number, number, string][] = [];
    let ours = 0;
    const r2 = (n: number) => Math.round(n * 100) / 100;
    const sx = window.scrollX;
    const sy = window.scrollY;
    const root = document.documentElement;
    out.push(['#document', 0, 0, r2(root.scrollWidth), r2(root.scrollHeight), 'document scroll size']);
    const stack: [Element, string][] = [[root, `/${root.localName}[0]`]];
    while (stack.length) {
      const [el, key] = stack.pop()!;
      const b = el.getBoundingClientRect();
      const cls = typeof el.className === 'string' && el.className.trim() ? `.${el.className.trim().split(/\s+/).slice(0, 3).join('.')}` : '';
      out.push([key, r2(b.x + sx), r2(b.y + sy), r2(b.width), r2(b.height), `<${el.localName}${el.id ? `#${el.id}` : ''}${cls}>`]);
      const seen: Record<string, number> = {};
      const children: [Element, string][] = [];
      for (const c of el.children) {
        if (c.localName.startsWith('crosscheck-')) {
          ours++;
          continue;
        }
        const n = (seen[c.localName] = (seen[c.localName] ?? -1) + 1);
        children.push([c, `${key}/${c.localName}[${n}]`]);
      }
      for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
    }
    return { out, ours };
  });
  const boxes = new Map<string, Box>();
  const labels = new Map<string, string>();
  for (const [key, x, y, w, h, label] of rows) {
    boxes.set(key, [x, y, w, h]);
    labels.set(key, label);
  }
  return { boxes, labels, count: rows.length - 1, ours };
}

const differs = (a: Box, b: Box) => a.some((v, i) => Math.abs(v - b[i]) > TOLERANCE_PX);

/** Waits for the load event, the fonts, SETTLE_MS on the page's clock and two frames. */
async function settle(page: Page): Promise<void> {
  await page.evaluate(async (ms) => {
    if (document.readyState !== 'complete') await new Promise((ok) => addEventListener('load', ok, { once: true }));
    await document.fonts.ready;
    const left = ms - performance.now();
    if (left > 0) await new Promise((ok) => setTimeout(ok, left));
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
  }, SETTLE_MS);
}

interface Run {
  layout: Layout;
  errors: string[];
  /** The content script's mark (null when it never came). */
  done: { highlights: number; sinceStartMs: number } | null;
  badge: string | null;
}

let ext: Awaited<ReturnType<typeof launchWithExtension>>;
let plain: Browser;

async function runWithout(url: string): Promise<Run> {
  const context = await plain.newContext({ viewport: VIEWPORT });
  try {
    await blockOtherHosts(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
    await page.goto(url, { waitUntil: 'load' });
    await settle(page);
    const layout = await measure(page);
    const marks = await page.evaluate(() => performance.getEntriesByName('crosscheck-done').length);
    expect(marks, 'no crosscheck-done mark without the extension').toBe(0);
    return { layout, errors, done: null, badge: null };
  } finally {
    await context.close();
  }
}

async function runWith(url: string): Promise<Run> {
  const page = await ext.context.newPage();
  try {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`${e.message}\n${e.stack ?? ''}`));
    // A failing script of the extension's logs to the page's console with its chrome-extension:// URL.
    page.on('console', (m) => {
      if (m.type() === 'error' && m.location().url.startsWith('chrome-extension://')) errors.push(`console: ${m.text()} (${m.location().url})`);
    });
    await page.goto(url, { waitUntil: 'load' });
    // The content script runs in an isolated world; performance marks belong to the document, so
    // the page's main world (where page.evaluate runs) reads the mark it set.
    const done = await page
      .waitForFunction(() => (performance.getEntriesByName('crosscheck-done')[0] as PerformanceMark | undefined)?.detail ?? null, null, { timeout: 20_000, polling: 50 })
      .then((h) => h.jsonValue() as Promise<{ highlights: number; sinceStartMs: number }>)
      .catch(() => null);
    await settle(page);
    const layout = await measure(page);
    await page.bringToFront();
    const badge = await ext.worker().evaluate(async () => {
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return chrome.action.getBadgeText({ tabId: tab!.id! });
    });
    return { layout, errors, done, badge };
  } finally {
    await page.close();
  }
}

interface Comparison {
  compared: number;
  unstable: string[];
  moved: string[];
  missing: string[];
  added: string[];
}

function compare(a: Layout, b: Layout, withExt: Layout): Comparison {
  const unstable = new Set<string>();
  for (const k of new Set([...a.boxes.keys(), ...b.boxes.keys()])) {
    const x = a.boxes.get(k);
    const y = b.boxes.get(k);
    if (!x || !y || differs(x, y)) unstable.add(k);
  }
  const moved: string[] = [];
  const missing: string[] = [];
  let compared = 0;
  for (const [k, box] of a.boxes) {
    if (unstable.has(k)) continue;
    compared++;
    const e = withExt.boxes.get(k);
    if (!e) missing.push(k);
    else if (differs(box, e)) moved.push(`${k} ${withExt.labels.get(k)}: [${box.join(', ')}] without, [${e.join(', ')}] with the extension`);
  }
  const added = [...withExt.boxes.keys()].filter((k) => !a.boxes.has(k) && !b.boxes.has(k)).map((k) => `${k} ${withExt.labels.get(k)}`);
  return { compared, unstable: [...unstable].map((k) => `${k} ${a.labels.get(k) ?? b.labels.get(k)}`), moved, missing, added };
}

beforeAll(async () => {
  [ext, plain] = await Promise.all([launchWithExtension(), chromium.launch({ executablePath: CHROME_PATH, headless: true, args: ARGS })]);
  await blockOtherHosts(ext.context);
});
afterAll(async () => {
  await ext?.close();
  await plain?.close();
  for (const s of servers) s.close();
});

const extensionErrors = (errors: string[]) => errors.filter((e) => e.includes('chrome-extension://'));
const summary: string[] = [];
afterAll(() => {
  if (summary.length) console.log(`real pages, elements compared / left out as nondeterministic:\n${summary.join('\n')}`);
});

// The pages live outside the repository (../shared/real-pages, or CROSSCHECK_REAL_PAGES); a clone
// without them (CI on a fresh machine) runs the rest of the suite. Where the folder exists, all 30
// pages must be there.
describe.runIf(fs.existsSync(REAL_PAGES))('the saved real pages', () => {
  it('finds the real pages', () => {
    expect(FILES.length, `HTML files in ${REAL_PAGES}`).toBeGreaterThanOrEqual(30);
  });

  it('control: on an article of the bundled story the badge shows its claims (so an empty badge means something)', async () => {
    const text = fs.readFileSync(path.join(ROOT, 'assets/corpus/putin-residence-claim-2025-12/001_f4f02270bf5ef5c7.txt'), 'utf8');
    const url = await serve(articleHtml('Russia accuses Ukraine of drone attack', text));
    const run = await runWith(url);
    expect(run.done?.highlights).toBeGreaterThan(0);
    expect(Number(run.badge)).toBeGreaterThan(0);
    // The mark is read from the page's main world, where the extension's APIs are not.
    const page = await ext.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => performance.getEntriesByName('crosscheck-done').length > 0, null, { timeout: 20_000 });
    expect(await page.evaluate(() => (globalThis as { chrome?: { runtime?: { id?: string } } }).chrome?.runtime?.id)).toBeUndefined();
    await page.close();
  });

  for (const file of FILES) {
    it(`${file}: no extension error, no story claim, no layout shift`, async () => {
      const url = await serve(fs.readFileSync(path.join(REAL_PAGES, file), 'utf8'));
      // Without, with, without: what changes between the two runs without the extension is the page's own doing.
      const a = await runWithout(url);
      const withExt = await runWith(url);
      const b = await runWithout(url);
      const c = compare(a.layout, b.layout, withExt.layout);
      summary.push(
        `${file.padEnd(22)} ${String(c.compared).padStart(5)} / ${String(c.unstable.length).padStart(3)}` +
          `  highlights ${withExt.done?.highlights ?? 'n/a'}, ${withExt.layout.ours} host, done at ${withExt.done ? Math.round(withExt.done.sinceStartMs) : 'n/a'} ms` +
          (c.unstable.length ? `  left out: ${c.unstable.slice(0, 3).join('; ')}${c.unstable.length > 3 ? '; …' : ''}` : ''),
      );

      expect(withExt.done, 'the content script set its crosscheck-done mark').not.toBeNull();
      expect(extensionErrors(withExt.errors), 'uncaught errors from the extension').toEqual([]);
      expect(withExt.badge, 'the badge (claims of a story)').toBe('');
      expect(c.added, 'elements the extension added to the page').toEqual([]);
      expect(c.missing, 'elements missing with the extension').toEqual([]);
      if (a.layout.count === b.layout.count) expect(withExt.layout.count, 'element count with and without the extension').toBe(a.layout.count);
      expect(c.moved.slice(0, 10), `${c.moved.length} of ${c.compared} elements moved or resized with the extension`).toEqual([]);
      expect(c.compared).toBeGreaterThan(0);
    });
  }
});
