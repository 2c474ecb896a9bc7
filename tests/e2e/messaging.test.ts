// Who can talk to the built extension, in real Chromium. A web page cannot reach it at all (no
// externally_connectable: the page has no chrome.runtime), and its window messages reach nothing.
// From the extension's own options page, malformed messages get no answer, are counted by the
// background, and leave it working; from the content script's own world, options-only requests
// are refused (lib/protocol/guard.ts).
import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from '../../scripts/article-page.mjs';
import type { DroppedMessages } from '../../lib/protocol';
import { launchWithExtension, readBundledPack, readBundledPacks, ROOT, servePages } from './browser';

// The extension APIs where these callbacks run (an extension page, the service worker).
declare const chrome: {
  runtime: { sendMessage(message: unknown): Promise<unknown>; getManifest(): Record<string, unknown> };
  tabs: { query(q: object): Promise<{ id?: number }[]>; sendMessage(tab: number, m: object): Promise<unknown> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

const CORPUS = path.join(ROOT, 'assets/corpus/putin-residence-claim-2025-12');
// The story below a long stretch of gardening: showing one of its mentions scrolls the page.
const STORY = articleHtml('Drone claim', `${'Tomatoes need six hours of sun a day. '.repeat(12)}\n`.repeat(30) + fs.readFileSync(path.join(CORPUS, '001_f4f02270bf5ef5c7.txt'), 'utf8'));

let server: http.Server;
let base = '';
let ext: Awaited<ReturnType<typeof launchWithExtension>>;

beforeAll(async () => {
  ({ server, base } = await servePages((path) => (path === '/story.html' ? { body: STORY } : undefined)));
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  server?.close();
});

async function optionsPage(): Promise<Page> {
  const o = await ext.context.newPage();
  await o.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await o.getByRole('heading', { name: 'Your data' }).waitFor();
  return o;
}

/** The background's counts of dropped messages, asked from an extension page. */
async function dropped(o: Page): Promise<DroppedMessages> {
  const reply = (await o.evaluate(() => chrome.runtime.sendMessage({ type: 'diagnostics' }))) as { ok: boolean; dropped: DroppedMessages };
  expect(reply.ok).toBe(true);
  return reply.dropped;
}

/** A tab on the story page, once the content script has marked it. */
async function storyTab(): Promise<{ page: Page; tab: number }> {
  const page = await ext.context.newPage();
  await page.goto(`${base}/story.html`);
  await page.bringToFront();
  await page.waitForFunction(() => performance.getEntriesByName('crosscheck-done').length > 0, null, { timeout: 15_000 });
  const tab = await ext.worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  return { page, tab };
}

const highlights = (p: Page) => p.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0));
const badge = (tab: number) => ext.worker().evaluate((t) => chrome.action.getBadgeText({ tabId: t }), tab);

/**
 * Runs `expression` in the world of the extension's content script on `page` (CDP: the isolated
 * execution context whose origin is the extension's), as the content script itself would.
 */
async function inContentScript(page: Page, expression: string): Promise<unknown> {
  const cdp: CDPSession = await ext.context.newCDPSession(page);
  try {
    const contexts: { id: number; origin: string; auxData?: { type?: string } }[] = [];
    cdp.on('Runtime.executionContextCreated', (e) => contexts.push(e.context as (typeof contexts)[number]));
    await cdp.send('Runtime.enable');
    const world = contexts.find((c) => c.auxData?.type === 'isolated' && c.origin === `chrome-extension://${ext.extensionId}`);
    if (!world) throw new Error("no content script world on the page");
    const r = await cdp.send('Runtime.evaluate', { expression, contextId: world.id, awaitPromise: true, returnByValue: true });
    if (r.exceptionDetails) throw new Error(`in the content script: ${JSON.stringify(r.exceptionDetails)}`);
    return r.result.value;
  } finally {
    await cdp.detach().catch(() => {});
  }
}

