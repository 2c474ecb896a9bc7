// Installing, listing and removing packs. importPack validates before it touches the database, then
// decides and writes in one transaction: whether this signer may replace the installed pack, whether
// the version is older than the installed one or than one this publisher already installed, and the
// records. So a pack that fails leaves the installed one complete and in use, and two imports at
// once cannot both pass a check made on what was installed before either wrote.
import { validatePack, type Problem } from '../pack/validate';
import type { Pack } from '../pack/schema';
import { errorText } from '../error-text';
import { packText, problemsText, sentence, type CauseDetail, type Offer } from '../sync/causes';
import { publisherProblem, rollbackProblem } from '../sync/publisher';
import type { CrosscheckDb, PackRow, PackSigner, PackSource, SignerRow } from './db';
import { buildKeyIds, highestVersion, recordVersion } from './publishers';

/**
 * What an import did. A refusal or failure has its cause (lib/sync/causes.ts; `reason` is the same
 * code) and, where the installed version was looked at, `kept`: the version still installed
 * (null: none). An invalid pack is refused before anything installed is read: no `kept`.
 * 'publisher': another signer installed the pack (`confirm`: a file import the reader may confirm).
 * 'rollback': older than a version this key installed before, even if the pack was removed since.
 */
export type ImportResult =
  | { status: 'installed'; pack: PackRow; replaced: number | null }
  | { status: 'unchanged'; pack: PackRow }
  | { status: 'refused'; reason: 'invalid'; cause: 'invalid'; problems: Problem[]; message: string }
  | { status: 'refused'; reason: 'older'; cause: 'older'; kept: number; installed: number; offered: number; message: string }
  | { status: 'refused'; reason: 'publisher'; cause: 'publisher'; kept: number; owner: PackSigner; confirm: boolean; detail: CauseDetail; message: string }
  | { status: 'refused'; reason: 'rollback'; cause: 'rollback'; kept: number | null; highest: number; offered: number; message: string }
  | { status: 'failed'; cause: 'store'; kept: number | null; message: string };

export interface ImportOptions {
  /** 'bundled': the pack that came with Crosscheck; anything else without `signer`: a file. */
  source?: PackSource;
  /** A feed's pack: the key that signed it, the feed it came from and the file's sha256. */
  signer?: { keyId: string; feedUrl: string; sha256: string };
  /** The reader confirmed replacing a pack another signer installed with this file. */
  replace?: boolean;
  /** Install whatever is installed (tests of a reader's own database). */
  force?: boolean;
  now?: () => Date;
}

const TABLES = ['outlets', 'articles', 'actors', 'claims', 'reports', 'positions'] as const;

function offerOf(opts: ImportOptions): { offer: Offer; signer: SignerRow; source: PackSource } {
  if (opts.signer) {
    const { keyId, feedUrl, sha256 } = opts.signer;
    return { offer: { kind: 'key', keyId, feedUrl }, signer: { kind: 'key', keyId, feedUrl, sha256 }, source: 'feed' };
  }
  if (opts.source === 'bundled') return { offer: { kind: 'bundled' }, signer: { kind: 'bundled' }, source: 'bundled' };
  return { offer: { kind: 'file' }, signer: { kind: 'file' }, source: 'file' };
}

