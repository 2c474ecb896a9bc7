// What the background does with each message: scan a page's text with the installed packs, keep
// the last result of each tab for the popup, answer actor cards from the store, and run pack sync
// and the options page's requests. No browser.* here: the background passes in what it needs (the
// database, fetch, how to set a tab's badge, schedule an alarm, tell tabs and pages).
import { checkPackFile, formatFileProblem } from './pack/file';
import type { Pack } from './pack/schema';
import type {
  ActorCard, BundledState, DisplaySettings, DroppedMessages, FeedCheck, PacksChangedMessage, PageEvent, PageSummary, Reply, Request, SyncProgressMessage,
} from './protocol';
import { ScanEngine, type ScanResult } from './scan/engine';
import { mergeScanResults } from './scan/merge';
import type { CrosscheckDb, FeedRow } from './store/db';
import { engineCacheKey, readEngineCache, writeEngineCache } from './store/engine-cache';
import { eraseAllData } from './store/erase';
import { addFeed, dueFeeds, listFeeds, nextDue, recordCheck, removeFeed, rescheduleFeeds } from './store/feeds';
import { addTrustedKeys, ensureBuildKeys, listTrustedKeys, removeTrustedKey, trustedPublicKeys } from './store/keys';
import { importPack, installBundledPack, listPacks, loadPack, loadPacks, removePack } from './store/packs';
import { claimsForActor, getActor, positionsForClaim, reportsForClaim } from './store/queries';
import {
  disabledSites, getMarker, getSettings, isSiteEnabled, setMarker, setSettings, setSiteEnabled, siteInput, siteOf, type ReadingSettings,
} from './store/settings';
import { updateFeed, type SyncLimits } from './sync/update';

const EMPTY: ScanResult = { actors: [], claims: [], stats: { chars: 0, sentences: 0, sentencesScored: 0 } };
const HOUR = 3_600_000;
/** How long the popup waits for an open tab to scan again after the worker lost its summary. */
const RESCAN_WAIT_MS = 2_000;
/** Progress messages per download, at most one per this many ms (and the first and last). */
const PROGRESS_EVERY_MS = 100;

export interface ServiceDeps {
  db: CrosscheckDb;
  setBadge: (tabId: number, text: string, warning: boolean) => void;
  /** The pack shipped inside the extension, installed on start unless the reader removed it. */
  bundledPack?: unknown;
  /** The feed this build subscribes to once (CROSSCHECK_DEFAULT_FEED), or null. */
  defaultFeed?: string | null;
  /** Public key lines this build trusts (CROSSCHECK_TRUSTED_KEYS). */
  buildKeys?: readonly string[];
  /** This Crosscheck's version, for feed entries' minCrosscheck. */
  crosscheckVersion?: string;
  fetch?: typeof globalThis.fetch;
  limits?: Partial<SyncLimits>;
  /**
   * Whether the extension holds host permission for the URL's origin. Without it a feed is fetched
   * with CORS, and then without If-None-Match / If-Modified-Since (headers that would need a
   * preflight most static hosts do not answer). Default: assume it does.
   */
  hasHostPermission?: (url: string) => Promise<boolean>;
  /** Tells every tab's content script (ignoring tabs without one). */
  notifyTabs?: (message: PacksChangedMessage) => void;
  /** Tells the extension's open pages (options, popup). */
  notifyPages?: (message: PageEvent) => void;
  /** Asks to be woken at `when` (ms since the epoch) to check the feeds due then; null: no feeds. */
  scheduleCheck?: (when: number | null) => void;
  /** Asks one tab to scan again (its summary was lost when the worker stopped). */
  rescanTab?: (tabId: number) => void;
  log?: (level: 'info' | 'warn', message: string) => void;
  /** The messages dropped on receipt so far (lib/protocol-guard.ts), for the options page. */
  diagnostics?: () => { dropped: DroppedMessages; since: string };
  now?: () => Date;
  random?: () => number;
}

