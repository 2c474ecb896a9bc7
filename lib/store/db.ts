// The one Dexie database of Crosscheck: every schema version is declared here, in order.
// It lives in the extension's origin (background and extension pages); content scripts ask the
// background. Functions take the database as a parameter, so tests pass a fake-indexeddb one.
import Dexie, { type Table } from 'dexie';
import type { Actor, Article, Claim, Outlet, Position, Report, Story } from '../pack/schema';
import type { FeedView, PackSigner, PackView, TrustedKeyView } from '../protocol/views';
import type { EngineCache } from '../scan/engine';

export const DB_NAME = 'crosscheck';

export type { FeedOutcome, FeedPackStatus, PackSigner, PackSource } from '../protocol/views';

/**
 * Who vouched for an installed pack, as stored: the view's, and for a feed's pack the sha256 of the
 * file it was installed from (the feed's entry; a delta gives the same pack), so that file is not
 * fetched again.
 */
export type SignerRow = Exclude<PackSigner, { kind: 'key' }> | (Extract<PackSigner, { kind: 'key' }> & { sha256: string });

/** A pack's header, as stored: the protocol's view of it, with the signer's file digest. */
export interface PackRow extends Omit<PackView, 'signer'> {
  signer: SignerRow;
}

/**
 * The highest version of a pack that a publisher's key ever installed here, kept after the pack is
 * removed (until "Delete all data"), so an older signed version is not installed again.
 */
export interface PublisherVersionRow {
  keyId: string;
  pack: string;
  version: number;
  at: string;
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

/** A subscribed feed (the URL of its feed.json) and the state of its checks. */
export interface FeedRow extends FeedView {}

/** A publisher key the reader trusts: packs signed by it may be installed from feeds. */
export interface TrustedKeyRow extends TrustedKeyView {}

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
  publisherVersions!: Table<PublisherVersionRow, [string, string]>;

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
    // Version 4: packs belong to their publisher. Each pack row gets its signer (a feed's pack
    // installed before this version: 'legacy', with the feed whose last check reported that version
    // installed, if one did); the highest version each key installed of each pack; feeds no longer
    // keep the ETag / Last-Modified their server sent (nothing a server chose is sent back), and a
    // check is no longer 'not-modified'.
    this.version(4)
      .stores({ publisherVersions: '[keyId+pack]' })
      .upgrade(async (tx) => {
        const feeds = (await tx.table('feeds').toArray()) as { url: string; lastPacks?: { id: string; installed: number | null }[] }[];
        await tx.table('packs').toCollection().modify((row: { id: string; version: number; source: string; signer?: SignerRow }) => {
          if (row.signer) return;
          if (row.source === 'bundled' || row.source === 'file') row.signer = { kind: row.source };
          else row.signer = { kind: 'legacy', feedUrl: feeds.find((f) => (f.lastPacks ?? []).some((p) => p.id === row.id && p.installed === row.version))?.url ?? null };
        });
        await tx.table('feeds').toCollection().modify((row: { validators?: unknown; lastOutcome?: string | null }) => {
          delete row.validators;
          if (row.lastOutcome === 'not-modified') row.lastOutcome = 'unchanged';
        });
      });
  }
}

/** Opens (creating if needed) the database. Pass `deps` outside a browser (fake-indexeddb in tests). */
export function openDatabase(name = DB_NAME, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): CrosscheckDb {
  return new CrosscheckDb(name, deps);
}
