// The background's service as the extension runs it, minus the browser: the real store
// (fake-indexeddb), Node's fetch against a real HTTP server on 127.0.0.1, and recorders for what
// it tells tabs and pages, the alarm it asks for and what it logs. Start-up, "Update now", one
// download at a time, refusals that keep the pack, the options page's pack and key requests, the
// engine cache a woken worker restores, and which senders may ask what.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SigningKey } from '../../lib/feed/keys';
import { newSigningKey } from '../helpers/keys';
import { buildFeed } from '../../lib/feed/publish';
import type { Pack } from '../../lib/pack/schema';
import { allowedFrom, parsePacksChanged, parsePageEvent, parseRequest, type PageEvent, type Reply, type Request } from '../../lib/protocol';
import { createBackground, type Background, type BackgroundDeps as ServiceDeps } from '../../lib/background';
import { openDatabase, type CrosscheckDb } from '../../lib/store/db';
import { listFeeds } from '../../lib/store/feeds';
import { listTrustedKeys } from '../../lib/store/keys';
import { bundledPack } from '../helpers/corpus';

const PACK = 'putin-residence-claim-2025-12';
const VALDAI_TEXT = 'The location suggested that it is a well-protected compound at Valdai, a lakeside town whose forested location Putin has favored.';

function version(v: number, opts: { valdai: boolean } = { valdai: false }): Pack {
  const p = bundledPack();
  p.version = v;
  if (!opts.valdai) {
    p.claims = p.claims.filter((c) => c.id !== 'valdai-compound');
    p.reports = p.reports.filter((r) => r.claim !== 'valdai-compound');
    p.positions = p.positions.filter((x) => x.claim !== 'valdai-compound' && x.via !== 'valdai-compound');
  }
  return p;
}

// ---- the feed server ----------------------------------------------------------------------------
const files = new Map<string, Buffer>();
let hits: { path: string; headers: http.IncomingHttpHeaders }[] = [];
let tamper = false;
let slow = 0;
let server: http.Server;
let feedUrl = '';
let trusted: SigningKey;
let trustedText = '';

