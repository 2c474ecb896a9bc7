// The one Dexie database of Crosscheck: every schema version is declared here, in order.
// It lives in the extension's origin (background and extension pages); content scripts ask the
// background. Functions take the database as a parameter, so tests pass a fake-indexeddb one.
import Dexie, { type Table } from 'dexie';
import type { Actor, Article, Claim, Outlet, Position, Report, Story } from '../pack/schema';
import type { EngineCache } from '../scan/engine';

export const DB_NAME = 'crosscheck';

export type PackSource = 'bundled' | 'feed' | 'file';

export interface PackRow {
  id: string;
  version: number;
  title: string;
  publisher: string;
  createdAt: string;
  stories: Story[];
  source: PackSource;
  installedAt: string;
  counts: { outlets: number; articles: number; actors: number; claims: number; reports: number; positions: number };
}

/** Every record row carries the id of the pack it came from. */
export type InPack<T> = T & { pack: string };
export type OutletRow = InPack<Outlet>;
export type ArticleRow = InPack<Article>;
export type ActorRow = InPack<Actor>;
export type ClaimRow = InPack<Claim> & { actorIds: string[] };
export type ReportRow = InPack<Report>;
export type PositionRow = InPack<Position> & { seq: number };
export interface SettingRow {
  key: string;
  value: unknown;
}

/** What the last check of a feed came to (lib/sync/update.ts FeedStatus). */
export type FeedOutcome = 'updated' | 'unchanged' | 'not-modified' | 'refused' | 'failed';

/** One pack's part of a feed's last check, for the options page. */
export interface FeedPackStatus {
  id: string;
  title: string;
  status: 'updated' | 'unchanged' | 'refused' | 'failed' | 'skipped';
  message: string;
  offered: number;
  installed: number | null;
}

/** A subscribed feed (the URL of its feed.json) and the state of its checks. */
export interface FeedRow {
  url: string;
  addedAt: string;
  /** ETag / Last-Modified of the last feed.json that settled every pack (sent back next time). */
  validators: { etag?: string; lastModified?: string };
  /** Consecutive checks that ended in a retryable failure (drives the backoff). */
  failures: number;
  /** When the next scheduled check is due (ISO); null: as soon as possible. */
  nextCheckAt: string | null;
  lastCheckedAt: string | null;
  /** When a check last installed a newer pack from this feed. */
  lastUpdatedAt: string | null;
  /** The last check's outcome in plain language ("Signature does not match ...; kept version 3"). */
  lastMessage: string | null;
  lastOutcome: FeedOutcome | null;
  lastPacks: FeedPackStatus[];
}

/** A publisher key the reader trusts: packs signed by it may be installed from feeds. */
export interface TrustedKeyRow {
  /** First 16 hex digits of sha256 of the raw key (docs/feed-format.md#keys). */
  keyId: string;
  /** The public.key line: `crosscheck-ed25519-public <base64>`. */
  key: string;
  label: string;
  /** 'build': named by CROSSCHECK_TRUSTED_KEYS when the extension was built; 'user': added in the options. */
  source: 'build' | 'user';
  addedAt: string;
}

/** The compiled scanning engine, keyed by the installed packs it was compiled from (`id@version|...`). */
export interface EngineCacheRow {
  key: string;
  cache: EngineCache;
  savedAt: string;
}

export class CrosscheckDb extends Dexie {
  packs!: Table<PackRow, string>;
  outlets!: Table<OutletRow, [string, string]>;
  articles!: Table<ArticleRow, [string, string]>;
  actors!: Table<ActorRow, [string, string]>;
  claims!: Table<ClaimRow, [string, string]>;
  reports!: Table<ReportRow, [string, string, string]>;
  positions!: Table<PositionRow, [string, number]>;
  settings!: Table<SettingRow, string>;
  feeds!: Table<FeedRow, string>;
  trustedKeys!: Table<TrustedKeyRow, string>;
  engineCache!: Table<EngineCacheRow, string>;

  constructor(name: string, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }) {
    super(name, deps);
    // Version 1. A later version is added below it with its upgrade(), never by editing this one.
    this.version(1).stores({
      packs: 'id',
      outlets: '[pack+id], pack',
      articles: '[pack+id], pack',
      actors: '[pack+id], pack, id',
      claims: '[pack+id], pack, *actorIds',
      reports: '[pack+claim+article], pack, [pack+claim], [pack+article]',
      positions: '[pack+seq], pack, [pack+claim]',
    });
    // Version 2: the reader's settings (sites turned off), as key-value rows.
    this.version(2).stores({ settings: 'key' });
    // Version 3: pack sync (subscribed feeds and trusted publisher keys) and the compiled engine's
    // cache, so a woken service worker restores it instead of recompiling. New tables only.
    this.version(3).stores({ feeds: 'url', trustedKeys: 'keyId', engineCache: 'key' });
  }
}

/** Opens (creating if needed) the database. Pass `deps` outside a browser (fake-indexeddb in tests). */
export function openDatabase(name = DB_NAME, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): CrosscheckDb {
  return new CrosscheckDb(name, deps);
}