interface EngineState {
  engine: ScanEngine;
  packs: Pack[];
  /** Restored from the IndexedDB cache, or compiled (and then cached). */
  origin: 'restored' | 'compiled';
}

export class BackgroundService {
  private engine: Promise<EngineState> | null = null;
  /** Each tab's findings, per frame (0: the top page; same-origin frames add theirs). */
  private frames = new Map<number, Map<number, PageSummary>>();
  private rescans = new Map<number, { asked: boolean; waiters: (() => void)[] }>();
  private startup: Promise<void> = Promise.resolve();
  private checking: { all: boolean; promise: Promise<FeedCheck[]> } | null = null;
  private settings: Promise<ReadingSettings> | null = null;
  private lastProgress = new Map<string, { at: number; phase: string }>();

  constructor(private deps: ServiceDeps) {}

  private now(): Date {
    return this.deps.now?.() ?? new Date();
  }

  private log(level: 'info' | 'warn', message: string): void {
    this.deps.log?.(level, message);
  }

  /**
   * Start-up work, on every worker start (idempotent, one at a time): install the bundled pack
   * unless the reader removed it (a newer installed version is kept), trust the build's keys and
   * subscribe to the build's default feed once each, and schedule the next feed check. Requests
   * wait for it. Never throws.
   */
  start(trigger: string): Promise<void> {
    this.startup = this.startup.then(() => this.startOnce(trigger));
    return this.startup;
  }

  private async startOnce(trigger: string): Promise<void> {
    const { db } = this.deps;
    const step = async (what: string, work: () => Promise<void>) => {
      try {
        await work();
      } catch (e) {
        this.log('warn', `${what} (${trigger}): ${describe(e)}`);
      }
    };
    await step('bundled pack not installed', async () => {
      if (this.deps.bundledPack === undefined) return;
      if (await getMarker(db, 'bundledRemoved')) {
        this.log('info', `bundled pack not installed (${trigger}): the reader removed it`);
        return;
      }
      const r = await installBundledPack(db, this.deps.bundledPack);
      if (r.status === 'installed') {
        this.log('info', `bundled pack ${r.pack.id} v${r.pack.version} installed (${trigger})${r.replaced !== null ? `, replaced v${r.replaced}` : ''}`);
        await this.packsChanged();
      } else if (r.status === 'unchanged') this.log('info', `bundled pack ${r.pack.id} v${r.pack.version} already installed (${trigger})`);
      // 'older': a newer version from a feed is installed, as it should be.
      else this.log(r.status === 'refused' && r.reason === 'older' ? 'info' : 'warn', `bundled pack not installed (${trigger}): ${r.message}`);
    });
    await step('build keys not trusted', async () => {
      const r = await ensureBuildKeys(db, this.deps.buildKeys ?? [], this.now());
      if (r.added.length) this.log('info', `trusted the build's keys ${r.added.join(', ')}`);
      for (const p of r.problems) this.log('warn', `a build key was not trusted: ${p}`);
    });
    await step('default feed not subscribed', async () => {
      const url = this.deps.defaultFeed;
      if (!url || (await getMarker(db, 'defaultFeedSeen')) === url) return;
      const r = await addFeed(db, url, this.now());
      if (r.status === 'refused') this.log('warn', `the build's default feed was not subscribed: ${r.message}`);
      else this.log('info', `subscribed to the build's default feed ${url}`);
      // Once: a reader who unsubscribes stays unsubscribed.
      await setMarker(db, 'defaultFeedSeen', url);
    });
    await step('feed check not scheduled', () => this.scheduleNext());
  }

  /** Drops the compiled engine (after a pack is installed or removed): the next scan rebuilds it. */
  reload(): void {
    this.engine = null;
  }