beforeAll(async () => {
  ({ key: trusted, publicKeyText: trustedText } = await newSigningKey());
  server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push({ path: p, headers: req.headers });
    let body = files.get(p);
    if (!body) {
      res.writeHead(404);
      return res.end('not found');
    }
    if (tamper && p.includes('/packs/')) body = Buffer.from(body.toString('utf8').replace('Lavrov', 'Lavrow'));
    const send = () => {
      res.writeHead(200, { 'content-type': 'application/json', etag: `"${body!.byteLength}"`, 'content-length': body!.byteLength });
      res.end(body);
    };
    if (slow) setTimeout(send, slow);
    else send();
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/feed/feed.json`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((ok) => server.close(ok));
});

async function publish(pack: Pack) {
  files.clear();
  const built = await buildFeed([{ name: 'p.json', bytes: new TextEncoder().encode(JSON.stringify(pack)) }], trusted);
  for (const f of built.files) files.set(`/feed/${f.path}`, Buffer.from(f.bytes));
  return built;
}

// ---- a service over a fresh database, with recorders --------------------------------------------
let idb: IDBFactory;
let dbName = '';
let n = 0;
beforeEach(() => {
  idb = new IDBFactory();
  dbName = `service-${n++}`;
  hits = [];
  tamper = false;
  slow = 0;
  files.clear();
});

interface Harness {
  service: Background;
  db: CrosscheckDb;
  tabs: unknown[];
  pages: PageEvent[];
  alarms: (number | null)[];
  logs: string[];
  rescans: number[];
  ask<R extends Request>(req: R, tabId?: number): Promise<Reply<R>>;
}

function harness(over: Partial<ServiceDeps> = {}): Harness {
  const db = openDatabase(dbName, { indexedDB: idb, IDBKeyRange });
  const h: Omit<Harness, 'service' | 'ask'> = { db, tabs: [], pages: [], alarms: [], logs: [], rescans: [] };
  const service = createBackground({
    db,
    setBadge: () => {},
    bundledPacks: [bundledPack()],
    crosscheckVersion: '0.1.0',
    limits: { timeoutMs: 3_000 },
    notifyTabs: (m) => h.tabs.push(m),
    notifyPages: (m) => h.pages.push(m),
    scheduleCheck: (when) => h.alarms.push(when),
    rescanTab: (tabId) => h.rescans.push(tabId),
    log: (level, m) => h.logs.push(`${level}: ${m}`),
    random: () => 0.5,
    ...over,
  });
  return { ...h, service, ask: (req, tabId) => service.handle(req, { tabId }) as never };
}

async function started(over: Partial<ServiceDeps> = {}): Promise<Harness> {
  const h = harness(over);
  await h.service.start('test');
  return h;
}

const ok = <T extends { ok: boolean }>(r: T): Extract<T, { ok: true }> => {
  if (!r.ok) throw new Error(`not ok: ${JSON.stringify(r)}`);
  return r as Extract<T, { ok: true }>;
};
const installed = async (h: Harness) => (await h.db.packs.get(PACK))?.version ?? null;
const valdaiFound = async (h: Harness) => ok(await h.ask({ type: 'scan', url: 'https://news.example/a', text: VALDAI_TEXT }, 7)).result.claims.some((c) => c.id === 'valdai-compound');

describe('scans of several tabs', { timeout: 60_000 }, () => {
  it("one tab's huge page does not hold up another tab's scan: the small page is answered first", async () => {
    const h = await started();
    const huge = Array.from({ length: 3_000 }, (_, i) => `Paragraph ${i} says the weather was mild and the market was busy.`).join('\n');
    const order: string[] = [];
    const big = h.ask({ type: 'scan', url: 'https://a.example/huge', text: huge }, 1).then((r) => (order.push('huge'), r));
    const small = h.ask({ type: 'scan', url: 'https://b.example/story', text: VALDAI_TEXT }, 2).then((r) => (order.push('small'), r));
    const [b, s] = await Promise.all([big, small]);
    expect(order).toEqual(['small', 'huge']);
    expect(ok(s).result.claims.map((c) => c.id)).toContain('valdai-compound');
    expect(ok(b).result.stats.sentences).toBeGreaterThanOrEqual(3_000);
  });
});

describe('start-up', { timeout: 30_000 }, () => {
  it('installs every bundled pack; one the reader removes stays removed while the others stay, until Restore brings it back', async () => {
    const other = { ...bundledPack(), id: 'second-story', title: 'A second story' };
    const h = await started({ bundledPacks: [bundledPack(), other] });
    expect((await h.db.packs.toArray()).map((p) => p.id).sort()).toEqual([PACK, 'second-story']);
    ok(await h.ask({ type: 'remove-pack', id: 'second-story' }));
    const again = await started({ bundledPacks: [bundledPack(), other] });
    expect((await again.db.packs.toArray()).map((p) => p.id)).toEqual([PACK]);
    expect(ok(await again.ask({ type: 'packs' })).bundled).toMatchObject([{ id: PACK, installed: true, removed: false }, { id: 'second-story', installed: false, removed: true }]);
    expect(ok(await again.ask({ type: 'restore-bundled' })).message).toMatch(/is installed\. Restored the bundled pack "A second story" \(version 1\)\.$/);
    expect((await again.db.packs.toArray()).map((p) => p.id).sort()).toEqual([PACK, 'second-story']);
  });

  it('installs the bundled pack, trusts the build key and subscribes to the default feed, once each', async () => {
    const h = await started({ defaultFeed: feedUrl, buildKeys: [trustedText] });
    expect(await installed(h)).toBe(1);
    expect((await listTrustedKeys(h.db)).map((k) => [k.keyId, k.source])).toEqual([[trusted.id, 'build']]);
    expect((await listFeeds(h.db)).map((f) => f.url)).toEqual([feedUrl]);
    // The new feed is due now: the alarm is asked for now.
    expect(h.alarms.at(-1)).toBeLessThanOrEqual(Date.now());
    expect(h.tabs).toEqual([{ type: 'packs-changed' }]);

    // The reader unsubscribes and removes the key; the next worker start keeps it so.
    ok(await h.ask({ type: 'unsubscribe', url: feedUrl }));
    ok(await h.ask({ type: 'remove-key', keyId: trusted.id }));
    const again = await started({ defaultFeed: feedUrl, buildKeys: [trustedText] });
    expect(await listFeeds(again.db)).toEqual([]);
    expect(await listTrustedKeys(again.db)).toEqual([]);
    expect(again.alarms.at(-1)).toBeNull();
    expect(again.tabs).toEqual([]);
  });

  it('the bundled pack removed stays removed across starts until Restore; it never replaces a newer version', async () => {
    const h = await started();
    expect(ok(await h.ask({ type: 'remove-pack', id: PACK })).message).toMatch(/^Removed "Russia's claim .*" \(version 1\)\. "Restore bundled pack" brings back/);
    expect(h.tabs.at(-1)).toEqual({ type: 'packs-changed' });
    expect(await valdaiFound(h)).toBe(false);
    const again = await started();
    expect(await installed(again)).toBeNull();
    expect(ok(await again.ask({ type: 'packs' })).bundled).toMatchObject([{ id: PACK, installed: false, removed: true }]);
    expect(ok(await again.ask({ type: 'restore-bundled' })).message).toMatch(/^Restored the bundled pack .* \(version 1\)\.$/);
    expect(await installed(again)).toBe(1);
    expect(await valdaiFound(again)).toBe(true);

    // A newer version from a file (or a feed) stays through later starts. A file replacing the
    // bundled pack is asked about first.
    expect(ok(await again.ask({ type: 'import-pack', text: JSON.stringify(version(4)), name: 'v4.json' }))).toMatchObject({ status: 'confirm', message: expect.stringMatching(/came with Crosscheck; importing this file replaces it/) });
    expect(await installed(again)).toBe(1);
    ok(await again.ask({ type: 'import-pack', text: JSON.stringify(version(4)), name: 'v4.json', replace: true }));
    await started();
    expect(await installed(again)).toBe(4);
    expect(ok(await again.ask({ type: 'restore-bundled' })).message).toBe('A newer version (4) of the bundled pack is installed; kept version 4.');
  });
});

describe('Update now', { timeout: 30_000 }, () => {
  it('installs the newer pack, rebuilds the engine, tells tabs and pages, with progress; then says up to date', async () => {
    await publish(version(2));
    const h = await started({ defaultFeed: feedUrl, buildKeys: [trustedText] });
    expect(await valdaiFound(h)).toBe(true);
    h.tabs.length = 0;
    const [r] = ok(await h.ask({ type: 'update-now' })).results;
    expect(r).toMatchObject({ feedUrl, status: 'updated', message: 'Updated to version 2 (was version 1).', packs: [{ id: PACK, status: 'updated', installed: 2, offered: 2 }] });
    expect(await installed(h)).toBe(2);
    expect(await valdaiFound(h)).toBe(false);
    expect(h.tabs).toEqual([{ type: 'packs-changed' }]);
    const progress = h.pages.filter((p) => p.type === 'sync-progress');
    const size = files.get(`/feed/packs/${PACK}-2.json`)!.byteLength;
    expect(progress).toContainEqual({ type: 'sync-progress', url: expect.stringMatching(/packs\//), what: 'pack', phase: 'download', received: size, total: size });
    expect(progress).toContainEqual(expect.objectContaining({ what: 'pack', phase: 'import', received: size }));
    expect(h.pages).toContainEqual({ type: 'feeds-changed' });
    expect(h.pages).toContainEqual({ type: 'packs-changed' });

    const [feed] = ok(await h.ask({ type: 'feeds' })).feeds;
    expect(feed).toMatchObject({ lastOutcome: 'updated', lastMessage: 'Updated to version 2 (was version 1).', failures: 0 });
    expect(feed).not.toHaveProperty('validators');
    const wait = Date.parse(feed.nextCheckAt!) - Date.parse(feed.lastCheckedAt!);
    expect(wait).toBeGreaterThanOrEqual(12 * 3_600_000);
    expect(wait).toBeLessThan(12 * 3_600_000 + 5_000);
    // The server sent an ETag; the next check does not send it back (even with the host permitted):
    // feed.json is read in full, and the pack, whose sha256 is the installed one's, is not fetched.
    hits = [];
    const [again] = ok(await h.ask({ type: 'update-now' })).results;
    expect(again.message).toBe('Up to date: version 2 is installed');
    expect(hits.map((x) => x.path)).toEqual(['/feed/feed.json']);
    expect(hits[0].headers['if-none-match']).toBeUndefined();
    expect(hits[0].headers['if-modified-since']).toBeUndefined();
  });

  it('one download at a time: checks asked for meanwhile wait for the running one and share its results', async () => {
    await publish(version(2));
    const h = await started({ defaultFeed: feedUrl, buildKeys: [trustedText] });
    slow = 150;
    const [a, b, c] = await Promise.all([h.ask({ type: 'update-now' }), h.ask({ type: 'update-now' }), h.service.onAlarm()]);
    expect(ok(a).results).toEqual(ok(b).results);
    expect(c).toEqual(ok(a).results);
    expect(hits.filter((x) => x.path.endsWith('feed.json'))).toHaveLength(1);
    expect(hits.filter((x) => x.path.includes('/packs/'))).toHaveLength(1);
    expect(await installed(h)).toBe(2);
  });

  it('a tampered pack, a 404 and an older version: refused or failed in words, the installed pack kept and used', async () => {
    const h = await started({ defaultFeed: feedUrl, buildKeys: [trustedText] });
    const [missing] = ok(await h.ask({ type: 'update-now' })).results;
    expect(missing).toMatchObject({ status: 'failed', message: expect.stringMatching(/HTTP 404 \(Not Found\) for the feed .*; the installed packs are unchanged; will try again later/) });
    expect((await listFeeds(h.db))[0].failures).toBe(1);

    await publish(version(3));
    tamper = true;
    const [bad] = ok(await h.ask({ type: 'update-now' })).results;
    expect(bad.status).toBe('refused');
    expect(bad.message).toMatch(/^The pack does not match the feed's checksum \(sha256\): it was altered or damaged on the way \(.*\); kept version 1$/);
    expect(await installed(h)).toBe(1);
    expect(await valdaiFound(h)).toBe(true);
    expect((await listFeeds(h.db))[0]).toMatchObject({ lastOutcome: 'refused', lastMessage: bad.message, failures: 0 });

    tamper = false;
    ok(await h.ask({ type: 'update-now' }));
    await publish(version(2));
    const [older] = ok(await h.ask({ type: 'update-now' })).results;
    expect(older.message).toBe('The feed offers version 2, older than the installed version 3; kept version 3');
  });

  it('without host permission: the same plain requests, and a failure says how to allow access', async () => {
    await publish(version(2));
    const h = await started({ defaultFeed: feedUrl, buildKeys: [trustedText], hasHostPermission: async () => false });
    ok(await h.ask({ type: 'update-now' }));
    hits = [];
    ok(await h.ask({ type: 'update-now' }));
    expect(hits[0].headers['if-none-match']).toBeUndefined();
    // A server that is down (another reader's database).
    dbName = `${dbName}-down`;
    const down = await started({ defaultFeed: 'http://127.0.0.1:9/feed.json', hasHostPermission: async () => false });
    const [r] = ok(await down.ask({ type: 'update-now' })).results;
    expect(r.message).toMatch(/could not reach 127\.0\.0\.1:9 .*allow Crosscheck to access 127\.0\.0\.1:9 \(Subscriptions, "Allow access"\)$/);
  });

  it('subscribing checks the new feed at once; "Update now" with no feed returns no results', async () => {
    const h = await started({ buildKeys: [trustedText] });
    expect(ok(await h.ask({ type: 'update-now' })).results).toEqual([]);
    await publish(version(2));
    const sub = ok(await h.ask({ type: 'subscribe', url: ` ${feedUrl} ` }));
    expect(sub).toMatchObject({ existed: false, feed: { url: feedUrl } });
    expect(ok(await h.ask({ type: 'subscribe', url: feedUrl })).existed).toBe(true);
    expect(await h.ask({ type: 'subscribe', url: 'ftp://x/feed.json' })).toEqual({ ok: false, error: "A feed's address starts with https://, not ftp://" });
    // "Update now" waits for the check subscribing started.
    ok(await h.ask({ type: 'update-now' }));
    expect(await installed(h)).toBe(2);
  });
});

describe('packs, keys and settings from the options page', { timeout: 30_000 }, () => {
  it('imports a file: problems with their JSON path and line; a valid newer pack installs; a list of packs too', async () => {
    const h = await started();
    const bad = version(5) as unknown as { claims: { kind: string }[] };
    bad.claims[3].kind = 'rumour';
    const text = JSON.stringify(bad, null, 2);
    const r = ok(await h.ask({ type: 'import-pack', text, name: 'bad.json' }));
    expect(r.status).toBe('refused');
    expect(r.message).toMatch(/^bad\.json was not imported: claims\[3\]\.kind \(line \d+, column \d+\): .*\. The installed packs are unchanged\.$/);
    const line = text.split('\n').findIndex((l) => l.includes('"rumour"')) + 1;
    expect(r.problems).toEqual([{ path: 'claims[3].kind', message: expect.any(String), line, column: expect.any(Number) }]);
    expect(await installed(h)).toBe(1);

    const broken = ok(await h.ask({ type: 'import-pack', text: '{\n  "format": 1,\n  "id": oops\n}', name: 'broken.json' }));
    expect(broken.problems).toEqual([{ path: '(file)', message: expect.stringMatching(/^invalid JSON at line 3, column 9: Unexpected token/), line: 3, column: 9 }]);

    h.tabs.length = 0;
    // It would replace the pack that came with Crosscheck: the reader is asked first, nothing installed.
    const ask = ok(await h.ask({ type: 'import-pack', text: JSON.stringify(version(5)), name: 'v5.json' }));
    expect(ask).toMatchObject({ status: 'confirm', problems: [] });
    expect(ask.message).toMatch(/^"Russia's claim .*" came with Crosscheck; importing this file replaces it with a pack no publisher signed\. Import v5\.json anyway\?/);
    expect(await installed(h)).toBe(1);
    const good = ok(await h.ask({ type: 'import-pack', text: JSON.stringify(version(5)), name: 'v5.json', replace: true }));
    expect(good).toMatchObject({ status: 'installed', problems: [] });
    expect(good.message).toMatch(/^Imported "Russia's claim .*" version 5 \(was version 1\)\.$/);
    expect(h.tabs).toEqual([{ type: 'packs-changed' }]);
    expect(await valdaiFound(h)).toBe(false);
    expect((await h.db.packs.get(PACK))?.source).toBe('file');

    const older = ok(await h.ask({ type: 'import-pack', text: JSON.stringify(version(2)), name: 'v2.json' }));
    expect(older).toMatchObject({ status: 'refused', message: expect.stringMatching(/Version 2 is older than the installed version 5; kept version 5/) });

    // Export, then import the export: the same pack, already installed.
    const exp = ok(await h.ask({ type: 'export-packs' }));
    expect(exp).toMatchObject({ fileName: `${PACK}-5.json`, count: 1 });
    expect(ok(await h.ask({ type: 'import-pack', text: exp.json, name: exp.fileName })).message).toMatch(/version 5 is already installed/);
    const other = { ...version(1), id: 'other-story', title: 'Another story' };
    const list = ok(await h.ask({ type: 'import-pack', text: JSON.stringify([other, version(6)]), name: 'two.json' }));
    expect(list.status).toBe('installed');
    const all = ok(await h.ask({ type: 'export-packs' }));
    expect(all.count).toBe(2);
    expect((JSON.parse(all.json) as Pack[]).map((p) => [p.id, p.version])).toEqual([['other-story', 1], [PACK, 6]]);
    const dup = ok(await h.ask({ type: 'import-pack', text: JSON.stringify([other, other]), name: 'dup.json' }));
    expect(dup.problems).toEqual([expect.objectContaining({ path: '[1].id', message: 'pack "other-story" is given twice in this file' })]);
  });

  it('keys: add with problems named by line, list, remove', async () => {
    const h = await started();
    const added = ok(await h.ask({ type: 'add-key', text: trustedText, label: 'Publisher' }));
    expect(added).toMatchObject({ added: [{ keyId: trusted.id, label: 'Publisher', source: 'user' }], problems: [] });
    expect(ok(await h.ask({ type: 'add-key', text: 'hello world' })).problems).toEqual([expect.stringMatching(/^line 1: not a Crosscheck public key/)]);
    expect(ok(await h.ask({ type: 'keys' })).keys.map((k) => k.keyId)).toEqual([trusted.id]);
    expect(ok(await h.ask({ type: 'remove-key', keyId: trusted.id })).message).toMatch(/is no longer trusted/);
  });

  it('settings: the scan reply carries the display settings; out of range refused; sites listed', async () => {
    const h = await started();
    expect(ok(await h.ask({ type: 'scan', url: 'https://a.example/', text: VALDAI_TEXT }, 1)).display).toEqual({ hoverDelayMs: 350, highlightStyle: 'quiet' });
    ok(await h.ask({ type: 'set-settings', hoverDelayMs: 900, highlightStyle: 'underline' }));
    expect(ok(await h.ask({ type: 'scan', url: 'https://a.example/', text: VALDAI_TEXT }, 1)).display).toEqual({ hoverDelayMs: 900, highlightStyle: 'underline' });
    expect(await h.ask({ type: 'set-settings', checkIntervalHours: 0 })).toEqual({ ok: false, error: 'The update interval must be a whole number of hours from 1 to 168' });
    expect(await h.ask({ type: 'set-site', host: 'not a host!', enabled: false })).toMatchObject({ ok: false });
    ok(await h.ask({ type: 'set-site', host: 'https://www.example.com/x', enabled: false }));
    expect(ok(await h.ask({ type: 'sites' })).sites).toEqual(['www.example.com']);
  });
});

describe('a woken worker', { timeout: 30_000 }, () => {
  it('restores the compiled engine from its cache, and compiles again after a pack change', async () => {
    const first = await started();
    const scan = (h: Harness) => h.ask({ type: 'scan', url: 'https://news.example/a', text: VALDAI_TEXT }, 3);
    const before = ok(await scan(first)).result;
    expect(first.logs).toContain(`info: scan engine compiled (${PACK}@1)`);

    const woken = await started();
    const after = ok(await scan(woken)).result;
    expect(after).toEqual(before);
    expect(woken.logs).toContain(`info: scan engine restored from its cache (${PACK}@1)`);
    expect(woken.logs.join('\n')).not.toMatch(/compiled/);

    ok(await woken.ask({ type: 'import-pack', text: JSON.stringify(version(2)), name: 'v2.json', replace: true }));
    expect(woken.logs).toContain(`info: scan engine compiled (${PACK}@2)`);
    expect((await woken.db.engineCache.toArray()).map((r) => r.key)).toEqual([`${PACK}@2`]);
  });

  it('the popup of an open tab asks the tab to scan again and waits for it', async () => {
    const h = await started();
    const pending = h.ask({ type: 'page-summary', tabId: 9 });
    await new Promise((r) => setTimeout(r, 20));
    expect(h.rescans).toEqual([9]);
    ok(await h.ask({ type: 'scan', url: 'https://news.example/a', text: VALDAI_TEXT }, 9));
    expect(ok(await pending).summary).toMatchObject({ url: 'https://news.example/a', result: { claims: [expect.objectContaining({ id: 'valdai-compound' })] } });
    // A tab that never answers is asked once, not on every popup.
    const t0 = Date.now();
    expect(ok(await h.ask({ type: 'page-summary', tabId: 10 })).summary).toBeNull();
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1_900);
    expect(ok(await h.ask({ type: 'page-summary', tabId: 10 })).summary).toBeNull();
    expect(h.rescans).toEqual([9, 10]);
  });
});

describe('delete all data', { timeout: 30_000 }, () => {
  const OTHER = { ...version(1), id: 'other-story', title: 'Another story' };
  /** A feed's own pack (the reader's key may not replace the bundled one). */
  const FEED_PACK = { ...version(2), id: 'feed-story', title: 'A feed story' };
  const RECORD_TABLES = ['outlets', 'articles', 'actors', 'claims', 'reports', 'positions'] as const;

  it('deletes packs, feeds, the keys the reader added, settings, sites, the engine cache and tabs\' findings; clears the alarm; installs what ships again', async () => {
    const build = await newSigningKey();
    await publish(FEED_PACK);
    // The popup's wait for a rescan is not what this test is about.
    const h = await started({ buildKeys: [build.publicKeyText], rescanTab: undefined });
    // The reader's use: a key, a feed and its pack, a file's pack, settings, a site, a tab's findings.
    ok(await h.ask({ type: 'add-key', text: trustedText, label: 'Publisher' }));
    ok(await h.ask({ type: 'subscribe', url: feedUrl }));
    ok(await h.ask({ type: 'update-now' }));
    expect((await h.db.packs.get(FEED_PACK.id))?.version).toBe(2);
    expect(await h.db.publisherVersions.count()).toBe(1);
    ok(await h.ask({ type: 'import-pack', text: JSON.stringify(OTHER), name: 'other.json' }));
    ok(await h.ask({ type: 'set-settings', hoverDelayMs: 900, highlightStyle: 'underline', checkIntervalHours: 24 }));
    ok(await h.ask({ type: 'set-site', host: 'www.example.com', enabled: false }));
    ok(await h.ask({ type: 'remove-key', keyId: build.key.id }));
    ok(await h.ask({ type: 'scan', url: 'https://news.example/a', text: VALDAI_TEXT }, 7));
    expect(ok(await h.ask({ type: 'page-summary', tabId: 7 })).summary).not.toBeNull();
    expect(typeof h.alarms.at(-1)).toBe('number');
    h.tabs.length = 0;
    h.pages.length = 0;
    h.alarms.length = 0;

    const r = ok(await h.ask({ type: 'delete-all-data' }));
    expect(r.message).toBe(
      "Deleted 3 packs, 1 subscription, 1 key you added, 1 site turned off, your reading settings and the scanner's cache. " +
        `The pack that came with Crosscheck ("${version(1).title}", version 1) is installed again. The key that came with this build is trusted again.`,
    );

    // Table by table: only what ships with the extension.
    expect(await h.db.feeds.toArray()).toEqual([]);
    expect((await h.db.packs.toArray()).map((p) => [p.id, p.version, p.source])).toEqual([[PACK, 1, 'bundled']]);
    // The versions publishers installed are forgotten too (PRIVACY.md).
    expect(await h.db.publisherVersions.toArray()).toEqual([]);
    for (const t of RECORD_TABLES) expect(await h.db[t].where('pack').equals(OTHER.id).count(), t).toBe(0);
    expect(await h.db.claims.count()).toBe(bundledPack().claims.length);
    expect((await listTrustedKeys(h.db)).map((k) => [k.keyId, k.source])).toEqual([[build.key.id, 'build']]);
    expect((await h.db.settings.toArray()).map((row) => row.key)).toEqual(['marker:buildKeysSeen']);
    expect((await h.db.engineCache.toArray()).map((row) => row.key)).toEqual([`${PACK}@1`]);
    // Through the requests too: defaults, no site off, no findings for the tab.
    expect(ok(await h.ask({ type: 'settings' })).settings).toEqual({ hoverDelayMs: 350, highlightStyle: 'quiet', checkIntervalHours: 12 });
    expect(ok(await h.ask({ type: 'sites' })).sites).toEqual([]);
    expect(ok(await h.ask({ type: 'page-summary', tabId: 7 })).summary).toBeNull();
    expect(await valdaiFound(h)).toBe(true);

    // No wake-up is left; tabs scan again, the options page reloads.
    expect(h.alarms).toContain(null);
    expect(h.alarms.at(-1)).toBeNull();
    expect(h.tabs).toEqual([{ type: 'packs-changed' }]);
    expect(h.pages).toEqual(expect.arrayContaining([{ type: 'packs-changed' }, { type: 'feeds-changed' }]));

    // Nothing is fetched any more, and the next worker start brings nothing back.
    hits = [];
    expect(ok(await h.ask({ type: 'update-now' })).results).toEqual([]);
    const again = await started({ buildKeys: [build.publicKeyText] });
    expect(await listFeeds(again.db)).toEqual([]);
    expect((await again.db.packs.toArray()).map((p) => [p.id, p.version])).toEqual([[PACK, 1]]);
    expect(hits).toEqual([]);
  });

  it('does not subscribe to the build\'s default feed again: deleting starts no requests', async () => {
    const h = await started({ defaultFeed: feedUrl });
    expect((await listFeeds(h.db)).map((f) => f.url)).toEqual([feedUrl]);
    ok(await h.ask({ type: 'delete-all-data' }));
    expect(await listFeeds(h.db)).toEqual([]);
    const again = await started({ defaultFeed: feedUrl });
    expect(await listFeeds(again.db)).toEqual([]);
    expect(again.alarms.at(-1)).toBeNull();
  });

  it('a bundled pack the reader had removed is installed again', async () => {
    const h = await started();
    ok(await h.ask({ type: 'remove-pack', id: PACK }));
    expect(await installed(h)).toBeNull();
    expect(ok(await h.ask({ type: 'delete-all-data' })).message).toMatch(/^Deleted 0 packs, 0 subscriptions, 0 keys you added, 0 sites turned off, .* is installed again\.$/);
    expect(await installed(h)).toBe(1);
    expect(ok(await h.ask({ type: 'packs' })).bundled).toMatchObject([{ installed: true, removed: false }]);
  });

  it('waits for a feed check under way, so nothing it downloads comes back after', async () => {
    await publish(FEED_PACK);
    slow = 400;
    const h = await started();
    ok(await h.ask({ type: 'add-key', text: trustedText }));
    // Subscribing starts a check; the deletion is asked for while it downloads (the check has read
    // the trusted keys by then, and would install what it downloads).
    ok(await h.ask({ type: 'subscribe', url: feedUrl }));
    while (!hits.length) await new Promise((r) => setTimeout(r, 10));
    ok(await h.ask({ type: 'delete-all-data' }));
    // Whatever check may still run has ended (checkFeeds waits for a running one).
    await h.service.checkFeeds('due');
    expect(await listFeeds(h.db)).toEqual([]);
    expect(await installed(h)).toBe(1);
    expect((await h.db.packs.get(PACK))?.source).toBe('bundled');
    expect(await h.db.packs.get(FEED_PACK.id)).toBeUndefined();
  });
});

describe('diagnostics', () => {
  it('answers with the counts the background passes in', async () => {
    const h = await started({ diagnostics: () => ({ dropped: { sender: 1, malformed: 2, 'not-allowed': 3 }, since: '2026-02-01T10:00:00.000Z' }) });
    expect(await h.ask({ type: 'diagnostics' })).toEqual({ ok: true, dropped: { sender: 1, malformed: 2, 'not-allowed': 3 }, since: '2026-02-01T10:00:00.000Z' });
  });
});

describe('the protocol', () => {
  const ext = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';
  it('content scripts may scan and ask for actor cards, nothing else; extension pages anything', () => {
    const scan = parseRequest({ type: 'scan', url: 'https://a.example/', text: 'x' })!;
    const update = parseRequest({ type: 'update-now' })!;
    const importReq = parseRequest({ type: 'import-pack', text: '{}', name: 'a.json' })!;
    const fromPage = { tab: { id: 1 }, url: 'https://evil.example/' };
    expect(allowedFrom(scan, fromPage, ext)).toBe(true);
    expect(allowedFrom(update, fromPage, ext)).toBe(false);
    expect(allowedFrom(importReq, fromPage, ext)).toBe(false);
    expect(allowedFrom(update, { tab: { id: 1 }, url: `${ext}.evil.example/options.html` }, ext)).toBe(false);
    expect(allowedFrom(update, { tab: { id: 1 }, url: `${ext}/options.html` }, ext)).toBe(true);
    expect(allowedFrom(update, { url: `${ext}/popup.html` }, ext)).toBe(true);
  });

  it('validates the new messages on receipt', () => {
    expect(parseRequest({ type: 'set-settings', hoverDelayMs: '100' })).toBeNull();
    expect(parseRequest({ type: 'set-settings', highlightStyle: 'blink' })).toBeNull();
    expect(parseRequest({ type: 'subscribe' })).toBeNull();
    expect(parseRequest({ type: 'remove-pack', id: 'x'.repeat(200) })).toBeNull();
    expect(parsePacksChanged({ type: 'packs-changed' })).toEqual({ type: 'packs-changed' });
    expect(parsePacksChanged({ type: 'navigate' })).toBeNull();
    expect(parsePageEvent({ type: 'sync-progress', url: 'u', what: 'pack', phase: 'download', received: 5, total: null })).not.toBeNull();
    expect(parsePageEvent({ type: 'sync-progress', url: 'u', what: 'pack', phase: 'download', received: -1, total: 3 })).toBeNull();
    expect(parsePageEvent({ type: 'update-now' })).toBeNull();
  });
});
