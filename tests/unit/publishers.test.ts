// Packs belong to their publisher, and old signed versions do not come back (issue 12, items 1, 2
// and 4): the store's rules inside importPack's transaction, and a feed check against a real HTTP
// server on 127.0.0.1 with the real store (fake-indexeddb). docs/hardening.md#publishers.
import { startFileServer, type FileServer } from '../helpers/file-server';
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Feed } from '../../lib/feed/format';
import { formatPublicKey, signBytes, type SigningKey } from '../../lib/feed/keys';
import { buildFeed, signFeed } from '../../lib/feed/publish';
import type { Pack } from '../../lib/pack/schema';
import { openDatabase, type CrosscheckDb } from '../../lib/store/db';
import { eraseAllData } from '../../lib/store/erase';
import { addTrustedKeys } from '../../lib/store/keys';
import { importPack, installBundledPack, removePack } from '../../lib/store/packs';
import { packView } from '../../lib/store/views';
import { download } from '../../lib/sync/download';
import { updateFeed, type UpdateDeps } from '../../lib/sync/update';
import { newSigningKey } from '../helpers/keys';
import { PACK, version, WHY } from '../helpers/publishers';
import { storeUpdateDeps } from '../helpers/sync';

const enc = (s: string) => new TextEncoder().encode(s);


// ---- two publishers, each with a feed on the test server ----------------------------------------
let a: SigningKey;
let b: SigningKey;
const files = new Map<string, Buffer>();
let hits: string[] = [];
let server: FileServer;
let origin = '';
const feedA = () => `${origin}/a/feed.json`;
const feedB = () => `${origin}/b/feed.json`;

beforeAll(async () => {
  a = (await newSigningKey()).key;
  b = (await newSigningKey()).key;
  server = await startFileServer(files, hits);
  origin = server.origin;
});
afterAll(() => server.close());

/** Publishes the packs, as `feed build` would, under /<dir>/, signed by `key`. */
async function publish(dir: 'a' | 'b', packs: Pack[], key: SigningKey, opts: { generated?: Date; expires?: Date } = {}) {
  for (const k of [...files.keys()]) if (k.startsWith(`/${dir}/`)) files.delete(k);
  const built = await buildFeed(packs.map((p) => ({ name: `v${p.version}.json`, bytes: enc(JSON.stringify(p)) })), key, opts);
  for (const f of built.files) files.set(`/${dir}/${f.path}`, Buffer.from(f.bytes));
  return built;
}
const packHits = () => hits.filter((h) => h.includes('/packs/'));

