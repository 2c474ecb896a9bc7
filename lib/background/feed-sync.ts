// Pack sync: checks the subscribed feeds (all for "Update now", the due ones for the alarm), one
// download at a time, installs what verifies (under the install lock, with the key that signed it
// and the feed it came from), records each feed's outcome and schedules the next check. The
// verified update of one feed is lib/sync/update.ts.
import { errorText } from '../error-text';
import type { FeedCheck } from '../protocol';
import type { CrosscheckDb, FeedRow } from '../store/db';
import { dueFeeds, listFeeds, nextDue, recordCheck } from '../store/feeds';
import { trustedPublicKeys } from '../store/keys';
import { importPack, loadPack } from '../store/packs';
import { admitOffer } from '../store/publishers';
import { unreachableHint } from '../sync/causes';
import { updateFeed } from '../sync/update';
import type { BackgroundDeps } from './deps';
import type { EngineHost } from './engine-host';
import type { InstallLock } from './install-lock';
import type { ProgressReporter } from './progress';
import type { SettingsCache } from './reading-settings';

const HOUR = 3_600_000;

interface SyncParts {
  deps: BackgroundDeps;
  db: CrosscheckDb;
  now(): Date;
  log(level: 'info' | 'warn', message: string): void;
  engine: EngineHost;
  settings: SettingsCache;
  progress: ProgressReporter;
  installs: InstallLock;
}

export class FeedSync {
  private checking: { all: boolean; promise: Promise<FeedCheck[]> } | null = null;

  constructor(private readonly p: SyncParts) {}

  /** Whether a check is running now. */
  get busy(): boolean {
    return this.checking !== null;
  }

  /** Waits until no check is running (one that starts meanwhile is waited for too). */
  async idle(): Promise<void> {
    while (this.checking) await this.checking.promise.catch(() => {});
  }

  /** Called when the scheduled alarm fires: checks the feeds that are due. Never throws. */
  async onAlarm(): Promise<FeedCheck[]> {
    try {
      return await this.checkFeeds('due');
    } catch (e) {
      this.p.log('warn', `scheduled feed check failed: ${errorText(e)}`);
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

  /** Sets the wake-up for the next due feed (or none). */
  async scheduleNext(): Promise<void> {
    if (!this.p.deps.scheduleCheck) return;
    this.p.deps.scheduleCheck(nextDue(await listFeeds(this.p.db), this.p.now()));
  }

  /** The check interval in ms, from the reader's settings. */
  async intervalMs(): Promise<number> {
    return (await this.p.settings.get()).checkIntervalHours * HOUR;
  }

  private async runChecks(mode: 'all' | 'due'): Promise<FeedCheck[]> {
    const { db, deps, log } = this.p;
    const feeds = await listFeeds(db);
    const todo = mode === 'all' ? feeds : dueFeeds(feeds, this.p.now());
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
          log('warn', `feed check of ${feed.url} failed: ${errorText(e)}`);
          results.push({ feedUrl: feed.url, status: 'failed', cause: 'store', message: `Could not check the feed (${errorText(e)}); the installed packs are unchanged`, packs: [] });
        }
        deps.notifyPages?.({ type: 'feeds-changed' });
      }
    } finally {
      if (changed) await this.p.engine.packsChanged();
      await this.scheduleNext().catch((e) => log('warn', `feed check not scheduled: ${errorText(e)}`));
    }
    return results;
  }

  private async checkFeed(feed: FeedRow): Promise<{ check: FeedCheck; changed: boolean }> {
    const { db, deps, progress } = this.p;
    // Only for the words of a failure: the feed is read the same way with or without it.
    const permitted = (await deps.hasHostPermission?.(feed.url).catch(() => false)) ?? true;
    let changed = false;
    let downloaded = { url: feed.url, bytes: 0 };
    const result = await updateFeed(feed.url, {
      fetch: deps.fetch,
      trustedKeys: await trustedPublicKeys(db),
      crosscheckVersion: deps.crosscheckVersion ?? '0.1.0',
      limits: deps.limits,
      now: () => this.p.now(),
      installed: async (id) => {
        const row = await db.packs.get(id);
        if (!row) return null;
        return {
          version: row.version,
          title: row.title,
          signer: row.signer,
          sha256: row.signer.kind === 'key' ? row.signer.sha256 : null,
          pack: async () => {
            const p = await loadPack(db, id);
            if (!p) throw new Error('it was removed meanwhile');
            return p;
          },
        };
      },
      admit: (offer) => admitOffer(db, { ...offer, feedUrl: feed.url }),
      install: async (pack, signer) => {
        progress.report({ type: 'sync-progress', url: downloaded.url, what: 'pack', phase: 'import', received: downloaded.bytes, total: downloaded.bytes });
        const r = await this.p.installs.run(() => importPack(db, pack, { signer: { ...signer, feedUrl: feed.url }, now: () => this.p.now() }));
        if (r.status === 'installed') {
          changed = true;
          // Scans from now on use the new pack (the engine is rebuilt and cached after the check).
          this.p.engine.reload();
        }
        return r;
      },
      onProgress: (p) => {
        if (p.what !== 'feed') downloaded = { url: p.url, bytes: p.received };
        progress.report({ type: 'sync-progress', url: p.url, what: p.what, phase: 'download', received: p.received, total: p.total });
      },
    });
    let message = result.message;
    if (result.status === 'failed' && result.packs.length === 0 && result.cause === 'network' && !permitted) message += unreachableHint(new URL(feed.url).host);
    const recorded = await recordCheck(db, { ...result, message }, { intervalMs: await this.intervalMs(), now: this.p.now(), random: deps.random });
    progress.clear();
    return { changed, check: { feedUrl: feed.url, status: result.status, message, ...(result.cause ? { cause: result.cause } : {}), packs: recorded?.lastPacks ?? [] } };
  }
}
