// What a page can see of Crosscheck and make it do (issue 12, item 7), tried from the page's own
// JavaScript in real Chromium with the built extension: the extension's id never reaches the page
// (nor a cross-origin frame in it), nothing the page dispatches opens a card or switches Crosscheck
// off or makes it rescan, and an actor's card shows the page's own claims first, the others only
// when the reader asks. docs/hardening.md lists each defence with its test; PRIVACY.md says what a
// page can still observe.
//
// To see these fail on another build (an older one, say), point CROSSCHECK_E2E_EXTENSION at its
// unpacked directory (its .output/chrome-mv3).
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from '../../scripts/article-page.mjs';
import { hoverCard, launchWithExtension, ROOT, servePages } from './browser';

// The extension APIs in the service worker, where these callbacks run.
declare const chrome: { runtime: { onMessage: { addListener(fn: (m: unknown) => void): void } } };

const STORY = fs.readFileSync(path.join(ROOT, 'assets/corpus/putin-residence-claim-2025-12/001_f4f02270bf5ef5c7.txt'), 'utf8');
/** Records every window message the page (or frame) receives, as text. */
const LISTEN = `<script>window.__msgs = []; addEventListener('message', (e) => { try { __msgs.push(JSON.stringify(e.data)); } catch { __msgs.push(String(e.data)); } });</script>`;
// One of Lavrov's claims (the bundled pack's 'state-terrorism'), and none of his others.
const TERROR = 'Russian Foreign Minister Sergei Lavrov described the alleged drone attack on the residence as "state terrorism" on Monday.';

const ROUTES: Record<string, string> = {
  // The story, with an ad frame of another origin (the same server under another name).
  '/story.html': articleHtml('Drone claim', STORY, { head: LISTEN, after: '<iframe id="ad" src="CROSS/ad.html" width="300" height="100"></iframe>' }),
  '/ad.html': `<!doctype html><html><head>${LISTEN}</head><body><p>An advertisement.</p></body></html>`,
  '/terror.html': articleHtml('Drone claim', `${TERROR}\nGardening notes: tomatoes need six hours of sun a day, and water in the morning.`),
};

let server: http.Server;
let base = '';
let ext: Awaited<ReturnType<typeof launchWithExtension>>;

beforeAll(async () => {
  ({ server, base } = await servePages((p, port) => {
    const body = ROUTES[p];
    return body === undefined ? undefined : { body: body.replace('CROSS/', `http://localhost:${port}/`) };
  }));
  ext = await launchWithExtension({ extensionDir: process.env.CROSSCHECK_E2E_EXTENSION || undefined });
});
afterAll(async () => {
  await ext?.close();
  server?.close();
});

/** A tab on `route`, once the content script's first scan of it is over. */
async function openScanned(route: string): Promise<Page> {
  const page = await ext.context.newPage();
  await page.goto(`${base}${route}`);
  await page.bringToFront();
  await page.waitForFunction(() => performance.getEntriesByName('crosscheck-done').length > 0, null, { timeout: 20_000 });
  return page;
}

const highlights = (p: Page) => p.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
const visibleCards = (p: Page) => p.getByRole('dialog').filter({ visible: true }).count();

/** The centre of the first occurrence of `needle` in the article. */
const pointAt = (p: Page, needle: string) =>
  p.evaluate((n) => {
    const w = document.createTreeWalker(document.querySelector('article')!, NodeFilter.SHOW_TEXT);
    for (let t = w.nextNode(); t; t = w.nextNode()) {
      const i = (t.nodeValue ?? '').indexOf(n);
      if (i < 0) continue;
      t.parentElement!.scrollIntoView({ block: 'center' });
      const r = document.createRange();
      r.setStart(t, i);
      r.setEnd(t, i + 3);
      const b = r.getClientRects()[0];
      return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
    }
    return null;
  }, needle);

/** Records the scan requests the background receives from now on (a listener of the test's own in the worker): their pages' addresses. */
async function recordScans(): Promise<() => Promise<string[]>> {
  await ext.worker().evaluate(() => {
    const g = globalThis as unknown as { __scans?: string[] };
    if (g.__scans === undefined) chrome.runtime.onMessage.addListener((m) => void ((m as { type?: string })?.type === 'scan' && g.__scans!.push((m as { url: string }).url)));
    g.__scans = [];
  });
  return () => ext.worker().evaluate(() => (globalThis as unknown as { __scans: string[] }).__scans);
}

