// The store behind pack sync and the options page (fake-indexeddb): subscriptions and their
// schedule, trusted keys, reading settings and sites, the engine cache, reading one pack back,
// and the schema upgrade from version 2 that keeps what was stored.
import Dexie from 'dexie';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { packDigest } from '../../lib/feed/delta';
import { formatPublicKey, generateKeyPair } from '../../lib/feed/keys';
import { ScanEngine } from '../../lib/scan/engine';
import { openDatabase, type CrosscheckDb } from '../../lib/store/db';
import { engineCacheKey, readEngineCache, writeEngineCache } from '../../lib/store/engine-cache';
import { addFeed, dueFeeds, listFeeds, nextDue, recordCheck, removeFeed, rescheduleFeeds } from '../../lib/store/feeds';
import { addTrustedKeys, ensureBuildKeys, listTrustedKeys, removeTrustedKey, trustedPublicKeys } from '../../lib/store/keys';
import { importPack, installBundledPack, loadPack } from '../../lib/store/packs';
import { disabledSites, getSettings, setSettings, setSiteEnabled } from '../../lib/store/settings';
import { feedUrlInput, siteInput } from '../../lib/protocol/inputs';
import type { FeedUpdateResult } from '../../lib/sync/update';
import { bundledPack } from '../helpers/corpus';

let db: CrosscheckDb;
let n = 0;
let idb: IDBFactory;
beforeEach(() => {
  idb = new IDBFactory();
  db = openDatabase(`store-${n++}`, { indexedDB: idb, IDBKeyRange });
});

const T0 = new Date('2026-01-10T12:00:00Z');
const HOUR = 3_600_000;
const URL1 = 'https://feeds.example.org/crosscheck/feed.json';

function result(over: Partial<FeedUpdateResult> = {}): FeedUpdateResult {
  return { feedUrl: URL1, status: 'unchanged', message: 'Up to date: version 1 is installed', packs: [], checkedAt: T0.toISOString(), ...over };
}