let db: CrosscheckDb;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`publishers-${n++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  hits = [];
  files.clear();
});
/** A trusts: A's key came with the build, B's the reader added. */
async function trustBoth() {
  await addTrustedKeys(db, formatPublicKey(a.publicKey), { source: 'build' });
  await addTrustedKeys(db, formatPublicKey(b.publicKey), { source: 'user' });
}
const deps = (feedUrl: string, over: Partial<UpdateDeps> = {}) => storeUpdateDeps(db, [a.publicKey, b.publicKey], 3_000, over, feedUrl);
const fromFeed = (key: SigningKey, feedUrl: string) => ({ signer: { keyId: key.id, feedUrl, sha256: 'f'.repeat(64) } });
const installed = async () => {
  const row = await db.packs.get(PACK);
  return row ? { version: row.version, title: row.title, signer: row.signer.kind === 'key' ? row.signer.keyId : row.signer.kind } : null;
};

describe('who installed a pack is recorded, and only they replace it', () => {
  it('records the signer: the bundled pack, a file, a feed\'s key with its feed and file digest (not shown)', async () => {
    await installBundledPack(db, version(1));
    expect((await db.packs.get(PACK))?.signer).toEqual({ kind: 'bundled' });
    await removePack(db, PACK);
    await importPack(db, version(1));
    expect((await db.packs.get(PACK))?.signer).toEqual({ kind: 'file' });
    await removePack(db, PACK);
    await importPack(db, version(2), { signer: { keyId: a.id, feedUrl: feedA(), sha256: 'e'.repeat(64) } });
    const row = (await db.packs.get(PACK))!;
    expect(row).toMatchObject({ source: 'feed', signer: { kind: 'key', keyId: a.id, feedUrl: feedA(), sha256: 'e'.repeat(64) } });
    expect(packView(row).signer).toEqual({ kind: 'key', keyId: a.id, feedUrl: feedA() });
  });

  it('another trusted key may not replace a pack, at any version; its own key may', async () => {
    await trustBoth();
    expect((await importPack(db, version(2), fromFeed(a, feedA()))).status).toBe('installed');
    const r = await importPack(db, version(Number.MAX_SAFE_INTEGER, 'Hijacked pack'), fromFeed(b, feedB()));
    expect(r).toMatchObject({ status: 'refused', reason: 'publisher', kept: 2, owner: { kind: 'key', keyId: a.id } });
    expect(r.status === 'refused' && r.message).toBe(
      `"${version(1).title}" is published by key ${a.id} (from ${feedA()}); this feed's key ${b.id} may not replace it (to take it from this feed instead, remove it under Packs first); kept version 2`,
    );
    expect(await installed()).toEqual({ version: 2, title: version(1).title, signer: a.id });
    expect((await importPack(db, version(3), fromFeed(a, feedA()))).status).toBe('installed');
    // The reader's explicit act moves it: removed, the other publisher may install the id.
    await removePack(db, PACK);
    expect((await importPack(db, version(1, 'B story'), fromFeed(b, feedB()))).status).toBe('installed');
    expect(await installed()).toEqual({ version: 1, title: 'B story', signer: b.id });
  });

  it('the bundled pack is updated only by a key that came with the build', async () => {
    await trustBoth();
    await installBundledPack(db, version(1));
    const r = await importPack(db, version(9), fromFeed(b, feedB()));
    expect(r).toMatchObject({ status: 'refused', reason: 'publisher', owner: { kind: 'bundled' } });
    expect(r.status === 'refused' && r.message).toMatch(/^".*" came with Crosscheck and may be updated only by a key that came with this build; this feed's key [0-9a-f]{16} may not replace it .*; kept version 1$/);
    expect(r.status === 'refused' && r.message).toMatch(WHY);
    expect((await importPack(db, version(2), fromFeed(a, feedA()))).status).toBe('installed');
    // A newer bundled pack (an extension update) replaces what the build's key installed, not another key's.
    expect((await installBundledPack(db, version(3))).status).toBe('installed');
    await removePack(db, PACK);
    await importPack(db, version(4), fromFeed(b, feedB()));
    expect(await installBundledPack(db, version(5))).toMatchObject({ status: 'refused', reason: 'publisher', kept: 4 });
  });

  it('a file replacing another signer\'s pack needs the reader\'s confirmation; a feed does not replace a file', async () => {
    await trustBoth();
    await importPack(db, version(2), fromFeed(a, feedA()));
    const ask = await importPack(db, version(3));
    expect(ask).toMatchObject({ status: 'refused', reason: 'publisher', confirm: true, kept: 2 });
    expect(ask.status === 'refused' && ask.message).toMatch(/is published by key .*; importing this file replaces it with a pack no publisher signed; kept version 2$/);
    expect(await installed()).toMatchObject({ version: 2, signer: a.id });
    // An older file is refused as older, without asking.
    expect(await importPack(db, version(1))).toMatchObject({ status: 'refused', reason: 'older' });
    expect((await importPack(db, version(3), { replace: true })).status).toBe('installed');
    expect(await installed()).toMatchObject({ version: 3, signer: 'file' });
    expect(await importPack(db, version(4), fromFeed(a, feedA()))).toMatchObject({ status: 'refused', reason: 'publisher', owner: { kind: 'file' } });
  });
});

