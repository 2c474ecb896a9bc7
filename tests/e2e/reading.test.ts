// The reading experience in real Chromium with the built extension: highlights, the badge, hover
// cards for an actor, a claim and a conflicting figure, and the popup's summary of a tab.
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from '../../scripts/article-page.mjs';
import { hoverCard, launchWithExtension, ROOT, servePages } from './browser';

// The extension APIs inside the service worker, where these callbacks run.
declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tab: number, m: object): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

const CORPUS = path.join(ROOT, 'assets/corpus/putin-residence-claim-2025-12');
const CONFLICT = "Russia's foreign minister, Sergey Lavrov, said on Monday that Ukraine had launched 89 long-range drones at Vladimir Putin's state residence in the Novgorod region.";
const page = (title: string, text: string) => articleHtml(title, text);
const ROUTES: Record<string, string> = {
  '/reuters.html': page('Russia accuses Ukraine of drone attack', fs.readFileSync(path.join(CORPUS, '001_f4f02270bf5ef5c7.txt'), 'utf8')),
  '/conflict.html': page(
    'Drone claim clouds talks',
    "Russia's foreign minister, Sergey Lavrov, said on Monday that Ukraine had launched 89 long-range drones at Vladimir Putin's state residence in the Novgorod region.\nThe statement drew a sharp response from Kyiv, which called it a lie.",
  ),
  '/unrelated.html': page('Gardening', 'Tomatoes need six hours of sun a day. '.repeat(20)),
  // A page that adds the story a moment after it loads (a live blog, a lazy-loaded article body).
  '/later.html': articleHtml('Live updates', 'Tomatoes need six hours of sun a day. '.repeat(20), {
    after: `<script>setTimeout(() => { const p = document.createElement('p'); p.textContent = ${JSON.stringify(CONFLICT)}; document.querySelector('article').append(p); }, 800);</script>`,
  }),
  // A single-page site: a click navigates with pushState and swaps the article for the story.
  '/app.html': articleHtml('Gardening', 'Tomatoes need six hours of sun a day. '.repeat(20), {
    after: `<button id="next">Next story</button><script>document.getElementById('next').onclick = () => { history.pushState({}, '', '/app/story'); document.querySelector('article').innerHTML = '<h1>Drone claim</h1><p></p>'; document.querySelector('article p').textContent = ${JSON.stringify(CONFLICT)}; };</script>`,
  }),
  // The story in a frame of the page's own origin.
  '/framed.html': articleHtml('Gardening', 'Tomatoes need six hours of sun a day. '.repeat(20), {
    after: '<iframe src="/conflict.html" title="Related story" width="800" height="400"></iframe>',
  }),
  // The story far down a long page.
  '/long.html': page('Drone claim clouds talks', `${'Tomatoes need six hours of sun a day. '.repeat(12)}\n`.repeat(30) + CONFLICT),
};

let server: http.Server;
let base = '';
let ext: Awaited<ReturnType<typeof launchWithExtension>>;

beforeAll(async () => {
  ({ server, base } = await servePages((path) => (ROUTES[path] === undefined ? undefined : { body: ROUTES[path] })));
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  server?.close();
});

async function openTab(url: string): Promise<{ page: Page; tab: number; errors: string[] }> {
  const p = await ext.context.newPage();
  const errors: string[] = [];
  p.on('pageerror', (e) => errors.push(String(e)));
  await p.goto(url);
  await p.bringToFront();
  const tab = await ext.worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  return { page: p, tab, errors };
}

const highlights = (p: Page) => p.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
const badge = (tab: number) => ext.worker().evaluate((t) => chrome.action.getBadgeText({ tabId: t }), tab);

/** The keyboard shortcut, as the browser hands it to the background (headless has no shortcut keys). */
const pressShortcut = (tab: number, direction: string) =>
  ext.worker().evaluate(
    ([t, d]) => (globalThis as unknown as { crosscheckCommand: (c: string, tab: { id: number }) => Promise<void> }).crosscheckCommand(d === 'next' ? 'next-mention' : 'previous-mention', { id: t as number }),
    [tab, direction] as const,
  );

const hover = async (p: Page, needle: string): Promise<string> => (await hoverCard(p, needle)).text;