describe('what a page can see of Crosscheck and make it do', () => {
  it("no message the page or a cross-origin frame in it receives carries the extension's id, nor anything else it can read", async () => {
    const p = await openScanned('/story.html');
    const ad = p.frames().find((f) => f.url().startsWith('http://localhost:'))!;
    await ad.waitForLoadState('load');
    await hoverCard(p, 'Lavrov'); // our UI on the page too
    await p.waitForTimeout(1000);
    const seen = (f: Page | typeof ad) => f.evaluate(() => (window as unknown as { __msgs: string[] }).__msgs);
    const [top, frame] = [await seen(p), await seen(ad)];
    expect(top.filter((m) => m.includes(ext.extensionId)), 'messages the page received').toEqual([]);
    expect(frame.filter((m) => m.includes(ext.extensionId)), 'messages the cross-origin frame received').toEqual([]);
    // Nor in the DOM, our card's (open) shadow root, the highlights' names or the page's timeline.
    const readable = await p.evaluate(() =>
      [
        document.documentElement.outerHTML,
        document.querySelector('crosscheck-card')?.shadowRoot?.innerHTML ?? '',
        [...CSS.highlights.keys()].join(' '),
        performance.getEntries().map((e) => `${e.name} ${JSON.stringify((e as PerformanceMark).detail ?? '')}`).join(' '),
      ].join('\n'),
    );
    expect(readable.includes(ext.extensionId)).toBe(false);
    // A page that knows the id (from the store's listing, say) cannot load our files to see that we are here.
    const probe = await p.evaluate(
      (id) =>
        new Promise<string>((done) => {
          const link = Object.assign(document.createElement('link'), { rel: 'stylesheet', href: `chrome-extension://${id}/content-scripts/content.css` });
          link.onload = () => done('loaded');
          link.onerror = () => done('refused');
          document.head.append(link);
        }),
      ext.extensionId,
    );
    expect(probe).toBe('refused');
    await p.close();
  });

  it('pointer and mouse events the page dispatches open no card; the reader’s own pointer does', async () => {
    const p = await openScanned('/story.html');
    const at = await pointAt(p, 'Lavrov');
    expect(at).not.toBeNull();
    await p.evaluate(async ({ x, y }) => {
      const el = document.elementFromPoint(x, y) ?? document;
      for (let i = 0; i < 12; i++) {
        for (const type of ['pointerover', 'pointerenter', 'pointermove', 'mouseover', 'mousemove']) {
          const E = type.startsWith('pointer') ? PointerEvent : MouseEvent;
          el.dispatchEvent(new E(type, { clientX: x + (i % 3), clientY: y, bubbles: true, composed: true }));
        }
        await new Promise((r) => setTimeout(r, 60));
      }
      // Focus and keys too: none of them is the reader's.
      document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Tab', bubbles: true }));
      await new Promise((r) => setTimeout(r, 1500));
    }, at!);
    expect(await visibleCards(p)).toBe(0);
    const { text } = await hoverCard(p, 'Lavrov');
    expect(text).toMatch(/Sergei Lavrov/);
    await p.close();
  });

  it('a forged "newer content script started" event leaves the marks and the hover working', async () => {
    const p = await openScanned('/story.html');
    const before = await highlights(p);
    expect(before).toBeGreaterThan(0);
    await p.evaluate((id) => {
      const type = `${id}:content:wxt:content-script-started`;
      document.dispatchEvent(new CustomEvent(type, { detail: { contentScriptName: 'content', messageId: 'forged' } }));
      window.postMessage({ type, contentScriptName: 'content', messageId: 'forged' }, '*');
    }, ext.extensionId);
    await p.waitForTimeout(1500);
    expect(await highlights(p)).toBe(before);
    const { text } = await hoverCard(p, 'Lavrov');
    expect(text).toMatch(/Sergei Lavrov/);
    await p.close();
  });

  it('20 forged location changes cause no rescan; 20 real ones in 5 s a few, the last address scanned', async () => {
    const p = await openScanned('/story.html');
    const scans = await recordScans();
    await p.evaluate(async (id) => {
      const nav = (window as unknown as { navigation?: EventTarget }).navigation;
      for (let i = 0; i < 20; i++) {
        window.dispatchEvent(new Event(`${id}:content:wxt:locationchange`));
        nav?.dispatchEvent(new Event('currententrychange'));
        nav?.dispatchEvent(new Event('navigate'));
        window.dispatchEvent(new PopStateEvent('popstate'));
        await new Promise((r) => setTimeout(r, 250));
      }
    }, ext.extensionId);
    await p.waitForTimeout(2500);
    const forged = (await scans()).length;
    expect(forged, 'scans after 20 forged location changes').toBeLessThanOrEqual(1);
    expect(await highlights(p)).toBeGreaterThan(0);

    // Real navigations (the page's own pushState): rescans, at most one each couple of seconds,
    // the last of the page at its last address.
    await p.evaluate(async () => {
      for (let i = 1; i <= 20; i++) {
        history.pushState({}, '', `/story.html?p=${i}`);
        await new Promise((r) => setTimeout(r, 250));
      }
    });
    await p.waitForTimeout(3000);
    const real = (await scans()).slice(forged);
    expect(real.length, `scans after 20 real navigations in 5 s: ${real.join(' ')}`).toBeGreaterThanOrEqual(1);
    expect(real.length).toBeLessThanOrEqual(5);
    expect(real.at(-1)).toBe(`${base}/story.html?p=20`);
    expect(await highlights(p)).toBeGreaterThan(0);
    await p.close();
  });

  it("an actor's card lists the page's claims first, the others only when the reader asks", async () => {
    const p = await openScanned('/terror.html');
    const { card } = await hoverCard(p, 'Lavrov');
    const claims = card.getByRole('list', { name: 'Claims involving this actor' }).getByRole('listitem');
    await expect.poll(() => claims.count()).toBeGreaterThan(0);
    // The page states two of Lavrov's claims: the accusation, and his words "state terrorism".
    expect((await claims.allInnerTexts()).join('\n')).toMatch(/state terrorism/);
    // Lavrov's other claims (the 91 drones, say) are not on this page: not shown, not in the DOM.
    expect(await claims.count()).toBe(2);
    const shadowText = () => p.evaluate(() => document.querySelector('crosscheck-card')!.shadowRoot!.textContent ?? '');
    expect(await shadowText()).not.toMatch(/91 drones/);
    const more = card.getByRole('button', { name: /not on this page/i });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    // The page clicking it (our shadow root is open) shows nothing more…
    await p.evaluate(() => (document.querySelector('crosscheck-card')!.shadowRoot!.querySelector('button[aria-expanded]') as HTMLButtonElement).click());
    await p.waitForTimeout(300);
    expect(await shadowText()).not.toMatch(/91 drones/);
    // …the reader's click does.
    await more.click();
    await expect.poll(() => card.getByRole('list', { name: /not on this page/i }).innerText()).toMatch(/91 drones/);
    expect(await more.getAttribute('aria-expanded')).toBe('true');
    await p.close();
  });
});
