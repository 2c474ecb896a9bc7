import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Pack } from '../../lib/pack/schema';
import { openDatabase, type CrosscheckDb } from '../../lib/store/db';
import { importPack, installBundledPack, listPacks, removePack } from '../../lib/store/packs';
import { allAliases, claimsForActor, getActor, getClaim, positionsForClaim, reportsForClaim } from '../../lib/store/queries';
import { bundledPack } from '../helpers/corpus';

const PACK = 'putin-residence-claim-2025-12';
let db: CrosscheckDb;
let n = 0;
beforeEach(() => {
  db = openDatabase(`test-${n++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
});

const withVersion = (version: number, edit?: (p: Pack) => void): Pack => {
  const p = bundledPack();
  p.version = version;
  edit?.(p);
  return p;
};

describe('the pack store', () => {
  it('installs the bundled pack and answers the queries the UI needs', async () => {
    const pack = bundledPack();
    const r = await installBundledPack(db, pack);
    expect(r.status).toBe('installed');

    const [row] = await listPacks(db);
    expect(row).toMatchObject({ id: PACK, version: pack.version, title: pack.title, source: 'bundled' });
    expect(row.counts).toEqual({ outlets: 5, articles: 5, actors: pack.actors.length, claims: pack.claims.length, reports: pack.reports.length, positions: pack.positions.length });

    expect((await getActor(db, PACK, 'zelensky'))?.name).toBe('Volodymyr Zelensky');
    expect((await getClaim(db, PACK, 'drone-attack'))?.text).toMatch(/91 drones/);

    const aliases = await allAliases(db);
    expect(aliases.filter((a) => a.actor === 'zelensky').map((a) => a.text)).toEqual(expect.arrayContaining(['Zelenskiy', 'Zelenskyy', 'Зеленский', 'Зеленський']));
    expect(aliases.find((a) => a.text === 'Donald')).toMatchObject({ actor: 'trump', safeAlone: false });

    const lavrovClaims = (await claimsForActor(db, PACK, 'lavrov')).map((c) => c.id);
    expect(lavrovClaims).toEqual(expect.arrayContaining(['drone-attack', 'retaliation', 'lavrov-ria-interview']));
    expect(lavrovClaims).not.toContain('zelensky-distrust');

    const reports = await reportsForClaim(db, PACK, 'residence-location');
    expect(reports).toHaveLength(5);
    const rferl = reports.find((r) => r.outletRecord?.name === 'RFE/RL');
    expect(rferl).toMatchObject({ stance: 'differs', articleRecord: { file: '004_375e9cc063c52058.txt' } });
    expect(rferl?.articleRecord).not.toHaveProperty('text');

    const positions = await positionsForClaim(db, PACK, 'drone-attack');
    expect(positions.map((p) => `${p.actor}:${p.position}`)).toEqual(expect.arrayContaining(['lavrov:asserts', 'zelensky:denies', 'trump:questions']));
  });

  it('re-importing the same version changes nothing; an older one is refused unless forced', async () => {
    await importPack(db, withVersion(3));
    const before = await listPacks(db);
    expect((await importPack(db, withVersion(3))).status).toBe('unchanged');
    expect(await listPacks(db)).toEqual(before);

    const older = await importPack(db, withVersion(2));
    expect(older).toMatchObject({ status: 'refused', reason: 'older', installed: 3, offered: 2 });
    expect((await listPacks(db))[0].version).toBe(3);

    expect((await importPack(db, withVersion(2), { force: true })).status).toBe('installed');
    expect((await listPacks(db))[0].version).toBe(2);
  });

  it('a newer version replaces the old records completely', async () => {
    await importPack(db, withVersion(1));
    const r = await importPack(db, withVersion(2, (p) => {
      p.claims = p.claims.filter((c) => c.id !== 'valdai-compound');
      p.reports = p.reports.filter((x) => x.claim !== 'valdai-compound');
    }));
    expect(r).toMatchObject({ status: 'installed', replaced: 1 });
    expect(await getClaim(db, PACK, 'valdai-compound')).toBeUndefined();
    expect(await db.reports.where('[pack+claim]').equals([PACK, 'valdai-compound']).count()).toBe(0);
    expect(await db.claims.count()).toBe(bundledPack().claims.length - 1);
  });

  it('a pack that fails validation leaves the installed pack complete and in use', async () => {
    await importPack(db, withVersion(1));
    const counts = (await listPacks(db))[0].counts;
    const r = await importPack(db, withVersion(2, (p) => (p.reports[0].article = 'missing-article')));
    expect(r).toMatchObject({ status: 'refused', reason: 'invalid' });
    expect(r.status === 'refused' && r.message).toMatch(/reports\[0\]\.article: unknown article "missing-article"/);
    expect((await listPacks(db))[0]).toMatchObject({ version: 1, counts });
    expect(await db.reports.count()).toBe(counts.reports);
  });

  it('a pack that fails half-way through the import leaves the installed pack complete and in use', async () => {
    await importPack(db, withVersion(1));
    const counts = (await listPacks(db))[0].counts;
    // The write of the last table fails (as a full disk or a quota error would).
    db.positions.hook('creating', () => {
      throw new Error('QuotaExceededError: the disk is full');
    });
    const r = await importPack(db, withVersion(2));
    expect(r.status).toBe('failed');
    expect(r.status === 'failed' && r.message).toMatch(/disk is full.*kept version 1/);
    expect((await listPacks(db))[0]).toMatchObject({ version: 1, counts });
    expect(await db.claims.count()).toBe(counts.claims);
    expect(await db.reports.count()).toBe(counts.reports);
    expect(await db.positions.count()).toBe(counts.positions);
  });

  it('removes a pack and every record of it', async () => {
    await importPack(db, withVersion(1));
    expect(await removePack(db, PACK)).toBe(true);
    expect(await listPacks(db)).toEqual([]);
    for (const t of [db.outlets, db.articles, db.actors, db.claims, db.reports, db.positions]) expect(await t.count()).toBe(0);
    expect(await removePack(db, PACK)).toBe(false);
  });

  it('keeps packs apart: two packs may use the same ids', async () => {
    await importPack(db, withVersion(1));
    await importPack(db, withVersion(1, (p) => (p.id = 'another-pack')));
    expect((await listPacks(db)).map((p) => p.id)).toEqual(['another-pack', PACK].sort((a, b) => (a < b ? -1 : 1)));
    expect(await claimsForActor(db, 'another-pack', 'lavrov')).toHaveLength((await claimsForActor(db, PACK, 'lavrov')).length);
    await removePack(db, 'another-pack');
    expect(await getClaim(db, PACK, 'drone-attack')).toBeDefined();
  });
});
