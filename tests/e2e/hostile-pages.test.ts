// Hostile and difficult pages (issue 6, section 1), written here and served on 127.0.0.1, with the
// built extension in real Chromium. Each page is checked for what a reader would notice: no error
// from the extension, the page still works (its own script, typing), our card still renders where
// it should, nothing marked where it must not be, and no work that goes on without end.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { CDPSession, Frame, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from '../../scripts/article-page.mjs';
import { ROOT, hoverCard, launchWithExtension, servePages, type Served } from './browser';

const STORY = fs.readFileSync(path.join(ROOT, 'assets/corpus/putin-residence-claim-2025-12/001_f4f02270bf5ef5c7.txt'), 'utf8');
// Our own paraphrase of the story's central claim.
const PARA = 'Foreign Minister Sergei Lavrov told reporters that Ukraine had sent 91 long-range drones against Putin’s state residence in the Novgorod region.';
const js = (s: string) => JSON.stringify(s);
const doc = (head: string, body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>t</title>${head}</head><body>${body}</body></html>`;

const ROUTES: Record<string, Served> = {
  '/story.html': { body: articleHtml('Story', STORY) },
  '/css-attack.html': {
    body: doc(
      `<style>html body *{z-index:2147483647!important;transform:rotate(1deg) scale(1.05)!important;font-size:11px!important;color:red!important}
       div,span,section,[role],[class],[id]{all:unset!important;display:none!important}
       *::before,*::after{content:"x"!important}:host{display:none!important}crosscheck-card{display:none!important;opacity:0!important}</style>`,
      `<article><p>${PARA}</p></article>`,
    ),
  },
  '/builtins.html': {
    body: doc(
      `<script>
        Array.prototype.map = function () { throw new Error('page map'); };
        Array.prototype.filter = function () { throw new Error('page filter'); };
        JSON.parse = () => null; JSON.stringify = () => '{}';
        Node.prototype.appendChild = function () { throw new Error('page appendChild'); };
        Node.prototype.insertBefore = function () { throw new Error('page insertBefore'); };
        Element.prototype.attachShadow = function () { throw new Error('page attachShadow'); };
        window.getComputedStyle = () => null;
        Range.prototype.getBoundingClientRect = () => { throw new Error('page rect'); };
        Object.defineProperty(Object.prototype, 'then', { get() { return undefined; } });
      </script>`,
      `<article><p>${PARA}</p><button id="b" onclick="this.textContent='clicked'">page button</button></article>`,
    ),
  },
  '/csp.html': {
    body: doc('', `<article><p>${PARA}</p></article>`),
    headers: { 'content-security-policy': "default-src 'none'; style-src 'none'; script-src 'none'; img-src 'none'; font-src 'none'" },
  },
  '/shadow.html': {
    body: doc(
      `<script>addEventListener('DOMContentLoaded', () => {
        for (const mode of ['open', 'closed']) {
          const host = document.createElement('div'); host.id = mode; document.querySelector('article').append(host);
          const root = host.attachShadow({ mode }); const p = document.createElement('p'); p.textContent = ${js(PARA)}; root.append(p);
          if (mode === 'open') window.openRoot = root;
        }
      });</script>`,
      `<article><p>Gardening notes: tomatoes need six hours of sun a day, and water in the morning.</p></article>`,
    ),
  },
  '/frames.html': {
    body: doc(
      '',
      `<article><p>Gardening notes: tomatoes need six hours of sun a day, and water in the morning.</p>
       <iframe id="same" src="/story.html" width="600" height="300"></iframe>
       <iframe id="cross" src="CROSS/story.html" width="600" height="300"></iframe>
       <iframe id="srcdoc" srcdoc="<p>${PARA.replace(/’/g, '&#8217;')}</p>" width="600" height="100"></iframe>
       <iframe id="sandboxed" sandbox src="/story.html" width="600" height="100"></iframe></article>`,
    ),
  },
  '/editable.html': {
    body: doc(
      '',
      `<article><div contenteditable="true" id="ed">${PARA}</div><textarea id="ta" cols="80" rows="4">${PARA}</textarea>
       <input id="in" size="80" value="Lavrov said 91 drones"><p>${PARA}</p></article>`,
    ),
  },
  '/huge.html': { body: doc('', `<article><p>${`${PARA} `.repeat(Math.ceil(10_000_000 / (PARA.length + 1)))}</p></article>`) },
  // 100 copies of the story's sentence among 200,000 elements: their marks stay within the page's 1,000.
  '/many.html': {
    body: doc(
      '',
      `<article>${Array.from({ length: 200_000 }, (_, i) => (i % 2000 === 0 ? `<span>${PARA}</span>` : '<i>x</i>')).join('')}` +
        `${'<table><tr><td>'.repeat(20)}<p id="deep">${PARA}</p>${'</td></tr></table>'.repeat(20)}</article>`,
    ),
  },
  // Rewrites its text every 10 ms (a live ticker) for STORM_MS, then stops.
  '/storm.html': {
    body: doc(
      `<script>let i = 0; const t = setInterval(() => { document.getElementById('s').textContent = ${js(PARA)} + ' ' + (i++); if (i * 10 >= ${6000}) { clearInterval(t); window.stormDone = true; } }, 10);</script>`,
      `<article><p id="s">${PARA}</p><p>${PARA}</p></article>`,
    ),
  },
  // Removes every element it did not make from the body, once, after the extension added its UI.
  '/remover.html': {
    body: doc(
      `<script>window.removed = 0; new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes)
        if (n.nodeType === 1 && n.parentNode === document.body && !['ARTICLE','SCRIPT'].includes(n.tagName) && window.removed < 1) { window.removed++; n.remove(); } })
        .observe(document.documentElement, { childList: true, subtree: true });</script>`,
      `<article><p>${PARA}</p></article>`,
    ),
  },
  // Moves any element added to the body into a small, clipped, transformed box of its own.
  '/mover.html': {
    body: doc(
      `<script>addEventListener('DOMContentLoaded', () => { const box = document.getElementById('box');
        new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes)
          if (n.nodeType === 1 && n.parentNode === document.body && n !== box && !['ARTICLE','SCRIPT'].includes(n.tagName)) { window.moved = (window.moved || 0) + 1; box.append(n); } })
          .observe(document.body, { childList: true }); });</script>`,
      `<article><p>${PARA}</p></article><div id="box" style="position:absolute;left:0;top:0;width:1px;height:1px;overflow:hidden;transform:scale(0.1)"></div>`,
    ),
  },
  // A single-page app that navigates by pushState 100 times, changing its text each time.
  '/spa.html': {
    body: doc(
      `<script>addEventListener('load', () => { let n = 0; const t = setInterval(() => { history.pushState({}, '', '/spa.html?p=' + (++n));
        document.getElementById('s').textContent = n % 2 ? 'Gardening notes: tomatoes need six hours of sun a day.' : ${js(PARA)} + ' ' + n;
        if (n >= 100) { clearInterval(t); window.navDone = true; } }, 20); });</script>`,
      `<article><p id="s">${PARA}</p></article>`,
    ),
  },
};

let server: http.Server;
let base = '';
let ext: Awaited<ReturnType<typeof launchWithExtension>>;

beforeAll(async () => {
  // The cross-origin frame: the same server under another name is another origin.
  const route = (path: string, port: number) => {
    const r = ROUTES[path];
    return r && { ...r, body: r.body.replace('CROSS/', `http://localhost:${port}/`) };
  };
  ({ server, base } = await servePages(route));
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  server?.close();
});

