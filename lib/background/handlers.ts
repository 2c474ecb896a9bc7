// The background's answer to each request of the protocol: one handler per request type. The
// table is typed by the protocol, so a request without a handler (or a handler answering the wrong
// shape) does not compile; tests/unit/architecture.test.ts checks the same at run time.
import type { Fail, Replies, Request, RequestType } from '../protocol';
import type { ScanResult } from '../scan/engine';
import { siteInput, siteOf } from '../protocol';
import { addFeed, listFeeds, removeFeed, rescheduleFeeds } from '../store/feeds';
import { addTrustedKeys, listTrustedKeys, removeTrustedKey } from '../store/keys';
import { listPacks } from '../store/packs';
import { disabledSites, isSiteEnabled, setSettings, setSiteEnabled } from '../store/settings';
import { feedView, keyView, packView } from '../store/views';
import { errorText } from '../error-text';
import { actorCard } from './actor-cards';
import type { BackgroundContext, Sender } from './context';
import { deleteAllData } from './erase';
import { bundledStates } from './bundled';
import { exportPacks, importFile, removeInstalledPack, restoreBundled } from './pack-admin';

export type Handler<K extends RequestType> = (req: Extract<Request, { type: K }>, ctx: BackgroundContext, sender: Sender) => Promise<Replies[K] | Fail>;
export type Handlers = { [K in RequestType]: Handler<K> };

const EMPTY: ScanResult = { actors: [], claims: [], stats: { chars: 0, sentences: 0, sentencesScored: 0 } };
const HOUR = 3_600_000;
/** Lets the worker's other work (another tab's scan, a message) run before this one goes on. */
const nextTurn = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** The toolbar badge: the number of claims found, empty when none. */
export function badgeText(result: ScanResult): string {
  return result.claims.length ? String(result.claims.length) : '';
}

export const handlers: Handlers = {
  async scan(req, ctx, sender) {
    if (sender.tabId === undefined) return { ok: false, error: 'scan requests come from a tab' };
    const display = await ctx.settings.display();
    const host = siteOf(req.url);
    if (!host || !(await isSiteEnabled(ctx.db, host))) {
      ctx.tabs.scanned(sender.tabId, sender.frameId ?? 0, { url: req.url, result: EMPTY, siteOff: true });
      ctx.deps.setBadge(sender.tabId, '', false);
      return { ok: true, result: EMPTY, siteOff: true, display };
    }
    const { engine } = await ctx.engine.get();
    // In slices: one tab's huge page does not hold up another tab's scan until it ends.
    const result = await engine.scanTextSliced(req.text, { lang: req.lang }, nextTurn);
    ctx.tabs.scanned(sender.tabId, sender.frameId ?? 0, { url: req.url, result }, req.part);
    const page = ctx.tabs.summary(sender.tabId)!;
    ctx.deps.setBadge(sender.tabId, badgeText(page.result), page.result.claims.some((c) => c.verdict === 'contradicted'));
    return { ok: true, result, display };
  },
  'page-summary': async (req, ctx) => ({ ok: true, summary: await ctx.tabs.summaryOf(req.tabId) }),
  'actor-card': async (req, ctx) => ({ ok: true, card: await actorCard(ctx.db, req.pack, req.actor) }),
  async site(req, ctx) {
    const host = siteOf((await ctx.tabs.summaryOf(req.tabId))?.url ?? '');
    return { ok: true, host, enabled: host ? await isSiteEnabled(ctx.db, host) : false };
  },
  async 'set-site'(req, ctx) {
    const site = siteInput(req.host);
    if (!site.ok) return { ok: false, error: site.message };
    await setSiteEnabled(ctx.db, site.host, req.enabled);
    return { ok: true };
  },
  sites: async (_req, ctx) => ({ ok: true, sites: await disabledSites(ctx.db) }),
  diagnostics: async (_req, ctx) => ({ ok: true, ...(ctx.deps.diagnostics?.() ?? { dropped: { sender: 0, malformed: 0, 'not-allowed': 0 }, since: ctx.now().toISOString() }) }),
  'delete-all-data': async (_req, ctx) => ({ ok: true, message: await deleteAllData(ctx) }),
  settings: async (_req, ctx) => ({ ok: true, settings: await ctx.settings.get() }),
  async 'set-settings'(req, ctx) {
    const { type: _t, ...change } = req;
    const before = await ctx.settings.get();
    const r = await setSettings(ctx.db, change);
    ctx.settings.forget();
    if (!r.ok) return { ok: false, error: r.message };
    if (r.settings.checkIntervalHours !== before.checkIntervalHours) {
      await rescheduleFeeds(ctx.db, { intervalMs: r.settings.checkIntervalHours * HOUR, now: ctx.now(), random: ctx.deps.random });
      await ctx.sync.scheduleNext();
    }
    return { ok: true, settings: r.settings };
  },
  'update-now': async (_req, ctx) => ({ ok: true, results: await ctx.sync.checkFeeds('all') }),
  feeds: async (_req, ctx) => ({ ok: true, feeds: (await listFeeds(ctx.db)).map(feedView), checking: ctx.sync.busy }),
  async subscribe(req, ctx) {
    const r = await addFeed(ctx.db, req.url, ctx.now());
    if (r.status === 'refused') return { ok: false, error: r.message };
    if (r.status === 'added') {
      ctx.deps.notifyPages?.({ type: 'feeds-changed' });
      // Check the new feed now, in the background; "Update now" waits for it.
      ctx.sync.checkFeeds('due').catch((e) => ctx.log('warn', `feed check failed: ${errorText(e)}`));
    }
    return { ok: true, feed: feedView(r.feed), existed: r.status === 'exists' };
  },
  async unsubscribe(req, ctx) {
    const had = await removeFeed(ctx.db, req.url);
    ctx.deps.notifyPages?.({ type: 'feeds-changed' });
    await ctx.sync.scheduleNext();
    return {
      ok: true,
      message: had ? `Unsubscribed from ${req.url}. The packs it installed stay installed (remove them under Packs).` : `You were not subscribed to ${req.url}`,
    };
  },
  packs: async (_req, ctx) => ({ ok: true, packs: (await listPacks(ctx.db)).map(packView), bundled: await bundledStates(ctx.db, ctx.deps.bundledPacks) }),
  'import-pack': async (req, ctx) => ({ ok: true, ...(await importFile(ctx, req.text, req.name, req.replace === true)) }),
  'remove-pack': async (req, ctx) => ({ ok: true, message: await removeInstalledPack(ctx, req.id) }),
  'restore-bundled': async (_req, ctx) => ({ ok: true, message: await restoreBundled(ctx) }),
  'export-packs': (req, ctx) => exportPacks(ctx, req.id),
  keys: async (_req, ctx) => ({ ok: true, keys: (await listTrustedKeys(ctx.db)).map(keyView) }),
  async 'add-key'(req, ctx) {
    const r = await addTrustedKeys(ctx.db, req.text, { label: req.label, source: 'user', now: ctx.now() });
    return { ok: true, ...r, added: r.added.map(keyView) };
  },
  async 'remove-key'(req, ctx) {
    const had = await removeTrustedKey(ctx.db, req.keyId);
    return {
      ok: true,
      message: had ? `Key ${req.keyId} is no longer trusted: packs signed with it will not be installed from feeds. Installed packs stay.` : `Key ${req.keyId} was not trusted`,
    };
  },
};