  private getEngine(): Promise<EngineState> {
    this.engine ??= this.buildEngine();
    const p = this.engine;
    // A failed build is not kept: the next scan tries again.
    p.catch(() => {
      if (this.engine === p) this.engine = null;
    });
    return p;
  }

  /** Restores the engine from its IndexedDB cache when the cache is of the installed packs, else compiles and caches it. */
  private async buildEngine(): Promise<EngineState> {
    const { db } = this.deps;
    const packs = await loadPacks(db);
    const key = engineCacheKey(packs);
    const cached = await readEngineCache(db, key).catch(() => null);
    if (cached) {
      try {
        const engine = ScanEngine.restore(packs, cached);
        this.log('info', `scan engine restored from its cache (${key || 'no packs'})`);
        return { engine, packs, origin: 'restored' };
      } catch (e) {
        this.log('warn', `scan engine cache not used: ${describe(e)}`);
      }
    }
    const engine = ScanEngine.fromPacks(packs);
    try {
      await writeEngineCache(db, key, engine.cache(), this.now());
    } catch (e) {
      this.log('warn', `scan engine not cached: ${describe(e)}`);
    }
    this.log('info', `scan engine compiled (${key || 'no packs'})`);
    return { engine, packs, origin: 'compiled' };
  }

  /** After any pack change: rebuild (and cache) the engine, then tell the tabs and pages. */
  private async packsChanged(): Promise<void> {
    this.reload();
    try {
      await this.getEngine();
    } catch (e) {
      this.log('warn', `scan engine not rebuilt: ${describe(e)}`);
    }
    const message: PacksChangedMessage = { type: 'packs-changed' };
    this.deps.notifyTabs?.(message);
    this.deps.notifyPages?.(message);
  }

  forgetTab(tabId: number): void {
    this.frames.delete(tabId);
    this.rescans.delete(tabId);
  }

  private getSettings(): Promise<ReadingSettings> {
    this.settings ??= getSettings(this.deps.db);
    this.settings.catch(() => (this.settings = null));
    return this.settings;
  }

  private async display(): Promise<DisplaySettings> {
    const s = await this.getSettings();
    return { hoverDelayMs: s.hoverDelayMs, highlightStyle: s.highlightStyle };
  }