interface Opened {
  page: Page;
  /** Uncaught errors and console errors that come from the extension (its scripts' URLs). */
  extErrors: string[];
  cdp: CDPSession;
}

async function open(route: string): Promise<Opened> {
  const page = await ext.context.newPage();
  const extErrors: string[] = [];
  const ours = (s: string) => /chrome-extension:\/\/|crosscheck/i.test(s);
  page.on('pageerror', (e) => ours(`${e.stack ?? e}`) && extErrors.push(String(e)));
  page.on('console', (m) => m.type() === 'error' && ours(`${m.text()} ${m.location().url}`) && extErrors.push(m.text()));
  const cdp = await ext.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.goto(`${base}${route}`, { waitUntil: 'domcontentloaded' });
  return { page, extErrors, cdp };
}

/** Highlighted ranges in a document (the page's, a frame's). */
const ranges = (f: Page | Frame) => f.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));

/** The content script has finished its first scan of this document. */
const scanned = (f: Page | Frame) => f.waitForFunction(() => performance.getEntriesByName('crosscheck-done').length > 0, null, { timeout: 30_000 });

/** CPU time the renderer spent on tasks over `ms` of quiet: a loop that never ends shows here. */
async function busyOver(o: Opened, ms: number): Promise<number> {
  const read = async () => (await o.cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')!.value;
  const before = await read();
  await o.page.waitForTimeout(ms);
  return (await read()) - before;
}

/** Hovers `needle` and returns the card's text; the card must be visible at a card's size. */
async function card(p: Page, needle: string): Promise<string> {
  const { card: c, text } = await hoverCard(p, needle);
  const box = await c.boundingBox();
  expect(box && box.width > 100 && box.height > 40, `the card has a size: ${JSON.stringify(box)}`).toBe(true);
  return text;
}

describe('hostile and difficult pages', () => {
  it('page CSS aimed at everything (all: unset, display: none, huge z-index, transforms) does not reach the card', async () => {
    const o = await open('/css-attack.html');
    await scanned(o.page);
    const text = await card(o.page, 'Lavrov');
    expect(text).toMatch(/Sergei Lavrov.*Foreign Minister/);
    // Our styles still apply inside: the card keeps its width limit and its own font size.
    const style = await o.page.getByRole('dialog').first().evaluate((el) => ({ max: getComputedStyle(el).maxWidth, font: getComputedStyle(el).fontSize }));
    expect(style).toEqual({ max: '380px', font: '13px' });
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });

  it('builtins the page overrode (Array, JSON, Node, Element, getComputedStyle, Range, Object.prototype) do not break us or the page', async () => {
    const o = await open('/builtins.html');
    await scanned(o.page);
    expect(await card(o.page, 'Lavrov')).toMatch(/Sergei Lavrov/);
    await o.page.click('#b');
    expect(await o.page.textContent('#b')).toBe('clicked');
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });

  it('a strict Content-Security-Policy (no inline styles or scripts): highlights and a styled card', async () => {
    const o = await open('/csp.html');
    await scanned(o.page);
    expect(await ranges(o.page)).toBeGreaterThan(0);
    expect(await card(o.page, 'Lavrov')).toMatch(/Sergei Lavrov/);
    expect(await o.page.getByRole('dialog').first().evaluate((el) => getComputedStyle(el).maxWidth)).toBe('380px');
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });

  it('reads an open shadow root, leaves a closed one alone', async () => {
    const o = await open('/shadow.html');
    await scanned(o.page);
    const where = await o.page.evaluate(() =>
      [...CSS.highlights.values()].flatMap((h) => [...h]).map((r) => ((r.startContainer.getRootNode() as ShadowRoot).host as Element | undefined)?.id ?? 'page'),
    );
    expect(where).toContain('open');
    expect(where).not.toContain('closed');
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });

  it('frames: the same-origin one is read; cross-origin, srcdoc and sandboxed ones raise no error', async () => {
    const o = await open('/frames.html');
    await o.page.waitForLoadState('load');
    const same = o.page.frames().find((f) => f.url() === `${base}/story.html` && f.parentFrame() && f !== o.page.mainFrame())!;
    await expect.poll(() => ranges(same), { timeout: 20_000 }).toBeGreaterThan(0);
    const cross = o.page.frames().find((f) => f.url().startsWith('http://localhost:'))!;
    await cross.waitForLoadState('domcontentloaded');
    // A frame of another origin belongs to another site: its text is not ours to mark.
    await o.page.waitForTimeout(1500);
    expect(await ranges(cross)).toBe(0);
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });

  it('never marks inside contenteditable, textarea or input, and typing there is unaffected', async () => {
    const o = await open('/editable.html');
    await scanned(o.page);
    const inside = () =>
      o.page.evaluate(() =>
        [...CSS.highlights.values()].flatMap((h) => [...h]).filter((r) => r.startContainer.parentElement?.closest('[contenteditable],textarea,input')).length,
      );
    expect(await ranges(o.page)).toBeGreaterThan(0);
    expect(await inside()).toBe(0);
    await o.page.click('#ed');
    await o.page.keyboard.press('End');
    await o.page.keyboard.type(' Lavrov again.');
    await o.page.fill('#ta', 'Sergei Lavrov typed here');
    await o.page.fill('#in', 'Lavrov');
    await o.page.waitForTimeout(2500); // the observer's batch would have run
    expect(await o.page.textContent('#ed')).toBe(`${PARA} Lavrov again.`);
    expect(await o.page.inputValue('#ta')).toBe('Sergei Lavrov typed here');
    expect(await o.page.inputValue('#in')).toBe('Lavrov');
    expect(await inside()).toBe(0);
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });

  it('a 10 MB text node: read up to the documented limit, the page keeps working, no work after', async () => {
    const o = await open('/huge.html');
    await scanned(o.page);
    const n = await ranges(o.page);
    expect(n).toBeGreaterThan(0);
    expect(await o.page.evaluate(() => document.querySelector('p')!.textContent!.length)).toBeGreaterThan(9_000_000);
    expect(await busyOver(o, 2000)).toBeLessThan(0.5);
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });

  it('200,000 elements and tables nested 20 deep: marked, the page answers, and quiet after', async () => {
    const o = await open('/many.html');
    await scanned(o.page);
    const deep = await o.page.evaluate(() => [...CSS.highlights.values()].flatMap((h) => [...h]).some((r) => r.startContainer.parentElement?.id === 'deep'));
    expect(deep, 'the paragraph inside 20 nested tables is marked').toBe(true);
    expect(await ranges(o.page)).toBeLessThan(20_000);
    expect(await busyOver(o, 2000)).toBeLessThan(0.5);
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });

  it('text rewritten every 10 ms: bounded work while it lasts, none after, the final text marked', async () => {
    const o = await open('/storm.html');
    await scanned(o.page);
    await o.page.waitForFunction(() => (window as unknown as { stormDone?: boolean }).stormDone, null, { timeout: 30_000 });
    await o.page.waitForTimeout(2000); // the last batch
    // No loop on our own UI or highlights: the renderer is quiet once the page is.
    expect(await busyOver(o, 2000)).toBeLessThan(0.5);
    const marked = await o.page.evaluate(() =>
      [...CSS.highlights.values()].flatMap((h) => [...h]).filter((r) => r.startContainer.isConnected && r.startContainer.parentElement?.id === 's').length,
    );
    expect(marked, 'the rewritten paragraph is marked in its final text').toBeGreaterThan(0);
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });

  it('a page that removes our card’s host: the next hover puts it back', async () => {
    const o = await open('/remover.html');
    await scanned(o.page);
    await o.page.waitForFunction(() => (window as unknown as { removed: number }).removed > 0, null, { timeout: 10_000 });
    expect(await o.page.evaluate(() => document.querySelector('crosscheck-card')?.isConnected ?? false)).toBe(false);
    expect(await card(o.page, 'Lavrov')).toMatch(/Sergei Lavrov/);
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });

  it('a page that moves our card’s host into a clipped, shrunken box: the card shows at full size', async () => {
    const o = await open('/mover.html');
    await scanned(o.page);
    await o.page.waitForFunction(() => ((window as unknown as { moved?: number }).moved ?? 0) > 0, null, { timeout: 10_000 });
    expect(await card(o.page, 'Lavrov')).toMatch(/Sergei Lavrov/);
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });

  it('100 history.pushState navigations: follows to the last one, then quiet', async () => {
    const o = await open('/spa.html');
    await o.page.waitForFunction(() => (window as unknown as { navDone?: boolean }).navDone, null, { timeout: 30_000 });
    // The last page (n = 100) is about the story: marked.
    await expect.poll(() => ranges(o.page), { timeout: 10_000 }).toBeGreaterThan(0);
    await o.page.waitForTimeout(1500);
    expect(await busyOver(o, 2000)).toBeLessThan(0.5);
    expect(o.extErrors).toEqual([]);
    await o.page.close();
  });
});