describe('old signed versions do not come back', () => {
  it('the highest version a key installed is remembered after the pack is removed; "Delete all data" forgets it', async () => {
    await trustBoth();
    await importPack(db, version(5), fromFeed(a, feedA()));
    expect(await importPack(db, version(2), fromFeed(a, feedA()))).toMatchObject({ status: 'refused', reason: 'older', kept: 5 });
    await removePack(db, PACK);
    const r = await importPack(db, version(2), fromFeed(a, feedA()));
    expect(r).toMatchObject({ status: 'refused', reason: 'rollback', kept: null, highest: 5, offered: 2 });
    expect(r.status === 'refused' && r.message).toBe(
      `Version 2 is older than version 5, which this publisher (key ${a.id}) already installed; an older signed version is not installed again, even after the pack was removed; nothing was installed`,
    );
    expect(await installed()).toBeNull();
    // The same version, or a newer one, installs again; another key is another publisher.
    expect((await importPack(db, version(5), fromFeed(a, feedA()))).status).toBe('installed');
    await removePack(db, PACK);
    expect((await importPack(db, version(2), fromFeed(b, feedB()))).status).toBe('installed');
    await removePack(db, PACK);
    await eraseAllData(db);
    expect(await db.publisherVersions.count()).toBe(0);
    expect((await importPack(db, version(2), fromFeed(a, feedA()))).status).toBe('installed');
  });
});

describe('two installs at once', () => {
  it('v5 from a feed and v3 from a file, imported together: v5 stays installed, v3 is refused', async () => {
    await trustBoth();
    const [feed, file] = await Promise.all([importPack(db, version(5), fromFeed(a, feedA())), importPack(db, version(3))]);
    expect(feed.status).toBe('installed');
    expect(file).toMatchObject({ status: 'refused', reason: 'older', kept: 5 });
    expect(await installed()).toMatchObject({ version: 5, signer: a.id });
    // And a confirmed file (replace) racing the feed: still compared with what the feed wrote.
    await removePack(db, PACK);
    const [f6, r4] = await Promise.all([importPack(db, version(6), fromFeed(a, feedA())), importPack(db, version(4), { replace: true })]);
    expect([f6.status, r4.status]).toEqual(['installed', 'refused']);
    expect((await installed())?.version).toBe(6);
  });
});