describe('reading a news page', () => {
  it('marks actors and claims with highlights and counts the claims on the badge', async () => {
    const { page: p, tab, errors } = await openTab(`${base}/reuters.html`);
    await expect.poll(() => highlights(p), { timeout: 15_000 }).toBeGreaterThan(10);
    expect(Number(await badge(tab))).toBeGreaterThan(5);
    // No change to the page's DOM: no element was added inside the article.
    expect(await p.evaluate(() => document.querySelectorAll('article *:not(h1):not(p)').length)).toBe(0);

    const lavrov = await hover(p, 'Lavrov');
    expect(lavrov).toMatch(/Sergei Lavrov/);
    expect(lavrov).toMatch(/Foreign Minister of Russia/);
    expect(lavrov).toMatch(/Reuters/);

    await p.keyboard.press('Escape');
    await expect.poll(() => p.getByRole('dialog').count()).toBe(0);
    const drone = await hover(p, '91 long-range drones');
    for (const outlet of ['Daily Maverick', 'Reuters', 'RFE/RL']) expect(drone).toContain(outlet);
    expect(drone).toMatch(/Reported alike by 5 outlets/);
    expect(errors).toEqual([]);

    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tab}`);
    await expect.poll(async () => (await popup.locator('body').innerText()).replace(/\s+/g, ' '), { timeout: 10_000 }).toMatch(/claims · \d+ actors found/);
    const text = (await popup.locator('body').innerText()).replace(/\s+/g, ' ');
    expect(text).toMatch(/Sergei Lavrov said Ukraine attacked Putin's residence/);
    // A claim's line opens to its sources, each outlet with its stance.
    await popup.getByRole('button', { name: /Sergei Lavrov said Ukraine attacked Putin's residence/ }).click();
    await expect.poll(async () => (await popup.locator('body').innerText()).replace(/\s+/g, ' '), { timeout: 5000 }).toMatch(/Reuters agrees/);
    await popup.close();
    await p.close();
  });

  it('shows a conflicting figure: this page says 89, the outlets say 91', async () => {
    const { page: p, tab } = await openTab(`${base}/conflict.html`);
    await expect.poll(() => highlights(p), { timeout: 15_000 }).toBeGreaterThan(0);
    const card = await hover(p, '89 long-range drones');
    expect(card).toMatch(/Contradicted/);
    expect(card).toMatch(/This page says 89 long-range drones; .* say 91 drones/);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tab}`);
    await expect.poll(async () => popup.locator('body').innerText(), { timeout: 10_000 }).toMatch(/contradicted/i);
    await popup.close();
    await p.close();
  });

  it('the site switch in the popup turns Crosscheck off and on for the site', async () => {
    const { page: p, tab } = await openTab(`${base}/reuters.html`);
    await expect.poll(() => highlights(p), { timeout: 15_000 }).toBeGreaterThan(0);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tab}`);
    const toggle = popup.getByRole('switch', { name: /Crosscheck on 127\.0\.0\.1/ });
    await expect.poll(() => toggle.isChecked(), { timeout: 10_000 }).toBe(true);
    await toggle.click();
    // The tab reloads without Crosscheck.
    await expect.poll(async () => (await badge(tab)) === '' && (await highlights(p).catch(() => -1)) === 0, { timeout: 15_000 }).toBe(true);
    await p.waitForTimeout(1000);
    expect(await highlights(p)).toBe(0);
    await popup.reload();
    await expect.poll(async () => (await popup.locator('body').innerText()), { timeout: 10_000 }).toMatch(/turned off on this site/);
    await popup.getByRole('switch').click();
    await expect.poll(() => highlights(p).catch(() => 0), { timeout: 15_000 }).toBeGreaterThan(0);
    await popup.close();
    await p.close();
  });

  it('the keyboard commands move through the mentions and open their cards with focus', async () => {
    const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8'));
    expect(manifest.commands['next-mention'].suggested_key.default).toBe('Alt+Shift+K');
    const { page: p, tab } = await openTab(`${base}/conflict.html`);
    // The content script marks when it is ready (highlights painted, cards and keyboard wired).
    await p.waitForFunction(() => performance.getEntriesByName('crosscheck-done').length > 0, null, { timeout: 15_000 });
    const press = (direction: string) => pressShortcut(tab, direction);
    await press('next');
    const card = p.getByRole('dialog');
    await card.first().waitFor({ state: 'visible', timeout: 5000 });
    // In reading order: the claim sentence (it begins the paragraph), then the name "Sergey Lavrov" in it.
    await expect.poll(async () => (await card.first().innerText()).replace(/\s+/g, ' '), { timeout: 5000 }).toMatch(/Contradicted .* This page says 89/);
    expect(await p.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('crosscheck-card');
    await press('next');
    await expect.poll(async () => (await card.first().innerText()).replace(/\s+/g, ' '), { timeout: 5000 }).toMatch(/Sergei Lavrov Foreign Minister of Russia/);
    await press('previous');
    await expect.poll(async () => (await card.first().innerText()).replace(/\s+/g, ' '), { timeout: 5000 }).toMatch(/Contradicted/);
    await p.keyboard.press('Escape');
    await expect.poll(() => p.getByRole('dialog').count()).toBe(0);
    await p.close();
  });

  it('leaves a page about something else alone', async () => {
    const { page: p, tab } = await openTab(`${base}/unrelated.html`);
    await p.waitForTimeout(1500);
    expect(await highlights(p)).toBe(0);
    expect(await badge(tab)).toBe('');
    expect(await p.getByRole('dialog').count()).toBe(0);
    await p.close();
  });

  it('finds the story in text a page adds after it loaded', async () => {
    const { page: p, tab, errors } = await openTab(`${base}/later.html`);
    await p.waitForFunction(() => performance.getEntriesByName('crosscheck-done').length > 0, null, { timeout: 15_000 });
    expect(await highlights(p)).toBe(0);
    // The paragraph arrives after 0.8 s; the observer scans it after a quiet moment.
    await expect.poll(() => highlights(p), { timeout: 10_000 }).toBeGreaterThan(0);
    await expect.poll(async () => Number(await badge(tab)), { timeout: 5000 }).toBeGreaterThan(0);
    expect(await hover(p, '89 long-range drones')).toMatch(/This page says 89/);
    expect(errors).toEqual([]);
    await p.close();
  });

  it('scans anew after a single-page navigation', async () => {
    const { page: p, tab } = await openTab(`${base}/app.html`);
    await p.waitForFunction(() => performance.getEntriesByName('crosscheck-done').length > 0, null, { timeout: 15_000 });
    expect(await badge(tab)).toBe('');
    await p.click('#next');
    await expect.poll(async () => Number(await badge(tab)), { timeout: 10_000 }).toBeGreaterThan(0);
    expect(p.url()).toMatch(/\/app\/story$/);
    expect(await hover(p, '89 long-range drones')).toMatch(/This page says 89/);
    await p.close();
  });

  it('clicking a claim in the popup scrolls the page to it and flashes it', async () => {
    const { page: p, tab } = await openTab(`${base}/long.html`);
    await expect.poll(async () => Number(await badge(tab)), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await p.evaluate(() => window.scrollY)).toBe(0);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tab}`);
    await popup.getByRole('button', { name: /drone/i }).first().click();
    await expect.poll(() => p.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(500);
    expect(await p.evaluate(() => CSS.highlights.has('crosscheck-flash'))).toBe(true);
    // The flashed sentence is on screen.
    const top = await p.evaluate(() => {
      const r = [...CSS.highlights.get('crosscheck-flash')!][0] as Range;
      return r.getBoundingClientRect().top;
    });
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(await p.evaluate(() => innerHeight));
    await popup.close();
    await p.close();
  });

  it('a card opened by the pointer is reachable with Tab', async () => {
    const { page: p } = await openTab(`${base}/conflict.html`);
    await hover(p, 'Lavrov');
    await p.keyboard.press('Tab');
    const focused = await p.evaluate(() => {
      const host = document.activeElement;
      return { host: host?.tagName.toLowerCase(), inner: host?.shadowRoot?.activeElement?.getAttribute('role') };
    });
    expect(focused).toEqual({ host: 'crosscheck-card', inner: 'dialog' });
    // Tab again moves to the card's own controls, not back to the page.
    await p.keyboard.press('Tab');
    expect(await p.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('crosscheck-card');
    await p.keyboard.press('Escape');
    await expect.poll(() => p.getByRole('dialog').count()).toBe(0);
    await p.close();
  });

  it('finds the story in a frame of the same origin, and counts it for the page', async () => {
    const { page: p, tab, errors } = await openTab(`${base}/framed.html`);
    const frame = p.frame({ url: /conflict\.html$/ })!;
    expect(frame).not.toBeNull();
    await expect.poll(() => frame.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)), { timeout: 15_000 }).toBeGreaterThan(0);
    expect(await highlights(p)).toBe(0);
    await expect.poll(async () => Number(await badge(tab)), { timeout: 5000 }).toBeGreaterThan(0);
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tab}`);
    await expect.poll(async () => (await popup.locator('body').innerText()).replace(/\s+/g, ' '), { timeout: 5000 }).toMatch(/This page says 89/);
    // The keyboard reaches the frame's mentions: the page has none, so the first is the frame's.
    await pressShortcut(tab, 'next');
    const card = frame.getByRole('dialog');
    await expect.poll(async () => (await card.count()) && (await card.first().innerText()).replace(/\s+/g, ' '), { timeout: 5000 }).toMatch(/Contradicted .* This page says 89/);
    expect(await frame.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('crosscheck-card');
    await pressShortcut(tab, 'previous');
    await expect.poll(async () => (await card.first().innerText()).replace(/\s+/g, ' '), { timeout: 5000 }).not.toMatch(/This page says 89/);
    expect(errors).toEqual([]);
    await popup.close();
    await p.close();
  });
});