  /**
   * The last scan of a tab. A worker that was stopped has lost it: ask the tab to scan again once,
   * and wait a little for it.
   */
  private async summaryOf(tabId: number): Promise<PageSummary | null> {
    const known = this.summary(tabId);
    if (known || !this.deps.rescanTab) return known;
    let r = this.rescans.get(tabId);
    if (!r) this.rescans.set(tabId, (r = { asked: false, waiters: [] }));
    if (r.asked) return null;
    r.asked = true;
    const entry = r;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, RESCAN_WAIT_MS);
      entry.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.deps.rescanTab!(tabId);
    });
    return this.summary(tabId);
  }

  /**
   * A frame's scan: a part (text added later, a chunk of a huge page) adds to what the frame had; a
   * whole scan replaces it. A page turned off replaces the whole tab's findings.
   */
  private scanned(tabId: number, frameId: number, entry: PageSummary, part = false): void {
    let frames = this.frames.get(tabId);
    if (!frames || entry.siteOff) this.frames.set(tabId, (frames = new Map()));
    const had = frames.get(frameId);
    frames.set(frameId, part && had && had.url === entry.url && !had.siteOff ? { url: entry.url, result: mergeScanResults(had.result, entry.result) } : entry);
    const r = this.rescans.get(tabId);
    if (r) for (const w of r.waiters.splice(0)) w();
  }

  async handle(req: Request, sender: { tabId?: number; frameId?: number }): Promise<Reply<Request>> {
    try {
      await this.startup;
      return await this.answer(req, sender);
    } catch (e) {
      return { ok: false, error: describe(e) };
    }
  }

  private async answer(req: Request, sender: { tabId?: number; frameId?: number }): Promise<Reply<Request>> {
    const { db } = this.deps;
    switch (req.type) {
      case 'scan': {
        if (sender.tabId === undefined) return { ok: false, error: 'scan requests come from a tab' };
        const display = await this.display();
        const host = siteOf(req.url);
        if (!host || !(await isSiteEnabled(db, host))) {
          this.scanned(sender.tabId, sender.frameId ?? 0, { url: req.url, result: EMPTY, siteOff: true });
          this.deps.setBadge(sender.tabId, '', false);
          return { ok: true, result: EMPTY, siteOff: true, display };
        }
        const { engine } = await this.getEngine();
        const result = engine.scanText(req.text, { lang: req.lang });
        this.scanned(sender.tabId, sender.frameId ?? 0, { url: req.url, result }, req.part);
        const page = this.summary(sender.tabId)!;
        this.deps.setBadge(sender.tabId, badgeText(page.result), page.result.claims.some((c) => c.verdict === 'contradicted'));
        return { ok: true, result, display };
      }
      case 'page-summary':
        return { ok: true, summary: await this.summaryOf(req.tabId) };
      case 'actor-card':
        return { ok: true, card: await this.actorCard(req.pack, req.actor) };
      case 'site': {
        const host = siteOf((await this.summaryOf(req.tabId))?.url ?? '');
        return { ok: true, host, enabled: host ? await isSiteEnabled(db, host) : false };
      }
      case 'set-site': {
        const site = siteInput(req.host);
        if (!site.ok) return { ok: false, error: site.message };
        await setSiteEnabled(db, site.host, req.enabled);
        return { ok: true };
      }
      case 'sites':
        return { ok: true, sites: await disabledSites(db) };
      case 'diagnostics':
        return { ok: true, ...(this.deps.diagnostics?.() ?? { dropped: { sender: 0, malformed: 0, 'not-allowed': 0 }, since: this.now().toISOString() }) };
      case 'delete-all-data':
        return { ok: true, message: await this.deleteAllData() };
      case 'settings':
        return { ok: true, settings: await this.getSettings() };
      case 'set-settings': {
        const { type: _t, ...change } = req;
        const before = await this.getSettings();
        const r = await setSettings(db, change);
        this.settings = null;
        if (!r.ok) return { ok: false, error: r.message };
        if (r.settings.checkIntervalHours !== before.checkIntervalHours) {
          await rescheduleFeeds(db, { intervalMs: r.settings.checkIntervalHours * HOUR, now: this.now(), random: this.deps.random });
          await this.scheduleNext();
        }
        return { ok: true, settings: r.settings };
      }
      case 'update-now':
        return { ok: true, results: await this.checkFeeds('all') };
      case 'feeds':
        return { ok: true, feeds: await listFeeds(db), checking: this.checking !== null };
      case 'subscribe': {
        const r = await addFeed(db, req.url, this.now());
        if (r.status === 'refused') return { ok: false, error: r.message };
        if (r.status === 'added') {
          this.deps.notifyPages?.({ type: 'feeds-changed' });
          // Check the new feed now, in the background; "Update now" waits for it.
          this.checkFeeds('due').catch((e) => this.log('warn', `feed check failed: ${describe(e)}`));
        }
        return { ok: true, feed: r.feed, existed: r.status === 'exists' };
      }
      case 'unsubscribe': {
        const had = await removeFeed(db, req.url);
        this.deps.notifyPages?.({ type: 'feeds-changed' });
        await this.scheduleNext();
        return {
          ok: true,
          message: had ? `Unsubscribed from ${req.url}. The packs it installed stay installed (remove them under Packs).` : `You were not subscribed to ${req.url}`,
        };
      }
      case 'packs':
        return { ok: true, packs: await listPacks(db), bundled: await this.bundledState() };
      case 'import-pack':
        return { ok: true, ...(await this.importFile(req.text, req.name)) };
      case 'remove-pack':
        return { ok: true, message: await this.removePack(req.id) };
      case 'restore-bundled':
        return { ok: true, message: await this.restoreBundled() };
      case 'export-packs': {
        const packs = req.id !== undefined ? [await loadPack(db, req.id)].filter((p): p is Pack => p !== null) : await loadPacks(db);
        if (packs.length === 0) return { ok: false, error: req.id !== undefined ? `No pack "${req.id}" is installed` : 'No pack is installed' };
        const date = this.now().toISOString().slice(0, 10);
        const one = packs.length === 1;
        return {
          ok: true,
          // One pack exports as a pack file; several as a list of packs. Both import as they are.
          json: `${JSON.stringify(one ? packs[0] : packs, null, 1)}\n`,
          fileName: one ? `${packs[0].id}-${packs[0].version}.json` : `crosscheck-packs-${date}.json`,
          count: packs.length,
        };
      }
      case 'keys':
        return { ok: true, keys: await listTrustedKeys(db) };
      case 'add-key': {
        const r = await addTrustedKeys(db, req.text, { label: req.label, source: 'user', now: this.now() });
        return { ok: true, ...r };
      }
      case 'remove-key': {
        const had = await removeTrustedKey(db, req.keyId);
        return {
          ok: true,
          message: had ? `Key ${req.keyId} is no longer trusted: packs signed with it will not be installed from feeds. Installed packs stay.` : `Key ${req.keyId} was not trusted`,
        };
      }
    }
  }

  // ---- pack sync -------------------------------------------------------------------------------

  /** Called when the scheduled alarm fires: checks the feeds that are due. */
  async onAlarm(): Promise<FeedCheck[]> {
    await this.startup;
    try {
      return await this.checkFeeds('due');
    } catch (e) {
      this.log('warn', `scheduled feed check failed: ${describe(e)}`);
      return [];
    }
  }

  /**
   * Checks the feeds ('all' for "Update now", 'due' for the schedule), one download at a time:
   * while a check runs, another waits for it, and "Update now" during a scheduled check of some
   * feeds then checks them all.
   */
  async checkFeeds(mode: 'all' | 'due'): Promise<FeedCheck[]> {
    for (;;) {
      const running = this.checking;
      if (!running) break;
      const results = await running.promise.catch(() => [] as FeedCheck[]);
      if (running.all || mode === 'due') return results;
    }
    const promise = this.runChecks(mode).finally(() => {
      this.checking = null;
    });
    this.checking = { all: mode === 'all', promise };
    return promise;
  }

  private async runChecks(mode: 'all' | 'due'): Promise<FeedCheck[]> {
    const { db } = this.deps;
    const feeds = await listFeeds(db);
    const todo = mode === 'all' ? feeds : dueFeeds(feeds, this.now());
    const results: FeedCheck[] = [];
    let changed = false;
    try {
      for (const feed of todo) {
        try {
          const r = await this.checkFeed(feed);
          if (r.changed) changed = true;
          results.push(r.check);
        } catch (e) {
          // The store failed under the check (updateFeed itself never throws): say so, keep going.
          this.log('warn', `feed check of ${feed.url} failed: ${describe(e)}`);
          results.push({ feedUrl: feed.url, status: 'failed', message: `Could not check the feed (${describe(e)}); the installed packs are unchanged`, packs: [] });
        }
        this.deps.notifyPages?.({ type: 'feeds-changed' });
      }
    } finally {
      if (changed) await this.packsChanged();
      await this.scheduleNext().catch((e) => this.log('warn', `feed check not scheduled: ${describe(e)}`));
    }
    return results;
  }

  private async checkFeed(feed: FeedRow): Promise<{ check: FeedCheck; changed: boolean }> {
    const { db } = this.deps;
    const settings = await this.getSettings();
    const permitted = (await this.deps.hasHostPermission?.(feed.url).catch(() => false)) ?? true;
    let changed = false;
    let downloaded = { url: feed.url, bytes: 0 };
    const result = await updateFeed(feed.url, {
      fetch: this.deps.fetch,
      trustedKeys: await trustedPublicKeys(db),
      crosscheckVersion: this.deps.crosscheckVersion ?? '0.1.0',
      previous: permitted ? feed.validators : undefined,
      limits: this.deps.limits,
      now: () => this.now(),
      installed: async (id) => {
        const row = await db.packs.get(id);
        if (!row) return null;
        return {
          version: row.version,
          pack: async () => {
            const p = await loadPack(db, id);
            if (!p) throw new Error('it was removed meanwhile');
            return p;
          },
        };
      },
      install: async (pack) => {
        this.progress({ type: 'sync-progress', url: downloaded.url, what: 'pack', phase: 'import', received: downloaded.bytes, total: downloaded.bytes });
        const r = await importPack(db, pack, { source: 'feed', now: () => this.now() });
        if (r.status === 'installed') {
          changed = true;
          // Scans from now on use the new pack (the engine is rebuilt and cached after the check).
          this.reload();
        }
        return r;
      },
      onProgress: (p) => {
        if (p.what !== 'feed') downloaded = { url: p.url, bytes: p.received };
        this.progress({ type: 'sync-progress', url: p.url, what: p.what, phase: 'download', received: p.received, total: p.total });
      },
    });
    let message = result.message;
    if (result.status === 'failed' && result.packs.length === 0 && /could not reach/.test(message) && !permitted)
      message +=
        `. If the server is up, it may not allow other sites to read the feed (no Access-Control-Allow-Origin): ` +
        `allow Crosscheck to access ${new URL(feed.url).host} (Subscriptions, "Allow access")`;
    const recorded = await recordCheck(db, { ...result, message }, {
      intervalMs: settings.checkIntervalHours * HOUR,
      now: this.now(),
      random: this.deps.random,
    });
    this.lastProgress.clear();
    return {
      changed,
      check: { feedUrl: feed.url, status: result.status, message, packs: recorded?.lastPacks ?? [] },
    };
  }

  private progress(message: SyncProgressMessage): void {
    if (!this.deps.notifyPages) return;
    const key = `${message.url} ${message.phase}`;
    const last = this.lastProgress.get(key);
    const t = Date.now();
    const final = message.total !== null && message.received >= message.total;
    if (last && !final && message.received !== 0 && t - last.at < PROGRESS_EVERY_MS) return;
    this.lastProgress.set(key, { at: t, phase: message.phase });
    this.deps.notifyPages(message);
  }

  /** Sets the wake-up for the next due feed (or none). */
  private async scheduleNext(): Promise<void> {
    if (!this.deps.scheduleCheck) return;
    this.deps.scheduleCheck(nextDue(await listFeeds(this.deps.db), this.now()));
  }

  // ---- packs from the options page -----------------------------------------------------------

  private bundledHeader(): { id: string; version: number; title: string } | null {
    const p = this.deps.bundledPack as { id?: unknown; version?: unknown; title?: unknown } | undefined;
    if (!p || typeof p.id !== 'string' || typeof p.version !== 'number') return null;
    return { id: p.id, version: p.version, title: typeof p.title === 'string' ? p.title : p.id };
  }

  private async bundledState(): Promise<BundledState | null> {
    const h = this.bundledHeader();
    if (!h) return null;
    return { ...h, installed: (await this.deps.db.packs.get(h.id)) !== undefined, removed: !!(await getMarker(this.deps.db, 'bundledRemoved')) };
  }

  private async importFile(text: string, name: string): Promise<Omit<Extract<Reply<{ type: 'import-pack' }>, { ok: true }>, 'ok'>> {
    const { db } = this.deps;
    const file = name || 'the file';
    this.progress({ type: 'sync-progress', url: name, what: 'file', phase: 'import', received: text.length, total: text.length });
    const checked = checkPackFile(text);
    if (!checked.ok) {
      const n = checked.problems.length;
      return {
        status: 'refused',
        message: `${file} was not imported: ${n === 1 ? formatFileProblem(checked.problems[0]) : `${n} problems, listed below`}. The installed packs are unchanged.`,
        problems: checked.problems,
      };
    }
    const messages: string[] = [];
    let installed = 0;
    let refused = 0;
    let failed = 0;
    for (const pack of checked.packs) {
      const r = await importPack(db, pack, { source: 'file', now: () => this.now() });
      const title = `"${pack.title}"`;
      if (r.status === 'installed') {
        installed++;
        messages.push(`Imported ${title} version ${r.pack.version}${r.replaced !== null ? ` (was version ${r.replaced})` : ''}.`);
      } else if (r.status === 'unchanged') messages.push(`${title} version ${r.pack.version} is already installed.`);
      else if (r.status === 'refused') {
        refused++;
        messages.push(`${title}: ${r.message}.`);
      } else {
        failed++;
        messages.push(`${title}: ${r.message}.`);
      }
    }
    if (installed) await this.packsChanged();
    return { status: failed ? 'failed' : refused ? 'refused' : installed ? 'installed' : 'unchanged', message: messages.join(' '), problems: [] };
  }

  private async removePack(id: string): Promise<string> {
    const { db } = this.deps;
    const row = await db.packs.get(id);
    if (!row) return `No pack "${id}" is installed`;
    await removePack(db, id);
    const bundled = this.bundledHeader();
    if (bundled?.id === id) await setMarker(db, 'bundledRemoved', true);
    await this.packsChanged();
    const fromFeed = (await listFeeds(db)).find((f) => f.lastPacks.some((p) => p.id === id));
    return (
      `Removed "${row.title}" (version ${row.version}).` +
      (bundled?.id === id ? ' "Restore bundled pack" brings back the pack that came with Crosscheck.' : '') +
      (fromFeed ? ` It comes back with the next check of ${fromFeed.url} unless you unsubscribe.` : '')
    );
  }

  private async restoreBundled(): Promise<string> {
    const { db } = this.deps;
    if (this.deps.bundledPack === undefined) return 'This build has no bundled pack';
    await setMarker(db, 'bundledRemoved', false);
    const r = await installBundledPack(db, this.deps.bundledPack);
    switch (r.status) {
      case 'installed':
        await this.packsChanged();
        return `Restored the bundled pack "${r.pack.title}" (version ${r.pack.version}).`;
      case 'unchanged':
        return `The bundled pack "${r.pack.title}" (version ${r.pack.version}) is installed.`;
      case 'refused':
        return r.reason === 'older' ? `A newer version (${r.installed}) of the bundled pack is installed; kept version ${r.installed}.` : r.message;
      default:
        return r.message;
    }
  }

  /** The tab's frames that have mentions, of the page the tab shows: the page first, then its frames (lib/navigate.ts). */
  mentionFrames(tabId: number): number[] {
    return this.pageFrames(tabId)
      .filter(([, f]) => f.result.actors.length > 0 || f.result.claims.length > 0)
      .map(([id]) => id);
  }

  /** The tab's frames that belong to the page it shows (its top page's URL), not turned off, in frame order. */
  private pageFrames(tabId: number): [number, PageSummary][] {
    const frames = this.frames.get(tabId);
    if (!frames?.size) return [];
    const url = frames.get(0)?.url ?? [...frames.values()][0].url;
    return [...frames.entries()].filter(([, f]) => f.url === url && !f.siteOff).sort(([a], [b]) => a - b);
  }

  // ---- "Delete all data" -----------------------------------------------------------------------

  /**
   * Deletes everything stored (lib/store/erase.ts, one transaction: all or nothing) and what the
   * worker holds in memory (tabs' findings, the engine, the settings), clears the scheduled check,
   * then installs again what ships with the extension: the bundled pack (even if the reader had
   * removed it) and the build's keys. Throws only when nothing was deleted.
   */
  private async deleteAllData(): Promise<string> {
    const { db } = this.deps;
    // A check running now would install what it downloads after the deletion: let it end first.
    while (this.checking) await this.checking.promise.catch(() => {});
    const erased = await eraseAllData(db);
    this.frames.clear();
    this.rescans.clear();
    this.lastProgress.clear();
    this.settings = null;
    this.reload();
    this.deps.scheduleCheck?.(null);
    this.log('info', 'all data deleted (the reader asked)');

    const kept: string[] = [];
    try {
      if (this.deps.bundledPack !== undefined) {
        const r = await installBundledPack(db, this.deps.bundledPack);
        if (r.status === 'installed' || r.status === 'unchanged') kept.push(`The pack that came with Crosscheck ("${r.pack.title}", version ${r.pack.version}) is installed again.`);
        else kept.push(`The pack that came with Crosscheck could not be installed again (${r.message}); "Restore bundled pack" tries again.`);
      }
      const keys = await ensureBuildKeys(db, this.deps.buildKeys ?? [], this.now());
      const n = keys.added.length;
      if (n) kept.push(`${n === 1 ? 'The key' : `The ${n} keys`} that came with this build ${n === 1 ? 'is' : 'are'} trusted again.`);
      await this.scheduleNext();
    } catch (e) {
      this.log('warn', `after deleting all data: ${describe(e)}`);
      kept.push(`Reinstalling what came with Crosscheck failed (${describe(e)}); it is tried again when the browser restarts.`);
    }
    await this.packsChanged();
    this.deps.notifyPages?.({ type: 'feeds-changed' });
    return [
      `Deleted ${count(erased.packs, 'pack')}, ${count(erased.feeds, 'subscription')}, ${count(erased.keys, 'key')} you added, ${count(erased.sites, 'site')} turned off, your reading settings and the scanner's cache.`,
      ...kept,
    ].join(' ');
  }

  /** A tab's findings: its top page's with those of its frames that belong to the same page. */
  private summary(tabId: number): PageSummary | null {
    const top = this.frames.get(tabId)?.get(0);
    if (top?.siteOff) return top;
    const same = this.pageFrames(tabId);
    if (!same.length) return top ?? null;
    return { url: same[0][1].url, result: same.map(([, f]) => f.result).reduce((a, b) => mergeScanResults(a, b)) };
  }

  private async actorCard(pack: string, id: string): Promise<ActorCard | null> {
    const { db } = this.deps;
    const actor = await getActor(db, pack, id);
    if (!actor) return null;
    const claims = await claimsForActor(db, pack, id);
    return {
      name: actor.name,
      ...(actor.role ? { role: actor.role } : {}),
      claims: await Promise.all(
        claims.map(async (c) => {
          const reports = await reportsForClaim(db, pack, c.id);
          const positions = await positionsForClaim(db, pack, c.id);
          const names = await Promise.all(positions.filter((p) => p.position !== 'asserts').map(async (p) => ({ name: (await getActor(db, pack, p.actor))?.name ?? p.actor, position: p.position })));
          return {
            id: c.id,
            text: c.text,
            role: c.actors.find((a) => a.actor === id)?.role ?? 'subject',
            outlets: [...new Set(reports.map((r) => r.outletRecord?.name ?? r.article))],
            counts: {
              corroborates: reports.filter((r) => r.stance === 'corroborates').length,
              differs: reports.filter((r) => r.stance === 'differs').length,
              contradicts: reports.filter((r) => r.stance === 'contradicts').length,
            },
            disputedBy: names,
          };
        }),
      ),
    };
  }
}

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function describe(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The toolbar badge: the number of claims found, empty when none. */
export function badgeText(result: ScanResult): string {
  return result.claims.length ? String(result.claims.length) : '';
}