describe('subscriptions', () => {
  it('takes a feed address as typed, and says what is wrong with one it cannot use', () => {
    expect(feedUrlInput('  https://feeds.example.org/crosscheck/feed.json#top ')).toEqual({ ok: true, url: URL1 });
    expect(feedUrlInput('')).toMatchObject({ ok: false, message: expect.stringMatching(/Type the address/) });
    expect(feedUrlInput('feeds.example.org/feed.json')).toMatchObject({ ok: false, message: expect.stringMatching(/is not a web address/) });
    expect(feedUrlInput('ftp://example.org/feed.json')).toMatchObject({ ok: false, message: 'A feed\'s address starts with https://, not ftp://' });
    expect(feedUrlInput('https://me:secret@example.org/feed.json')).toMatchObject({ ok: false, message: expect.stringMatching(/user name or password/) });
    // Plain http only to this computer (127.0.0.0/8, ::1, localhost), for trying a feed out.
    for (const url of ['http://feeds.example.org/feed.json', 'http://10.0.0.5/feed.json', 'http://[::2]/feed.json', 'http://localhost.example/feed.json'])
      expect(feedUrlInput(url)).toMatchObject({ ok: false, message: expect.stringMatching(/^Not subscribed: .* is plain http:\/\/, which anyone on the way could read or change: a feed must be https:\/\//) });
    for (const url of ['http://127.0.0.1:8080/feed.json', 'http://127.9.8.7/feed.json', 'http://[::1]:3000/feed.json', 'http://localhost/feed.json', 'http://LOCALHOST:1/f.json'])
      expect(feedUrlInput(url)).toMatchObject({ ok: true });
  });

  it('subscribes once, lists, removes; a new feed is due at once', async () => {
    expect(await addFeed(db, URL1, T0)).toMatchObject({ status: 'added', feed: { url: URL1, nextCheckAt: null, failures: 0, lastMessage: null } });
    expect(await addFeed(db, `${URL1}#again`, T0)).toMatchObject({ status: 'exists' });
    expect(await addFeed(db, 'javascript:alert(1)')).toMatchObject({ status: 'refused' });
    expect((await listFeeds(db)).map((f) => f.url)).toEqual([URL1]);
    expect(dueFeeds(await listFeeds(db), T0)).toHaveLength(1);
    expect(nextDue(await listFeeds(db), T0)).toBe(T0.getTime());
    expect(await removeFeed(db, URL1)).toBe(true);
    expect(await removeFeed(db, URL1)).toBe(false);
    expect(nextDue(await listFeeds(db), T0)).toBeNull();
  });

  it('records a check: the message, when it updated (no server validators kept); the next check at the interval with jitter', async () => {
    await addFeed(db, URL1, T0);
    const row = await recordCheck(db, result({ status: 'updated', message: 'Updated to version 2 (was version 1).' }), { intervalMs: 12 * HOUR, now: T0, random: () => 0.5 });
    expect(row).toMatchObject({ lastOutcome: 'updated', lastMessage: 'Updated to version 2 (was version 1).', lastUpdatedAt: T0.toISOString(), lastCheckedAt: T0.toISOString(), failures: 0 });
    expect(row).not.toHaveProperty('validators');
    expect(Date.parse(row!.nextCheckAt!) - T0.getTime()).toBe(12 * HOUR);
    expect(dueFeeds(await listFeeds(db), new Date(T0.getTime() + 11 * HOUR))).toHaveLength(0);
    expect(dueFeeds(await listFeeds(db), new Date(T0.getTime() + 12 * HOUR))).toHaveLength(1);
    // A later check that changes nothing keeps "last updated".
    const later = new Date(T0.getTime() + 12 * HOUR);
    const row2 = await recordCheck(db, result({ checkedAt: later.toISOString() }), { intervalMs: 12 * HOUR, now: later, random: () => 0.5 });
    expect(row2).toMatchObject({ lastUpdatedAt: T0.toISOString(), lastCheckedAt: later.toISOString() });
  });

  it('backs off after failures (5, 10, 20 min ...), resets after a success; a refusal is not retried sooner', async () => {
    await addFeed(db, URL1, T0);
    const fail = result({ status: 'failed', retry: 'backoff', message: 'Could not update from the feed: the server answered HTTP 503' });
    const delays: number[] = [];
    for (let i = 0; i < 3; i++) {
      const row = await recordCheck(db, fail, { intervalMs: 12 * HOUR, now: T0, random: () => 0.5 });
      delays.push((Date.parse(row!.nextCheckAt!) - T0.getTime()) / 60_000);
      expect(row!.failures).toBe(i + 1);
    }
    expect(delays).toEqual([5, 10, 20]);
    const refused = await recordCheck(db, result({ status: 'refused', message: 'Signature does not match' }), { intervalMs: 12 * HOUR, now: T0, random: () => 0.5 });
    expect(refused).toMatchObject({ failures: 0, lastOutcome: 'refused' });
    expect(Date.parse(refused!.nextCheckAt!) - T0.getTime()).toBe(12 * HOUR);
    // Unsubscribed meanwhile: nothing is written back.
    await removeFeed(db, URL1);
    expect(await recordCheck(db, fail, { intervalMs: HOUR })).toBeNull();
    expect(await listFeeds(db)).toEqual([]);
  });

  it('a new interval moves the next check of settled feeds, not of feeds backing off', async () => {
    await addFeed(db, URL1, T0);
    await addFeed(db, 'https://other.example/feed.json', T0);
    await recordCheck(db, result(), { intervalMs: 12 * HOUR, now: T0, random: () => 0.5 });
    await recordCheck(db, result({ feedUrl: 'https://other.example/feed.json', status: 'failed', retry: 'backoff' }), { intervalMs: 12 * HOUR, now: T0, random: () => 0.5 });
    await rescheduleFeeds(db, { intervalMs: 2 * HOUR, now: T0, random: () => 0.5 });
    const [a, b] = await listFeeds(db);
    expect(Date.parse(a.nextCheckAt!) - T0.getTime()).toBe(2 * HOUR);
    expect(Date.parse(b.nextCheckAt!) - T0.getTime()).toBe(5 * 60_000);
  });
});

describe('trusted keys', () => {
  it('adds keys from pasted text, lists them, refuses bad text naming the line, removes', async () => {
    const a = await generateKeyPair();
    const b = await generateKeyPair();
    const r = await addTrustedKeys(db, `# my publishers\n${a.publicKeyText}\n${b.publicKeyText}`, { label: ' Example News ', now: T0 });
    expect(r.problems).toEqual([]);
    expect(r.added.map((k) => k.keyId)).toEqual([a.publicKey.id, b.publicKey.id]);
    const row = (k: typeof a) => ({ keyId: k.publicKey.id, key: k.publicKeyText.trim(), label: 'Example News', source: 'user', addedAt: T0.toISOString() });
    // Added at the same moment: by key id.
    expect(await listTrustedKeys(db)).toEqual([row(a), row(b)].sort((x, y) => x.keyId.localeCompare(y.keyId)));
    expect((await trustedPublicKeys(db)).map((k) => k.id).sort()).toEqual([a.publicKey.id, b.publicKey.id].sort());
    expect(await addTrustedKeys(db, a.publicKeyText)).toMatchObject({ added: [], existing: [a.publicKey.id], problems: [] });

    const c = await generateKeyPair();
    const bad = await addTrustedKeys(db, `${c.publicKeyText.trim()}\ncrosscheck-ed25519-public AAAA`);
    expect(bad).toMatchObject({ added: [], problems: [expect.stringMatching(/^line 2: the key decodes to 3 bytes; an Ed25519 public key has 32$/)] });
    expect(await addTrustedKeys(db, c.privateKeyPem)).toMatchObject({ added: [], problems: [expect.stringMatching(/this is a private key/)] });
    expect(await addTrustedKeys(db, '   ')).toMatchObject({ added: [], problems: [expect.stringMatching(/no key given/)] });
    expect(await listTrustedKeys(db)).toHaveLength(2);

    expect(await removeTrustedKey(db, a.publicKey.id)).toBe(true);
    expect((await trustedPublicKeys(db)).map((k) => k.id)).toEqual([b.publicKey.id]);
  });

  it('trusts the build keys once: a build key the reader removed stays removed on later starts', async () => {
    const a = await generateKeyPair();
    expect(await ensureBuildKeys(db, [formatPublicKey(a.publicKey)], T0)).toEqual({ added: [a.publicKey.id], problems: [] });
    expect(await listTrustedKeys(db)).toMatchObject([{ keyId: a.publicKey.id, source: 'build' }]);
    expect((await ensureBuildKeys(db, [formatPublicKey(a.publicKey)], T0)).added).toEqual([]);
    await removeTrustedKey(db, a.publicKey.id);
    expect((await ensureBuildKeys(db, [formatPublicKey(a.publicKey)], T0)).added).toEqual([]);
    expect(await listTrustedKeys(db)).toEqual([]);
    // A new key in a later build is trusted.
    const b = await generateKeyPair();
    expect((await ensureBuildKeys(db, [formatPublicKey(a.publicKey), formatPublicKey(b.publicKey)], T0)).added).toEqual([b.publicKey.id]);
  });
});

describe('reading settings and sites', () => {
  it('defaults, saves, and refuses values out of range without saving anything', async () => {
    expect(await getSettings(db)).toEqual({ hoverDelayMs: 350, highlightStyle: 'quiet', checkIntervalHours: 12 });
    expect(await setSettings(db, { hoverDelayMs: 800, highlightStyle: 'underline' })).toEqual({ ok: true, settings: { hoverDelayMs: 800, highlightStyle: 'underline', checkIntervalHours: 12 } });
    expect(await setSettings(db, { hoverDelayMs: 2001, checkIntervalHours: 24 })).toEqual({ ok: false, message: 'The hover delay must be a whole number of milliseconds from 0 to 2000' });
    expect(await setSettings(db, { checkIntervalHours: 0.5 })).toMatchObject({ ok: false, message: expect.stringMatching(/from 1 to 168/) });
    expect(await setSettings(db, { highlightStyle: 'blink' as 'underline' })).toMatchObject({ ok: false });
    expect(await getSettings(db)).toEqual({ hoverDelayMs: 800, highlightStyle: 'underline', checkIntervalHours: 12 });
    // A damaged row reads as the defaults, field by field.
    await db.settings.put({ key: 'reading', value: { hoverDelayMs: 'fast', highlightStyle: 'underline', checkIntervalHours: -3 } });
    expect(await getSettings(db)).toEqual({ hoverDelayMs: 350, highlightStyle: 'underline', checkIntervalHours: 12 });
  });

  it('takes a site as typed (a host or a page address) and lists the sites turned off', async () => {
    expect(siteInput('https://www.Example.com/news/1')).toEqual({ ok: true, host: 'www.example.com' });
    expect(siteInput(' example.org ')).toEqual({ ok: true, host: 'example.org' });
    expect(siteInput('')).toMatchObject({ ok: false });
    expect(siteInput('file:///etc/passwd')).toMatchObject({ ok: false, message: expect.stringMatching(/not a web site address/) });
    await setSiteEnabled(db, 'www.example.com', false);
    await setSiteEnabled(db, 'a.example', false);
    expect(await disabledSites(db)).toEqual(['a.example', 'www.example.com']);
    await setSiteEnabled(db, 'a.example', true);
    expect(await disabledSites(db)).toEqual(['www.example.com']);
  });
});

describe('engine cache and packs', () => {
  it('keeps one compiled engine keyed by its packs, and restores it', async () => {
    const pack = bundledPack();
    const engine = ScanEngine.fromPacks([pack]);
    const key = engineCacheKey([pack]);
    expect(key).toBe(`${pack.id}@${pack.version}`);
    await writeEngineCache(db, key, engine.cache(), T0);
    await writeEngineCache(db, key, engine.cache(), T0);
    expect(await db.engineCache.count()).toBe(1);
    const cached = await readEngineCache(db, key);
    expect(cached).not.toBeNull();
    const text = 'Sergei Lavrov said 91 drones were launched at the residence in the Novgorod region.';
    expect(ScanEngine.restore([pack], cached!).scanText(text)).toEqual(engine.scanText(text));
    expect(await readEngineCache(db, `${pack.id}@${pack.version + 1}`)).toBeNull();
  });

  it('reads one installed pack back whole (the same content: what a delta applies to)', async () => {
    const pack = bundledPack();
    await installBundledPack(db, pack);
    const back = await loadPack(db, pack.id);
    expect(back && (await packDigest(back))).toBe(await packDigest(pack));
    expect(back?.claims).toHaveLength(pack.claims.length);
    expect(await loadPack(db, 'nope')).toBeNull();
  });

  it('the bundled pack never replaces a newer version from a feed', async () => {
    const v2 = { ...bundledPack(), version: 2 };
    expect((await importPack(db, v2, { signer: { keyId: 'a'.repeat(16), feedUrl: URL1, sha256: 'b'.repeat(64) } })).status).toBe('installed');
    expect(await installBundledPack(db, bundledPack())).toMatchObject({ status: 'refused', reason: 'older' });
    expect(await db.packs.get(v2.id)).toMatchObject({ version: 2, source: 'feed' });
  });

  it('upgrades a version 2 database to the current version, keeping the packs and settings', async () => {
    const name = `upgrade-${n++}`;
    const old = new Dexie(name, { indexedDB: idb, IDBKeyRange });
    old.version(1).stores({ packs: 'id', outlets: '[pack+id], pack', articles: '[pack+id], pack', actors: '[pack+id], pack, id', claims: '[pack+id], pack, *actorIds', reports: '[pack+claim+article], pack, [pack+claim], [pack+article]', positions: '[pack+seq], pack, [pack+claim]' });
    old.version(2).stores({ settings: 'key' });
    await old.table('settings').put({ key: 'disabledSites', value: ['old.example'] });
    old.close();
    const upgraded = openDatabase(name, { indexedDB: idb, IDBKeyRange });
    expect(await disabledSites(upgraded)).toEqual(['old.example']);
    expect(await addFeed(upgraded, URL1, T0)).toMatchObject({ status: 'added' });
    expect(upgraded.verno).toBe(4);
    upgraded.close();
  });
});