describe('a feed check', () => {
  it('another publisher\'s feed offering the bundled pack\'s id is refused before any download, saying why, naming what is installed', async () => {
    await trustBoth();
    await installBundledPack(db, version(1));
    await publish('b', [version(9007199254740991, 'Hijacked pack')], b);
    const r = await updateFeed(feedB(), deps(feedB()));
    expect(r).toMatchObject({ status: 'refused', cause: 'publisher', kept: 1, packs: [{ status: 'refused', installed: 1, title: version(1).title }] });
    expect(r.message).toMatch(WHY);
    expect(JSON.stringify(r)).not.toMatch(/Hijacked pack/);
    expect(packHits()).toEqual([]);
    expect(await installed()).toEqual({ version: 1, title: version(1).title, signer: 'bundled' });
    // The build's own publisher updates it; then B's offer is refused as A's pack.
    await publish('a', [version(2)], a);
    expect(await updateFeed(feedA(), deps(feedA()))).toMatchObject({ status: 'updated' });
    expect((await updateFeed(feedB(), deps(feedB()))).message).toMatch(new RegExp(`is published by key ${a.id} \\(from .*\\); this feed's key ${b.id} may not replace it`));
  });

  it('after "Remove pack", the feed\'s older signed version is refused without a download', async () => {
    await trustBoth();
    await publish('a', [version(3)], a);
    expect((await updateFeed(feedA(), deps(feedA()))).status).toBe('updated');
    await removePack(db, PACK);
    await publish('a', [version(2)], a);
    hits = [];
    const r = await updateFeed(feedA(), deps(feedA()));
    expect(r).toMatchObject({ status: 'refused', cause: 'rollback', kept: null });
    expect(r.message).toMatch(/^Version 2 is older than version 3, which this publisher \(key [0-9a-f]{16}\) already installed; .*; nothing was installed$/);
    expect(packHits()).toEqual([]);
    expect(await installed()).toBeNull();
  });

  it('feed.json whose signature does not verify is refused, the installed pack kept', async () => {
    await trustBoth();
    await installBundledPack(db, version(1));
    await publish('a', [version(2)], a);
    // Someone on the way raises a version in feed.json (the signed text) without the key.
    const env = JSON.parse(files.get('/a/feed.json')!.toString('utf8')) as { signed: string };
    const raised = env.signed.replace(/("id": "putin[^"]*",\s*"version": )2/, '$13');
    expect(raised).not.toBe(env.signed);
    env.signed = raised;
    files.set('/a/feed.json', Buffer.from(JSON.stringify(env)));
    const r = await updateFeed(feedA(), deps(feedA()));
    expect(r).toMatchObject({ status: 'refused', cause: 'signature', packs: [] });
    expect(r.message).toBe(`Signature does not match the feed's key (${a.id}) for the feed (${feedA()}); the installed packs are unchanged`);
    // Signed by a key the reader does not trust.
    const stranger = (await newSigningKey()).key;
    await publish('a', [version(2)], stranger);
    expect((await updateFeed(feedA(), deps(feedA()))).message).toBe(`The feed is signed with key ${stranger.id}, which is not one of your trusted keys; the installed packs are unchanged`);
    expect(packHits()).toEqual([]);
    expect(await installed()).toMatchObject({ version: 1 });
  });

  it('an expired feed is reported as not refreshed since it was built, and nothing from it installed', async () => {
    await trustBoth();
    await installBundledPack(db, version(1));
    await publish('a', [version(2)], a, { generated: new Date('2026-01-02T03:04:05Z'), expires: new Date('2026-02-01T03:04:05Z') });
    const r = await updateFeed(feedA(), deps(feedA(), { now: () => new Date('2026-02-10T00:00:00Z') }));
    expect(r).toMatchObject({ status: 'refused', cause: 'feed-expired', packs: [], generated: '2026-01-02T03:04:05.000Z', expires: '2026-02-01T03:04:05.000Z' });
    expect(r.message).toBe(
      'The feed has not been refreshed since 2026-01-02 03:04 UTC: it expired on 2026-02-01 03:04 UTC (its publisher may have stopped updating it, or someone between you and the feed is holding back newer versions); the installed packs are unchanged',
    );
    expect(packHits()).toEqual([]);
    expect(await installed()).toMatchObject({ version: 1 });
    // Within its time it is read.
    expect((await updateFeed(feedA(), deps(feedA(), { now: () => new Date('2026-01-20T00:00:00Z') }))).status).toBe('updated');
  });

  it('an old unsigned feed (format version 1) gets a clear message', async () => {
    await trustBoth();
    await installBundledPack(db, version(1));
    const built = await publish('a', [version(2)], a);
    files.set('/a/feed.json', Buffer.from(JSON.stringify({ ...built.feed, version: 1 })));
    const r = await updateFeed(feedA(), deps(feedA()));
    expect(r).toMatchObject({ status: 'refused', cause: 'feed-unsigned' });
    expect(r.message).toBe(
      `The feed at ${feedA()} is in the old format version 1, which is not signed; this version of Crosscheck reads only signed feeds (format version 2): its publisher needs to build it again with a current "crosscheck feed build"; the installed packs are unchanged`,
    );
    // A signed envelope around content that is not a v2 feed (a pack file's bytes, say) is refused too.
    const text = JSON.stringify(version(2));
    files.set('/a/feed.json', Buffer.from(JSON.stringify({ format: 'crosscheck-feed', version: 2, keyId: a.id, signature: await signBytes(a, enc(text)), signed: text })));
    expect((await updateFeed(feedA(), deps(feedA()))).message).toMatch(/^The feed at .* is not valid: format: not a Crosscheck feed/);
    expect(await installed()).toMatchObject({ version: 1 });
  });

  it('plain http only to this computer: another host is refused without a request, for the feed and for the files it lists', async () => {
    const asked: string[] = [];
    const fetch = (async (url: string) => {
      asked.push(String(url));
      return new Response('{}');
    }) as unknown as typeof globalThis.fetch;
    const r = await updateFeed('http://feeds.example.org/feed.json', { ...deps(feedA()), fetch });
    expect(r).toMatchObject({ status: 'refused', cause: 'bad-url' });
    expect(r.message).toMatch(/^Could not update from the feed: the feed's address http:\/\/feeds\.example\.org\/feed\.json is plain http:\/\/, .* anything else must be https:\/\/; the installed packs are unchanged$/);
    expect(await download('http://10.1.2.3/p.json', { fetch, timeoutMs: 1000, maxBytes: 10, what: 'the pack' })).toMatchObject({ ok: false, cause: 'bad-url' });
    expect(asked).toEqual([]);
    // A feed on 127.0.0.1 listing its pack on a plain-http host elsewhere.
    await trustBoth();
    await installBundledPack(db, version(1));
    const built = await publish('a', [version(2)], a);
    const feed: Feed = { ...built.feed, packs: built.feed.packs.map((p) => ({ ...p, url: 'http://cdn.example.org/p.json' })) };
    files.set('/a/feed.json', Buffer.from(await signFeed(feed, a)));
    const s = await updateFeed(feedA(), deps(feedA()));
    expect(s.packs[0]).toMatchObject({ status: 'refused', cause: 'bad-url' });
    expect(s.message).toMatch(/^Could not download the pack: the pack's address http:\/\/cdn\.example\.org\/p\.json is plain http:\/\//);
  });
});

describe('the database upgrade to version 4', () => {
  it('gives each pack its signer, remembers no server validators, and reads no longer "not-modified"', async () => {
    const idb = new IDBFactory();
    const name = `upgrade-${n++}`;
    const old = new Dexie(name, { indexedDB: idb, IDBKeyRange });
    old.version(1).stores({ packs: 'id', outlets: '[pack+id], pack', articles: '[pack+id], pack', actors: '[pack+id], pack, id', claims: '[pack+id], pack, *actorIds', reports: '[pack+claim+article], pack, [pack+claim], [pack+article]', positions: '[pack+seq], pack, [pack+claim]' });
    old.version(2).stores({ settings: 'key' });
    old.version(3).stores({ feeds: 'url', trustedKeys: 'keyId', engineCache: 'key' });
    const row = (id: string, source: string, v: number) => ({ id, version: v, title: id, publisher: 'P', createdAt: '2026-01-01', stories: [], source, installedAt: '2026-01-01T00:00:00Z', counts: {} });
    await old.table('packs').bulkPut([row('b', 'bundled', 1), row('f', 'file', 1), row('x', 'feed', 3), row('y', 'feed', 2)]);
    await old.table('feeds').put({ url: 'https://feeds.example/feed.json', addedAt: '2026-01-01', validators: { etag: '"reader-42"' }, failures: 0, nextCheckAt: null, lastCheckedAt: null, lastUpdatedAt: null, lastMessage: 'x', lastOutcome: 'not-modified', lastPacks: [{ id: 'x', title: 'x', status: 'updated', message: '', offered: 3, installed: 3 }] });
    old.close();
    const upgraded = openDatabase(name, { indexedDB: idb, IDBKeyRange });
    expect(Object.fromEntries((await upgraded.packs.toArray()).map((p) => [p.id, p.signer]))).toEqual({
      b: { kind: 'bundled' },
      f: { kind: 'file' },
      x: { kind: 'legacy', feedUrl: 'https://feeds.example/feed.json' },
      y: { kind: 'legacy', feedUrl: null },
    });
    const [feed] = await upgraded.feeds.toArray();
    expect(feed).not.toHaveProperty('validators');
    expect(feed.lastOutcome).toBe('unchanged');
    expect(await upgraded.publisherVersions.count()).toBe(0);
    // A legacy pack is updated from the feed that installed it (which then binds it to its key), not from another.
    const key = { keyId: a.id, sha256: 'd'.repeat(64) };
    expect(await importPack(upgraded, { ...version(4), id: 'x' }, { signer: { ...key, feedUrl: 'https://other.example/feed.json' } })).toMatchObject({ status: 'refused', reason: 'publisher' });
    expect((await importPack(upgraded, { ...version(4), id: 'x' }, { signer: { ...key, feedUrl: 'https://feeds.example/feed.json' } })).status).toBe('installed');
    expect((await upgraded.packs.get('x'))?.signer).toMatchObject({ kind: 'key', keyId: a.id });
    upgraded.close();
  });
});
