// Accessibility in real Chromium with the built extension: axe-core on the popup, the options page
// and the open hover cards (no serious or critical violation), and the keyboard and the pointer as
// a reader uses them: focus visible, Escape closes, a card announced without taking the focus,
// a card that stays open under the pointer and expands to every outlet.
import fs from 'node:fs';
import type http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from '../../scripts/article-page.mjs';
import { hoverCard, launchWithExtension, ROOT, servePages } from './browser';

declare const chrome: { tabs: { query(q: object): Promise<{ id?: number }[]> } };
declare const axe: { run(context: unknown, options: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown[] }[] }[] }> };

const require = createRequire(import.meta.url);
const AXE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const CORPUS = path.join(ROOT, 'assets/corpus/putin-residence-claim-2025-12');
const STORY = articleHtml('Russia accuses Ukraine of drone attack', fs.readFileSync(path.join(CORPUS, '001_f4f02270bf5ef5c7.txt'), 'utf8'));

let server: http.Server;
let base = '';
let ext: Awaited<ReturnType<typeof launchWithExtension>>;

beforeAll(async () => {
  ({ server, base } = await servePages((p) => (p === '/story.html' ? { body: STORY } : undefined)));
  ext = await launchWithExtension();
});
afterAll(async () => {
  await ext?.close();
  server?.close();
});

async function openStory(): Promise<{ page: Page; tab: number }> {
  const page = await ext.context.newPage();
  await page.goto(`${base}/story.html`);
  await page.bringToFront();
  await expect.poll(() => page.evaluate(() => [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0)), { timeout: 15_000 }).toBeGreaterThan(10);
  const tab = await ext.worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  return { page, tab };
}

/** axe-core's serious and critical violations in `page` (within `within`, a selector, if given). */
async function seriousViolations(page: Page, within?: string): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async (sel) => {
    const context = sel ? document.querySelector(sel) : document;
    const r = await axe.run(context, { resultTypes: ['violations'] });
    return r.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.nodes.map((n) => JSON.stringify(n.target)).join(' ')}`);
  }, within ?? null);
}

describe('accessibility', () => {
  it('the popup: no serious or critical axe violation, claims reachable and opened with the keyboard, focus visible', async () => {
    const { page, tab } = await openStory();
    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html?tab=${tab}`);
    await popup.locator('.claim-line').first().waitFor({ state: 'visible', timeout: 10_000 });
    expect(await seriousViolations(popup)).toEqual([]);

    // Tab to the first claim's line (past the site switch); Enter opens its sources.
    let tabs = 0;
    while (!(await popup.evaluate(() => document.activeElement?.classList.contains('claim-line'))) && tabs++ < 10) await popup.keyboard.press('Tab');
    const line = popup.locator('.claim-line:focus');
    expect(await line.count()).toBe(1);
    expect(await popup.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle)).not.toBe('none');
    expect(await line.getAttribute('aria-expanded')).toBe('false');
    await popup.keyboard.press('Enter');
    expect(await line.getAttribute('aria-expanded')).toBe('true');
    const detail = await line.getAttribute('aria-controls');
    await expect.poll(() => popup.locator(`[id="${detail}"] .claim-sources li`).count()).toBeGreaterThan(0);
    expect(await seriousViolations(popup)).toEqual([]);
    await popup.close();
    await page.close();
  });

  it('the options page: no serious or critical axe violation', async () => {
    const o = await ext.context.newPage();
    await o.goto(`chrome-extension://${ext.extensionId}/options.html`);
    await o.getByLabel('Highlight style').waitFor({ state: 'visible', timeout: 10_000 });
    await o.waitForTimeout(500);
    expect(await seriousViolations(o)).toEqual([]);
    await o.close();
  });

  it('a claim card opens on hover without taking the focus, is announced, stays under the pointer, expands to every outlet, and closes with Escape', async () => {
    const { page } = await openStory();
    const { card, text } = await hoverCard(page, '91 long-range drones');
    expect(text).toMatch(/Reported alike by 5 outlets/);
    // The focus stays on the page; a live region says what opened.
    expect(await page.evaluate(() => document.activeElement?.tagName.toLowerCase())).toBe('body');
    expect(await page.locator('crosscheck-card [role="status"]').innerText()).toMatch(/^Crosscheck card: \w[\w ]+ claim\. Reported by 5 outlets/);
    expect(await seriousViolations(page, 'crosscheck-card')).toEqual([]);

    // Resting the pointer on the card keeps it open.
    const box = (await card.boundingBox())!;
    expect(box.height).toBeLessThanOrEqual(480);
    await page.mouse.move(box.x + box.width / 2, box.y + 20);
    await page.waitForTimeout(1000);
    expect(await card.isVisible()).toBe(true);

    const more = card.getByRole('button', { name: 'Show all 5 outlets' });
    expect(await more.getAttribute('aria-expanded')).toBe('false');
    await more.click();
    const less = card.getByRole('button', { name: 'Hide the outlets’ words' });
    await expect.poll(() => less.getAttribute('aria-expanded')).toBe('true');
    const all = card.getByRole('list', { name: 'What each outlet reported' }).getByRole('listitem');
    expect(await all.count()).toBe(5);
    // Grown, the card is placed again on screen.
    await expect.poll(async () => { const b = (await card.boundingBox())!; return b.y >= 0 && b.y + b.height <= 900; }).toBe(true);
    expect(await seriousViolations(page, 'crosscheck-card')).toEqual([]);

    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.close();
  });

  it("an actor's card: no serious or critical axe violation, Tab reaches its buttons with a visible focus", async () => {
    const { page } = await openStory();
    await hoverCard(page, 'Lavrov');
    expect(await seriousViolations(page, 'crosscheck-card')).toEqual([]);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const el = document.querySelector('crosscheck-card')!.shadowRoot!.activeElement as HTMLElement | null;
      return { tag: el?.tagName.toLowerCase(), outline: el ? getComputedStyle(el).outlineStyle : 'none' };
    });
    expect(focused.tag).toBe('button');
    expect(focused.outline).not.toBe('none');
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.close();
  });
});
