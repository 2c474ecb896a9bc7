// End-to-end helpers: the built extension in real Chromium (launch code shared with `npm start`
// in scripts/launch-chromium.mjs) and raw IndexedDB reads inside the extension's service worker.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { BrowserContext, Locator, Page, Worker } from 'playwright-core';
import { expect } from 'vitest';
import { ROOT, hoverText, launchWithExtension, makeProfileDir } from '../../scripts/launch-chromium.mjs';

export { ROOT, hoverText, launchWithExtension, makeProfileDir };

export const BUNDLED_PACK_FILE = path.join(ROOT, 'assets', 'packs', 'putin-residence-claim-2025-12.json');

export interface BundledPackJson {
  id: string;
  version: number;
  title: string;
  claims: unknown[];
  actors: unknown[];
  [key: string]: unknown;
}

/** Every pack shipped with the extension (assets/packs/*.json), in file-name order. */
export function readBundledPacks(): BundledPackJson[] {
  const dir = path.dirname(BUNDLED_PACK_FILE);
  return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as BundledPackJson);
}

/** The engine cache's key for the bundled packs (lib/store/engine-cache.ts): by title, as installed. */
export function bundledEngineKey(): string {
  const packs = readBundledPacks().sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
  return packs.map((p) => `${p.id}@${p.version}`).join('|');
}

/** The first story's pack shipped with the extension, read from disk (so the test follows whatever pack is there). */
export function readBundledPack(): BundledPackJson {
  return JSON.parse(fs.readFileSync(BUNDLED_PACK_FILE, 'utf8')) as BundledPackJson;
}

export interface StoredPackSnapshot {
  /** Every row of the `packs` store. */
  packs: Array<{ id: string; version: number; title: string; installedAt: string; counts: Record<string, number> }>;
  /** Rows of the pack's claims and actors (by the `pack` index) and of the whole stores. */
  claims: number;
  actors: number;
  allClaims: number;
  allActors: number;
}

/**
 * Reads the real IndexedDB 'crosscheck' in the service worker with the raw API (not Dexie).
 * Returns null while the database or its stores do not exist yet; never creates the database.
 */
export async function readStoredPack(worker: Worker, packId: string): Promise<StoredPackSnapshot | null> {
  return worker.evaluate(async (id: string) => {
    const req = <T>(r: IDBRequest<T>) =>
      new Promise<T>((ok, ko) => {
        r.onsuccess = () => ok(r.result);
        r.onerror = () => ko(r.error);
      });
    const known = await indexedDB.databases();
    if (!known.some((d) => d.name === 'crosscheck')) return null;
    const open = indexedDB.open('crosscheck');
    // Never create or upgrade the database from here: that is Dexie's job.
    open.onupgradeneeded = () => open.transaction?.abort();
    let db: IDBDatabase;
    try {
      db = await req(open);
    } catch {
      return null;
    }
    try {
      const stores = ['packs', 'claims', 'actors'];
      if (!stores.every((s) => db.objectStoreNames.contains(s))) return null;
      const tx = db.transaction(stores, 'readonly');
      const packs = await req(tx.objectStore('packs').getAll());
      const claims = await req(tx.objectStore('claims').index('pack').count(id));
      const actors = await req(tx.objectStore('actors').index('pack').count(id));
      const allClaims = await req(tx.objectStore('claims').count());
      const allActors = await req(tx.objectStore('actors').count());
      return { packs, claims, actors, allClaims, allActors };
    } finally {
      db.close();
    }
  }, packId);
}

/** Calls `read` until `done` holds for its value, or fails with the last value after `timeout` ms. */
export async function pollUntil<T, U extends T>(read: () => Promise<T>, done: (v: T) => v is U, timeout?: number, what?: string): Promise<U>;
export async function pollUntil<T>(read: () => Promise<T>, done: (v: T) => boolean, timeout?: number, what?: string): Promise<T>;
export async function pollUntil<T>(read: () => Promise<T>, done: (v: T) => boolean, timeout = 20_000, what = 'condition'): Promise<T> {
  const end = Date.now() + timeout;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (e) {
      lastError = e; // e.g. the worker restarted mid-evaluate: try again
    }
    if (Date.now() > end)
      throw new Error(`Timed out waiting for ${what}; last value: ${JSON.stringify(last)}${lastError ? `; last error: ${String(lastError)}` : ''}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** A page the test serves: its HTML and any headers (a Content-Security-Policy, say). */
export interface Served {
  body: string;
  headers?: Record<string, string>;
}

/**
 * A real HTTP server on 127.0.0.1 for a test's pages: `route(path, port)` gives a page or
 * undefined (404). Returns the server and its base URL (`http://127.0.0.1:<port>`).
 */
export async function servePages(route: (path: string, port: number) => Served | undefined): Promise<{ server: http.Server; base: string }> {
  const server = http.createServer((req, res) => {
    const page = route(new URL(req.url ?? '/', 'http://x').pathname, (server.address() as { port: number }).port);
    res.writeHead(page ? 200 : 404, { 'content-type': 'text/html; charset=utf-8', ...page?.headers });
    res.end(page ? page.body : 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, base: `http://127.0.0.1:${(server.address() as { port: number }).port}` };
}

/** Stops the extension's service worker, as the browser does when it is idle (the next event wakes it). */
export async function stopWorker(context: BrowserContext): Promise<void> {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await cdp.send('ServiceWorker.stopAllWorkers');
  await cdp.detach();
  await page.close();
}

/** Hovers `needle` on the page and waits for its card's content (past "Loading…"); fails the test when no card opens. */
export async function hoverCard(p: Page, needle: string): Promise<{ card: Locator; text: string }> {
  const card = await hoverText(p, needle);
  expect(card, `a card for "${needle}"`).not.toBeNull();
  await expect.poll(() => card!.innerText(), { timeout: 5000 }).not.toMatch(/Loading…/);
  return { card: card!, text: (await card!.innerText()).replace(/\s+/g, ' ') };
}