describe('messaging', () => {
  it('the built manifest declares no externally_connectable, so no web page may send to the extension', async () => {
    const built = JSON.parse(fs.readFileSync(path.join(ROOT, '.output/chrome-mv3/manifest.json'), 'utf8')) as Record<string, unknown>;
    expect(built).not.toHaveProperty('externally_connectable');
    // The manifest the browser loaded, too.
    const loaded = await ext.worker().evaluate(() => chrome.runtime.getManifest());
    expect(loaded).not.toHaveProperty('externally_connectable');
    expect(loaded.name).toBe('Crosscheck');
  });

  it('a web page cannot reach the extension: no chrome.runtime, and window messages reach nothing', async () => {
    const o = await optionsPage();
    const { page, tab } = await storyTab();
    const before = await dropped(o);
    const marks = await highlights(page);
    expect(marks).toBeGreaterThan(0);

    // chrome.runtime.sendMessage(extensionId, ...) is how a page would talk to an extension that
    // lets it (externally_connectable); here the page has no chrome.runtime at all.
    const attempt = await page.evaluate(async (id) => {
      const c = (globalThis as { chrome?: { runtime?: { sendMessage?: (id: string, m: unknown) => Promise<unknown>; connect?: unknown } } }).chrome;
      const out = { runtime: typeof c?.runtime, sendMessage: typeof c?.runtime?.sendMessage, connect: typeof c?.runtime?.connect, answered: false, error: '' };
      try {
        await c!.runtime!.sendMessage!(id, { type: 'delete-all-data' });
        out.answered = true;
      } catch (e) {
        out.error = String(e);
      }
      return out;
    }, ext.extensionId);
    expect(attempt).toMatchObject({ runtime: 'undefined', sendMessage: 'undefined', connect: 'undefined', answered: false });
    expect(attempt.error).toMatch(/TypeError/);

    // The content script listens to the extension only, not to the page's window messages: what a
    // keyboard command, the popup or a pack update would send, posted by the page, does nothing.
    const scrolled = await page.evaluate(() => window.scrollY);
    await page.evaluate((pack) => {
      const messages = [
        { type: 'navigate', direction: 'next' },
        { type: 'reveal', kind: 'actor', pack, id: 'lavrov' },
        { type: 'packs-changed' },
        { type: 'delete-all-data' },
        { type: 'scan', url: location.href, text: 'Lavrov' },
      ];
      for (const m of messages) {
        window.postMessage(m, '*');
        window.postMessage(JSON.stringify(m), '*');
      }
    }, readBundledPack().id);
    await page.waitForTimeout(1500);
    expect(await page.getByRole('dialog').count()).toBe(0);
    expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
    expect(await highlights(page)).toBe(marks);
    expect(await dropped(o)).toEqual(before);
    expect(await badge(tab)).not.toBe('');

    // The same messages from the extension do what they are for: "reveal" (from the popup) scrolls
    // to the mention, "navigate" (the background's, for Alt+Shift+K) opens a card.
    await ext.worker().evaluate(([t, pack]) => chrome.tabs.sendMessage(t, { type: 'reveal', kind: 'actor', pack, id: 'lavrov' }), [tab, readBundledPack().id] as const);
    await expect.poll(() => page.evaluate(() => window.scrollY), { timeout: 5000 }).toBeGreaterThan(scrolled + 500);
    await ext.worker().evaluate((t) => chrome.tabs.sendMessage(t, { type: 'navigate', direction: 'next' }), tab);
    await page.getByRole('dialog').first().waitFor({ state: 'visible', timeout: 5000 });
    await page.close();
    await o.close();
  });

  it('malformed messages from an extension page get no answer, are counted, and the extension works after', async () => {
    const o = await optionsPage();
    const before = await dropped(o);
    const outcomes = await o.evaluate(async () => {
      const huge = 'x'.repeat(3_000_000);
      const messages: unknown[] = [
        null,
        undefined,
        42,
        'update-now',
        huge,
        [],
        [{ type: 'update-now' }],
        {},
        { type: 'format-disk' },
        { type: 'UPDATE-NOW' },
        { type: 'constructor' },
        { type: 'packs-changed' },
        { type: 'scan' },
        { type: 'page-summary', tabId: '1' },
        { type: 'page-summary', tabId: -1 },
        { type: 'set-settings', hoverDelayMs: '100' },
        { type: 'remove-pack', id: huge },
        { type: 'import-pack', name: 'a.json' },
        JSON.parse('{"__proto__":{"type":"delete-all-data"}}'),
        JSON.parse('{"type":"remove-pack","__proto__":{"id":"putin-residence-claim-2025-12"}}'),
      ];
      const out: { answer: unknown; error: string }[] = [];
      for (const m of messages) {
        try {
          out.push({ answer: (await chrome.runtime.sendMessage(m)) ?? null, error: '' });
        } catch (e) {
          out.push({ answer: null, error: String(e) });
        }
      }
      return out;
    });
    // No answer to any (the background returns without replying), and no error on the page's side:
    // each message was delivered, and dropped.
    expect(outcomes).toEqual(outcomes.map(() => ({ answer: null, error: '' })));
    const after = await dropped(o);
    expect(after).toEqual({ ...before, malformed: before.malformed + outcomes.length });

    // A well-formed request with fields the protocol does not know is answered (they are dropped).
    expect(await o.evaluate(() => chrome.runtime.sendMessage({ type: 'settings', extra: 'x', __debug: true }))).toMatchObject({ ok: true });
    expect((await dropped(o)).malformed).toBe(after.malformed);

    // The Diagnostics line of the options page shows the counts.
    await o.reload();
    const line = o.locator('.diagnostics');
    await line.waitFor();
    expect((await line.innerText()).replace(/\s+/g, ' ')).toContain(`${after.malformed} malformed`);

    // Nothing was deleted or changed, and pages are read as before.
    expect(await o.locator(`li.pack[data-pack-id="${readBundledPack().id}"]`).count()).toBe(1);
    const { page, tab } = await storyTab();
    await expect.poll(() => badge(tab), { timeout: 10_000 }).not.toBe('');
    expect(await highlights(page)).toBeGreaterThan(0);
    await page.close();
    await o.close();
  });

  it('the content script may scan, but what only the extension\'s pages may ask is refused, and counted', async () => {
    const o = await optionsPage();
    const { page, tab } = await storyTab();
    const before = await dropped(o);
    const replies = (await inContentScript(
      page,
      `(async () => {
        const ask = async (m) => { try { return (await chrome.runtime.sendMessage(m)) ?? null; } catch (e) { return 'error: ' + e; } };
        return {
          deleteAll: await ask({ type: 'delete-all-data' }),
          removePack: await ask({ type: 'remove-pack', id: ${JSON.stringify(readBundledPack().id)} }),
          diagnostics: await ask({ type: 'diagnostics' }),
          subscribe: await ask({ type: 'subscribe', url: 'https://feeds.example/feed.json' }),
          malformed: await ask({ type: 'scan', url: location.href }),
          scan: await ask({ type: 'scan', url: location.href, text: "Russia's foreign minister, Sergey Lavrov, said on Monday that Ukraine had launched 91 long-range drones." }),
        };
      })()`,
    )) as Record<string, { ok?: boolean; error?: string; result?: { actors: unknown[] } } | null>;
    const refused = ['delete-all-data', 'remove-pack', 'diagnostics', 'subscribe'];
    for (const type of refused)
      expect(Object.values(replies)).toContainEqual({ ok: false, error: `"${type}" is answered for the extension's own pages only` });
    expect(replies.malformed).toBeNull();
    expect(replies.scan?.ok).toBe(true);
    expect(replies.scan?.result?.actors.length).toBeGreaterThan(0);
    expect(await dropped(o)).toEqual({ ...before, 'not-allowed': before['not-allowed'] + refused.length, malformed: before.malformed + 1 });

    // Nothing was deleted, and no feed was added.
    const packs = (await o.evaluate(() => chrome.runtime.sendMessage({ type: 'packs' }))) as { packs: { id: string }[] };
    expect(packs.packs.map((p) => p.id).sort()).toEqual(readBundledPacks().map((p) => p.id).sort());
    expect(((await o.evaluate(() => chrome.runtime.sendMessage({ type: 'feeds' }))) as { feeds: unknown[] }).feeds).toEqual([]);
    expect(await badge(tab)).not.toBe('');
    await page.close();
    await o.close();
  });
});
