// The one Dexie database of Crosscheck: every schema version is declared here, in order.
// It lives in the extension's origin (background and extension pages); content scripts ask the
// background. Functions take the database as a parameter, so tests pass a fake-indexeddb one.
import Dexie, { type Table } from 'dexie';
import type { Actor, Article, Claim, Outlet, Position, Report, Story } from '../pack/schema';

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

export class CrosscheckDb extends Dexie {
  packs!: Table<PackRow, string>;
  outlets!: Table<OutletRow, [string, string]>;
  articles!: Table<ArticleRow, [string, string]>;
  actors!: Table<ActorRow, [string, string]>;
  claims!: Table<ClaimRow, [string, string]>;
  reports!: Table<ReportRow, [string, string, string]>;
  positions!: Table<PositionRow, [string, number]>;
  settings!: Table<SettingRow, string>;

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
  }
}

/** Opens (creating if needed) the database. Pass `deps` outside a browser (fake-indexeddb in tests). */
export function openDatabase(name = DB_NAME, deps?: { indexedDB: IDBFactory; IDBKeyRange: typeof IDBKeyRange }): CrosscheckDb {
  return new CrosscheckDb(name, deps);
}
