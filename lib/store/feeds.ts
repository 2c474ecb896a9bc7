// Subscribed pack feeds and the state of their checks. Pure functions over the database; the
// background (lib/background/feed-sync.ts) runs the checks (lib/sync/update.ts) and records them here.
import type { FeedUpdateResult } from '../sync/update';
import { nextCheckDelay } from '../sync/update';
import type { CrosscheckDb, FeedRow } from './db';
import { feedUrlInput } from '../protocol/inputs';

/** The most feeds a reader may subscribe to. */
export const MAX_FEEDS = 100;

export async function listFeeds(db: CrosscheckDb): Promise<FeedRow[]> {
  return (await db.feeds.toArray()).sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.url.localeCompare(b.url));
}

export function newFeedRow(url: string, now: Date): FeedRow {
  return {
    url,
    addedAt: now.toISOString(),
    failures: 0,
    nextCheckAt: null,
    lastCheckedAt: null,
    lastUpdatedAt: null,
    lastMessage: null,
    lastOutcome: null,
    lastPacks: [],
  };
}

export type AddFeedResult = { status: 'added' | 'exists'; feed: FeedRow } | { status: 'refused'; message: string };

/** Subscribes to a feed (due for a check at once). Subscribing twice keeps the first row. */
export async function addFeed(db: CrosscheckDb, text: string, now = new Date()): Promise<AddFeedResult> {
  const input = feedUrlInput(text);
  if (!input.ok) return { status: 'refused', message: input.message };
  return db.transaction('rw', db.feeds, async () => {
    const existing = await db.feeds.get(input.url);
    if (existing) return { status: 'exists' as const, feed: existing };
    if ((await db.feeds.count()) >= MAX_FEEDS) return { status: 'refused' as const, message: `You already follow ${MAX_FEEDS} feeds, the most Crosscheck keeps` };
    const feed = newFeedRow(input.url, now);
    await db.feeds.add(feed);
    return { status: 'added' as const, feed };
  });
}

export async function removeFeed(db: CrosscheckDb, url: string): Promise<boolean> {
  return db.transaction('rw', db.feeds, async () => {
    const had = (await db.feeds.get(url)) !== undefined;
    await db.feeds.delete(url);
    return had;
  });
}

/** Feeds whose next check is due at `now` (never checked, or their time has come). */
export function dueFeeds(feeds: FeedRow[], now: Date): FeedRow[] {
  return feeds.filter((f) => f.nextCheckAt === null || Date.parse(f.nextCheckAt) <= now.getTime());
}

/** When the next scheduled check of any feed is due (ms since the epoch), or null with no feeds. */
export function nextDue(feeds: FeedRow[], now: Date): number | null {
  if (feeds.length === 0) return null;
  return Math.min(...feeds.map((f) => (f.nextCheckAt === null ? now.getTime() : Date.parse(f.nextCheckAt))));
}

export interface RecordOptions {
  intervalMs: number;
  now?: Date;
  random?: () => number;
}

/**
 * Records a check's result on the feed's row: the message and outcome, the failure count (reset by anything but a retryable failure) and when the next check is
 * due (the interval with jitter, or the backoff after failures). Does nothing if the reader
 * unsubscribed meanwhile.
 */
export async function recordCheck(db: CrosscheckDb, result: FeedUpdateResult, opts: RecordOptions): Promise<FeedRow | null> {
  const now = opts.now ?? new Date();
  return db.transaction('rw', db.feeds, async () => {
    const row = await db.feeds.get(result.feedUrl);
    if (!row) return null;
    const failures = result.retry === 'backoff' ? row.failures + 1 : 0;
    const delay = nextCheckDelay({ intervalMs: opts.intervalMs, failures, random: opts.random, retryAfterMs: result.retryAfterMs });
    const updated: FeedRow = {
      ...row,
      failures,
      nextCheckAt: new Date(now.getTime() + delay).toISOString(),
      lastCheckedAt: result.checkedAt,
      lastUpdatedAt: result.status === 'updated' || result.packs.some((p) => p.status === 'updated') ? result.checkedAt : row.lastUpdatedAt,
      lastMessage: result.message,
      lastOutcome: result.status,
      lastPacks: result.packs.map((p) => ({ id: p.id, title: p.title, status: p.status, message: p.message, offered: p.offered, installed: p.installed })),
    };
    await db.feeds.put(updated);
    return updated;
  });
}

/**
 * After the reader changes the update interval: each feed that is not backing off after failures
 * is next due one new interval (with jitter) after its last check, or now if that has passed.
 */
export async function rescheduleFeeds(db: CrosscheckDb, opts: RecordOptions): Promise<void> {
  const now = opts.now ?? new Date();
  await db.transaction('rw', db.feeds, async () => {
    for (const row of await db.feeds.toArray()) {
      if (row.failures > 0 || row.lastCheckedAt === null) continue;
      const at = Date.parse(row.lastCheckedAt) + nextCheckDelay({ intervalMs: opts.intervalMs, failures: 0, random: opts.random });
      await db.feeds.put({ ...row, nextCheckAt: new Date(Math.max(at, now.getTime())).toISOString() });
    }
  });
}