export async function importPack(db: CrosscheckDb, input: unknown, opts: ImportOptions = {}): Promise<ImportResult> {
  const checked = validatePack(input);
  if (!checked.ok) {
    const problem = problemsText(checked.problems, { more: false });
    return { status: 'refused', reason: 'invalid', cause: 'invalid', problems: checked.problems, message: sentence({ cause: 'invalid', what: 'the pack', problem }) };
  }
  const pack = checked.pack;
  const p = pack.id;
  const now = (opts.now ?? (() => new Date()))();
  const { offer, signer, source } = offerOf(opts);
  let kept: number | null = null;
  try {
    return await db.transaction('rw', [db.packs, db.publisherVersions, db.trustedKeys, ...TABLES.map((t) => db[t])], async (): Promise<ImportResult> => {
      const installed = (await db.packs.get(p)) ?? null;
      kept = installed?.version ?? null;
      if (!opts.force) {
        const refusal = await decide(db, pack, installed, offer, opts.replace === true);
        if (refusal) return refusal;
      }
      const row = packRow(pack, source, now, signer);
      for (const t of TABLES) await db[t].where('pack').equals(p).delete();
      await db.outlets.bulkAdd(pack.outlets.map((o) => ({ ...o, pack: p })));
      await db.articles.bulkAdd(pack.articles.map((a) => ({ ...a, pack: p })));
      await db.actors.bulkAdd(pack.actors.map((a) => ({ ...a, pack: p })));
      await db.claims.bulkAdd(pack.claims.map((c) => ({ ...c, pack: p, actorIds: [...new Set(c.actors.map((a) => a.actor))] })));
      await db.reports.bulkAdd(pack.reports.map((r) => ({ ...r, pack: p })));
      await db.positions.bulkAdd(pack.positions.map((x, seq) => ({ ...x, pack: p, seq })));
      await db.packs.put(row);
      if (offer.kind === 'key') await recordVersion(db, offer.keyId, p, pack.version, now);
      return { status: 'installed', pack: row, replaced: kept };
    });
  } catch (e) {
    return { status: 'failed', cause: 'store', kept, message: packText({ cause: 'store', action: 'write', error: errorText(e, { withName: true }) }, kept) };
  }
}

/**
 * What importPack would answer without installing: a refusal, 'unchanged', or null (it would
 * install). For asking the reader before a file replaces another signer's pack.
 */
export async function checkImport(db: CrosscheckDb, pack: Pack, opts: ImportOptions = {}): Promise<ImportResult | null> {
  const { offer } = offerOf(opts);
  return db.transaction('r', [db.packs, db.publisherVersions, db.trustedKeys], async () =>
    decide(db, pack, (await db.packs.get(pack.id)) ?? null, offer, opts.replace === true),
  );
}

/**
 * Inside importPack's transaction: why this offer is not installed, or null. A feed's key first by
 * who installed the pack (another publisher's), then by version: older than this key installed
 * before (when the installed version does not settle it), then the installed one. The bundled pack
 * and files by version first (an older file is refused without asking), then by who installed it.
 */
async function decide(db: CrosscheckDb, pack: Pack, installed: PackRow | null, offer: Offer, confirmed: boolean): Promise<ImportResult | null> {
  const owner = async () => {
    const why = publisherProblem(installed, offer, await buildKeyIds(db), confirmed);
    if (!why || !installed || why.cause !== 'publisher') return null;
    return { status: 'refused', reason: 'publisher', cause: 'publisher', kept: installed.version, owner: why.owner, confirm: offer.kind === 'file', detail: why, message: packText(why, installed.version) } as const;
  };
  const version = (): ImportResult | null => {
    if (!installed) return null;
    if (installed.version === pack.version) return { status: 'unchanged', pack: installed };
    if (installed.version < pack.version) return null;
    return {
      status: 'refused', reason: 'older', cause: 'older', kept: installed.version, installed: installed.version, offered: pack.version,
      message: packText({ cause: 'older', form: 'file', offered: pack.version, installed: installed.version }, installed.version),
    };
  };
  if (offer.kind !== 'key') return version() ?? (await owner());
  const other = await owner();
  if (other) return other;
  const highest = await highestVersion(db, offer.keyId, pack.id);
  const kept = installed?.version ?? null;
  const replay = rollbackProblem(pack.version, highest, offer.keyId, kept);
  if (replay && highest !== null)
    return { status: 'refused', reason: 'rollback', cause: 'rollback', kept, highest, offered: pack.version, message: packText(replay, kept) };
  return version();
}

/** The row a pack gets in the `packs` table (its header and record counts). */
export function packRow(pack: Pack, source: PackSource, now: Date, signer: SignerRow = source === 'bundled' ? { kind: 'bundled' } : { kind: 'file' }): PackRow {
  return {
    id: pack.id,
    version: pack.version,
    title: pack.title,
    publisher: pack.publisher,
    createdAt: pack.createdAt,
    stories: pack.stories,
    source,
    signer,
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
