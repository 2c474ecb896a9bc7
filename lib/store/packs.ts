// Installing, listing and removing packs. importPack validates before it touches the database and
// writes in one transaction, so a pack that fails leaves the installed one complete and in use.
import { formatProblem, validatePack, type Problem } from '../pack/validate';
import type { Pack } from '../pack/schema';
import type { CrosscheckDb, PackRow, PackSource } from './db';

export type ImportResult =
  | { status: 'installed'; pack: PackRow; replaced: number | null }
  | { status: 'unchanged'; pack: PackRow }
  | { status: 'refused'; reason: 'invalid'; problems: Problem[]; message: string }
  | { status: 'refused'; reason: 'older'; installed: number; offered: number; message: string }
  | { status: 'failed'; message: string };

export interface ImportOptions {
  source?: PackSource;
  /** Install even when the installed version is newer (a user's explicit choice). */
  force?: boolean;
  now?: () => Date;
}

const TABLES = ['outlets', 'articles', 'actors', 'claims', 'reports', 'positions'] as const;

export async function importPack(db: CrosscheckDb, input: unknown, opts: ImportOptions = {}): Promise<ImportResult> {
  const checked = validatePack(input);
  if (!checked.ok) {
    const first = checked.problems.slice(0, 3).map(formatProblem).join('; ');
    return { status: 'refused', reason: 'invalid', problems: checked.problems, message: `The pack is not valid: ${first}` };
  }
  const pack = checked.pack;
  const installed = await db.packs.get(pack.id);
  if (installed && installed.version === pack.version && !opts.force) return { status: 'unchanged', pack: installed };
  if (installed && installed.version > pack.version && !opts.force)
    return {
      status: 'refused',
      reason: 'older',
      installed: installed.version,
      offered: pack.version,
      message: `Version ${pack.version} is older than the installed version ${installed.version}; kept version ${installed.version}`,
    };
  const row = packRow(pack, opts.source ?? installed?.source ?? 'file', (opts.now ?? (() => new Date()))());
  const p = pack.id;
  try {
    await db.transaction('rw', [db.packs, ...TABLES.map((t) => db[t])], async () => {
      for (const t of TABLES) await db[t].where('pack').equals(p).delete();
      await db.outlets.bulkAdd(pack.outlets.map((o) => ({ ...o, pack: p })));
      await db.articles.bulkAdd(pack.articles.map((a) => ({ ...a, pack: p })));
      await db.actors.bulkAdd(pack.actors.map((a) => ({ ...a, pack: p })));
      await db.claims.bulkAdd(pack.claims.map((c) => ({ ...c, pack: p, actorIds: [...new Set(c.actors.map((a) => a.actor))] })));
      await db.reports.bulkAdd(pack.reports.map((r) => ({ ...r, pack: p })));
      await db.positions.bulkAdd(pack.positions.map((x, seq) => ({ ...x, pack: p, seq })));
      await db.packs.put(row);
    });
  } catch (e) {
    const reason = e instanceof Error ? `${e.name}: ${e.message}` : String(e);
    const kept = installed ? `kept version ${installed.version}` : 'nothing was installed';
    return { status: 'failed', message: `Could not store the pack (${reason}); ${kept}` };
  }
  return { status: 'installed', pack: row, replaced: installed?.version ?? null };
}

/** The row a pack gets in the `packs` table (its header and record counts). */
export function packRow(pack: Pack, source: PackSource, now: Date): PackRow {
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    publisher: pack.publisher,
    createdAt: pack.createdAt,
    stories: pack.stories,
    source,
    installedAt: now.toISOString(),
    counts: {
      outlets: pack.outlets.length,
      articles: pack.articles.length,
      actors: pack.actors.length,
      claims: pack.claims.length,
      reports: pack.reports.length,
      positions: pack.positions.length,
    },
  };
}

/** Installed packs, by title. */
export async function listPacks(db: CrosscheckDb): Promise<PackRow[]> {
  return (await db.packs.toArray()).sort((a, b) => a.title.localeCompare(b.title) || a.id.localeCompare(b.id));
}

export async function removePack(db: CrosscheckDb, id: string): Promise<boolean> {
  return db.transaction('rw', [db.packs, ...TABLES.map((t) => db[t])], async () => {
    const had = (await db.packs.get(id)) !== undefined;
    for (const t of TABLES) await db[t].where('pack').equals(id).delete();
    await db.packs.delete(id);
    return had;
  });
}

/**
 * Installs the pack shipped inside the extension on first run, and again when the extension
 * update ships a newer version; a newer pack already installed (from a feed) is kept.
 */
export async function installBundledPack(db: CrosscheckDb, pack: unknown): Promise<ImportResult> {
  return importPack(db, pack, { source: 'bundled' });
}

/** Every installed pack read back whole, for the scanning engine (in listPacks' order). */
export async function loadPacks(db: CrosscheckDb): Promise<Pack[]> {
  return db.transaction('r', [db.packs, ...TABLES.map((t) => db[t])], async () => {
    const rows = await listPacks(db);
    return Promise.all(rows.map((row) => readPack(db, row)));
  });
}

/** One installed pack read back whole (the base of a delta, an export), or null. */
export async function loadPack(db: CrosscheckDb, id: string): Promise<Pack | null> {
  return db.transaction('r', [db.packs, ...TABLES.map((t) => db[t])], async () => {
    const row = await db.packs.get(id);
    return row ? readPack(db, row) : null;
  });
}

async function readPack(db: CrosscheckDb, row: PackRow): Promise<Pack> {
  const strip = <T extends { pack: string }>(x: T): Omit<T, 'pack'> => {
    const { pack: _pack, ...rest } = x;
    return rest;
  };
  const [outlets, articles, actors, claims, reports, positions] = await Promise.all([
    db.outlets.where('pack').equals(row.id).toArray(),
    db.articles.where('pack').equals(row.id).toArray(),
    db.actors.where('pack').equals(row.id).toArray(),
    db.claims.where('pack').equals(row.id).toArray(),
    db.reports.where('pack').equals(row.id).toArray(),
    db.positions.where('pack').equals(row.id).sortBy('seq'),
  ]);
  return {
    format: 1 as const,
    id: row.id,
    version: row.version,
    createdAt: row.createdAt,
    publisher: row.publisher,
    title: row.title,
    stories: row.stories,
    outlets: outlets.map(strip),
    articles: articles.map(strip),
    actors: actors.map(strip),
    claims: claims.map(({ actorIds: _a, ...c }) => strip(c)),
    reports: reports.map(strip),
    positions: positions.map(({ seq: _s, ...p }) => strip(p)),
  };
}
