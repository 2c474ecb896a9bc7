// Pack sync as a reader's extension runs it: a real HTTP server on 127.0.0.1, Node's fetch, the real
// store (fake-indexeddb). Every refusal must leave the installed pack complete and in use, and say
// so in words a reader understands.
import { createHash } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { packDigest } from '../../lib/feed/delta';
import type { Feed } from '../../lib/feed/format';
import { formatPublicKey, sha256Hex, signBytes, type PublicKey, type SigningKey } from '../../lib/feed/keys';
import { newSigningKey } from '../helpers/keys';
import { buildFeed, signFeed } from '../../lib/feed/publish';
import type { Pack } from '../../lib/pack/schema';
import { validatePack } from '../../lib/pack/validate';
import { openDatabase, type CrosscheckDb } from '../../lib/store/db';
import { addTrustedKeys } from '../../lib/store/keys';
import { importPack, installBundledPack, loadPacks } from '../../lib/store/packs';
import { getClaim } from '../../lib/store/queries';
import { download } from '../../lib/sync/download';
import { nextCheckDelay, updateFeed, type UpdateDeps } from '../../lib/sync/update';
import { bundledPack } from '../helpers/corpus';
import { storeUpdateDeps } from '../helpers/sync';

const PACK = 'putin-residence-claim-2025-12';
const GONE = 'valdai-compound';
const enc = (s: string) => new TextEncoder().encode(s);

// ---- the feed server ----------------------------------------------------------------------------
type Handler = (req: http.IncomingMessage, res: http.ServerResponse, body: Buffer | undefined) => void;
const files = new Map<string, Buffer>();
const handlers = new Map<string, Handler>();
let hits: string[] = [];
/** The headers of each request, by path: what a server could learn or get back. */
let asked: { path: string; headers: http.IncomingHttpHeaders }[] = [];
let server: http.Server;
let origin = '';
let feedUrl = '';

function serveFile(req: http.IncomingMessage, res: http.ServerResponse, body: Buffer | undefined) {
  if (!body) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 16)}"`;
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, { etag });
    res.end();
    return;
  }
  // A per-reader ETag and a cookie: neither may come back.
  res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.byteLength, etag, 'set-cookie': 'reader=r-42; Path=/', 'access-control-allow-origin': '*' });
  res.end(body);
}

beforeAll(async () => {
  server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    hits.push(p);
    asked.push({ path: p, headers: req.headers });
    (handlers.get(p) ?? serveFile)(req, res, files.get(p));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  feedUrl = `${origin}/feed/feed.json`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

// ---- keys, packs, feeds -------------------------------------------------------------------------
let trusted: SigningKey;
let stranger: SigningKey;
const signingKey = async (): Promise<SigningKey> => (await newSigningKey()).key;
beforeAll(async () => {
  trusted = await signingKey();
  stranger = await signingKey();
});

/** Version `version` of the bundled pack without the Valdai compound claim. */
function withoutValdai(version: number): Pack {
  const p = bundledPack();
  p.version = version;
  p.claims = p.claims.filter((c) => c.id !== GONE);
  p.reports = p.reports.filter((r) => r.claim !== GONE);
  p.positions = p.positions.filter((x) => x.claim !== GONE && x.via !== GONE);
  return p;
}
const v1 = () => bundledPack();

/** Publishes the packs as `feed build` would, at /feed/. */
let feedKey: SigningKey;
async function publish(packs: Pack[], key: SigningKey = trusted) {
  files.clear();
  handlers.clear();
  feedKey = key;
  const built = await buildFeed(packs.map((p) => ({ name: `v${p.version}.json`, bytes: enc(JSON.stringify(p, null, 1)) })), key);
  for (const f of built.files) files.set(`/feed/${f.path}`, Buffer.from(f.bytes));
  return built;
}
/** The feed's signed content; and the feed changed, signed again (by the publisher's key unless another is given). */
const feedJson = () => JSON.parse((JSON.parse(files.get('/feed/feed.json')!.toString('utf8')) as { signed: string }).signed) as Feed;
const setFeed = async (feed: Feed, key: SigningKey = feedKey) => files.set('/feed/feed.json', Buffer.from(await signFeed(feed, key)));
const packPath = (version: number) => `/feed/packs/${PACK}-${version}.json`;
const packHits = () => hits.filter((h) => h.startsWith('/feed/packs/'));
const deltaHits = () => hits.filter((h) => h.startsWith('/feed/deltas/'));

// ---- the store ----------------------------------------------------------------------------------
let db: CrosscheckDb;
let n = 0;
let trustedKeys: PublicKey[];
beforeEach(async () => {
  db = openDatabase(`sync-${n++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  expect((await installBundledPack(db, v1())).status).toBe('installed');
  // The publisher's key came with the build: it may update the bundled pack.
  await addTrustedKeys(db, formatPublicKey(trusted.publicKey), { source: 'build' });
  hits = [];
  asked = [];
  trustedKeys = [trusted.publicKey];
});

const deps = (over: Partial<UpdateDeps> = {}): UpdateDeps => storeUpdateDeps(db, trustedKeys, 3_000, over);

const validDigest = async (p: Pack) => {
  const r = validatePack(p);
  if (!r.ok) throw new Error('invalid test pack');
  return packDigest(r.pack);
};
/** What a reader has: the installed version, whether the Valdai claim is there, the whole content. */
async function state() {
  const [pack] = await loadPacks(db);
  return { version: pack.version, valdai: (await getClaim(db, PACK, GONE)) !== undefined, claims: pack.claims.length, digest: await packDigest(pack) };
}
async function expectVersion1Intact() {
  expect(await state()).toEqual({ version: 1, valdai: true, claims: v1().claims.length, digest: await validDigest(v1()) });
}

describe('updateFeed against a real server', () => {
  it('installs a newer pack; the next check reads feed.json in full and does not fetch the same pack again', async () => {
    await publish([withoutValdai(2)]);
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'updated', message: 'Updated to version 2 (was version 1).', packs: [{ id: PACK, status: 'updated', installed: 2, via: 'full' }] });
    expect(r.retry).toBeUndefined();
    expect(await state()).toEqual({ version: 2, valdai: false, claims: v1().claims.length - 1, digest: await validDigest(withoutValdai(2)) });
    const row = await db.packs.get(PACK);
    expect(row).toMatchObject({ source: 'feed', signer: { kind: 'key', keyId: trusted.id, sha256: feedJson().packs[0].sha256 } });

    // The server handed out an ETag and a cookie; the next check sends neither back: feed.json
    // comes whole (200, never 304), and the pack whose sha256 is the installed one's is not fetched.
    hits = [];
    asked = [];
    const again = await updateFeed(feedUrl, deps());
    expect(again).toMatchObject({ status: 'unchanged', message: 'Up to date: version 2 is installed' });
    expect(hits).toEqual(['/feed/feed.json']);
    expect(asked[0].headers).not.toHaveProperty('if-none-match');
    expect(asked[0].headers).not.toHaveProperty('if-modified-since');
    expect(asked[0].headers).not.toHaveProperty('cookie');
    expect((await state()).version).toBe(2);
  });

  it('tampered bytes: refused by the sha256, the old pack kept', async () => {
    await publish([withoutValdai(2)]);
    const p = packPath(2);
    files.set(p, Buffer.from(files.get(p)!.toString('utf8').replace('Lavrov', 'Lavrow')));
    const r = await updateFeed(feedUrl, deps());
    expect(r.status).toBe('refused');
    expect(r.message).toBe(`The pack does not match the feed's checksum (sha256): it was altered or damaged on the way (${origin}${p}); kept version 1`);
    expect(r.retry).toBeUndefined();
    await expectVersion1Intact();
  });

  it("bad signature: bytes and the feed's checksum both changed; refused by the signature", async () => {
    await publish([withoutValdai(2)]);
    const p = packPath(2);
    const forged = Buffer.from(files.get(p)!.toString('utf8').replace('Lavrov', 'Lavrow'));
    files.set(p, forged);
    const feed = feedJson();
    feed.packs[0].sha256 = await sha256Hex(forged);
    await setFeed(feed);
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused', packs: [{ status: 'refused', installed: 1 }] });
    expect(r.message).toMatch(new RegExp(`^Signature does not match the feed's key \\(${trusted.id}\\) for the pack \\(.*\\); kept version 1$`));
    await expectVersion1Intact();
  });

  it('a pack signed by another key claiming to be the trusted one is refused', async () => {
    await publish([withoutValdai(2)], stranger);
    const feed = feedJson();
    feed.packs[0].keyId = trusted.id;
    await setFeed(feed, trusted);
    const r = await updateFeed(feedUrl, deps());
    expect(r.message).toMatch(/^Signature does not match the feed's key .*; kept version 1$/);
    await expectVersion1Intact();
  });

  it('unknown key: refused before downloading the pack', async () => {
    await publish([withoutValdai(2)], stranger);
    // feed.json itself is signed by the stranger: refused before any pack is looked at.
    const f = await updateFeed(feedUrl, deps());
    expect(f).toMatchObject({ status: 'refused', cause: 'unknown-key', message: `The feed is signed with key ${stranger.id}, which is not one of your trusted keys; the installed packs are unchanged` });
    // A feed the reader trusts listing a stranger's pack.
    await setFeed(feedJson(), trusted);
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused', message: `The pack is signed with key ${stranger.id}, which is not one of your trusted keys; kept version 1` });
    expect(packHits()).toEqual([]);
    await expectVersion1Intact();
    // With no trusted key at all, the same.
    trustedKeys = [];
    expect((await updateFeed(feedUrl, deps())).status).toBe('refused');
    await expectVersion1Intact();
  });

  it('truncated body (Content-Length larger than the body, then the connection closes): failed, retried later', async () => {
    await publish([withoutValdai(2)]);
    const body = files.get(packPath(2))!;
    handlers.set(packPath(2), (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.byteLength });
      res.write(body.subarray(0, 5000), () => setTimeout(() => res.socket?.destroy(), 20));
    });
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'failed', retry: 'backoff', packs: [{ status: 'failed', retry: 'backoff' }] });
    expect(r.message).toMatch(/^Could not download the pack: the download of the pack \(.*\) was cut short after 4\.9 KB of \d+ KB .*; kept version 1; will try again later$/);
    await expectVersion1Intact();
  });

  it('a server that stalls in the middle of the body: timed out, kept', async () => {
    await publish([withoutValdai(2)]);
    const body = files.get(packPath(2))!;
    handlers.set(packPath(2), (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': body.byteLength });
      res.write(body.subarray(0, 1000)); // and nothing more
    });
    const started = Date.now();
    const r = await updateFeed(feedUrl, deps({ limits: { timeoutMs: 300 } }));
    expect(Date.now() - started).toBeLessThan(2_500);
    expect(r).toMatchObject({ status: 'failed', retry: 'backoff' });
    expect(r.message).toMatch(/^Could not download the pack: the server did not deliver the pack \(.*\) within 0\.3 seconds \(1000 bytes received\); kept version 1; will try again later$/);
    await expectVersion1Intact();
  });

  it('a feed server that never answers: timed out', async () => {
    handlers.set('/feed/feed.json', () => {});
    const r = await updateFeed(feedUrl, deps({ limits: { timeoutMs: 200 } }));
    expect(r).toMatchObject({ status: 'failed', retry: 'backoff' });
    expect(r.message).toMatch(/did not deliver the feed .* within 0\.2 seconds; the installed packs are unchanged; will try again later/);
    await expectVersion1Intact();
  });

  it('HTTP 500 for the pack or the feed: failed, backoff scheduled (with Retry-After)', async () => {
    await publish([withoutValdai(2)]);
    handlers.set(packPath(2), (_req, res) => {
      res.writeHead(500);
      res.end('oops');
    });
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'failed', retry: 'backoff' });
    expect(r.message).toMatch(/^Could not download the pack: the server answered HTTP 500 \(Internal Server Error\) for the pack \(.*\); kept version 1; will try again later$/);
    await expectVersion1Intact();

    handlers.set('/feed/feed.json', (_req, res) => {
      res.writeHead(503, { 'retry-after': '120' });
      res.end();
    });
    const f = await updateFeed(feedUrl, deps());
    expect(f).toMatchObject({ status: 'failed', retry: 'backoff', retryAfterMs: 120_000 });
    expect(f.message).toMatch(/HTTP 503 \(Service Unavailable\) for the feed/);
    expect(nextCheckDelay({ intervalMs: 86_400_000, failures: 1, random: () => 0.5, retryAfterMs: f.retryAfterMs })).toBe(300_000);
  });

  it('a missing feed (404) says so', async () => {
    const r = await updateFeed(`${origin}/nowhere/feed.json`, deps());
    expect(r).toMatchObject({ status: 'failed', retry: 'backoff' });
    expect(r.message).toMatch(/HTTP 404 \(Not Found\) for the feed/);
  });

  it('an oversized pack: refused from its stated size, or while streaming when the feed understates it', async () => {
    await publish([withoutValdai(2)]);
    const size = files.get(packPath(2))!.byteLength;
    const r = await updateFeed(feedUrl, deps({ limits: { maxBytes: 50_000 } }));
    expect(r).toMatchObject({ status: 'refused', message: `The pack is ${Math.round(size / 1024)} KB, over the limit of 49 KB; kept version 1` });
    expect(packHits()).toEqual([]);
    await expectVersion1Intact();

    // The feed says 20,000 bytes; the server streams the whole pack, chunked (no Content-Length).
    const body = files.get(packPath(2))!;
    let closed = false;
    handlers.set(packPath(2), (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.on('close', () => (closed = true));
      let at = 0;
      const more = () => {
        if (at >= body.byteLength) return res.end();
        res.write(body.subarray(at, at + 4096), () => setTimeout(more, 1));
        at += 4096;
      };
      more();
    });
    const feed = feedJson();
    feed.packs[0].size = 20_000;
    await setFeed(feed);
    const s = await updateFeed(feedUrl, deps());
    expect(s.status).toBe('refused');
    expect(s.message).toMatch(/^The pack \(.*\) is larger than the 20000 bytes the feed states: it is not the file that was published; kept version 1$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(true);
    await expectVersion1Intact();
  });

  it('a schema-invalid pack, properly signed: refused with the JSON path; invalid JSON with its line', async () => {
    const bad = withoutValdai(2) as unknown as { claims: { kind: string }[] };
    bad.claims[3].kind = 'rumour';
    for (const [text, message] of [
      [JSON.stringify(bad), /^The pack from the feed is not valid \(claims\[3\]\.kind: .*\); kept version 1$/],
      ['{\n  "format": 1,\n  "id": ', /^The pack from the feed is not valid \(\(file\): invalid JSON at line 3, column 9: .*\); kept version 1$/],
    ] as const) {
      await publish([withoutValdai(2)]);
      const bytes = Buffer.from(text);
      files.set(packPath(2), bytes);
      const feed = feedJson();
      Object.assign(feed.packs[0], { sha256: await sha256Hex(bytes), size: bytes.byteLength, signature: await signBytes(trusted, bytes) });
      await setFeed(feed);
      const r = await updateFeed(feedUrl, deps());
      expect(r.status).toBe('refused');
      expect(r.message).toMatch(message);
      await expectVersion1Intact();
    }
  });

  it('an older version is refused without a download; a replayed old pack under a newer entry too', async () => {
    await importPack(db, withoutValdai(2), { source: 'bundled' });
    await publish([v1()]);
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused', message: 'The feed offers version 1, older than the installed version 2; kept version 2' });
    expect(packHits()).toEqual([]);
    expect((await state()).version).toBe(2);

    // The feed lists version 3 but serves the signed version 1 file.
    const replay = feedJson();
    replay.packs[0].version = 3;
    await setFeed(replay);
    const s = await updateFeed(feedUrl, deps());
    expect(s).toMatchObject({ status: 'refused', message: `The pack file is "${PACK}" version 1, but the feed lists "${PACK}" version 3; kept version 2` });
    expect((await state()).version).toBe(2);
  });

  it('a delta against the installed version installs without fetching the full pack', async () => {
    await publish([v1(), withoutValdai(2)]);
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'updated', message: 'Updated to version 2 (was version 1) with a delta.', packs: [{ via: 'delta', installed: 2 }] });
    expect(deltaHits()).toEqual([`/feed/deltas/${PACK}-1-to-2.json`]);
    expect(packHits()).toEqual([]);
    expect(await state()).toEqual({ version: 2, valdai: false, claims: v1().claims.length - 1, digest: await validDigest(withoutValdai(2)) });
  });

  it('a delta against the wrong base falls back to the full pack', async () => {
    // The installed version 1 is not the publisher's version 1 (another build of it).
    const mine = v1();
    mine.actors[0].role = 'Someone else';
    await importPack(db, mine, { source: 'bundled', force: true });
    await publish([v1(), withoutValdai(2)]);
    const r = await updateFeed(feedUrl, deps());
    expect(r.packs[0]).toMatchObject({ status: 'updated', via: 'full', deltaProblem: 'the installed version 1 is not the publisher\'s version 1' });
    expect(r.message).toMatch(/^Updated to version 2 \(was version 1\)\. The delta from version 1 was not used .*, so the full pack was downloaded\.$/);
    expect(deltaHits()).toHaveLength(1);
    expect(packHits()).toEqual([packPath(2)]);
    expect((await state()).digest).toBe(await validDigest(withoutValdai(2)));
  });

  it('deltas only from another version: the full pack, no delta fetched; a tampered delta: the full pack', async () => {
    await publish([withoutValdai(2), withoutValdai(3)]);
    const r = await updateFeed(feedUrl, deps());
    expect(r.packs[0]).toMatchObject({ status: 'updated', via: 'full', installed: 3 });
    expect(r.packs[0].deltaProblem).toBeUndefined();
    expect(deltaHits()).toEqual([]);

    db = openDatabase(`sync-${n++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
    await installBundledPack(db, v1());
    await addTrustedKeys(db, formatPublicKey(trusted.publicKey), { source: 'build' });
    await publish([v1(), withoutValdai(2)]);
    const d = `/feed/deltas/${PACK}-1-to-2.json`;
    files.set(d, Buffer.from(files.get(d)!.toString('utf8').replace('"from":1', '"from":7')));
    const s = await updateFeed(feedUrl, deps());
    expect(s.packs[0]).toMatchObject({ status: 'updated', via: 'full', deltaProblem: expect.stringMatching(/^the delta does not match the feed's checksum/) });
    expect((await state()).version).toBe(2);
  });

  it('a pack that needs a newer Crosscheck is skipped, saying so', async () => {
    await publish([withoutValdai(2)]);
    const feed = feedJson();
    feed.packs[0].minCrosscheck = '9.0.0';
    await setFeed(feed);
    const r = await updateFeed(feedUrl, deps());
    expect(r.packs[0]).toMatchObject({ status: 'skipped', message: 'Version 2 needs Crosscheck 9.0.0 or later (this is 0.1.0); kept version 1' });
    expect(r.status).toBe('unchanged');
    await expectVersion1Intact();
  });

  it('a feed of another format, or not JSON, is refused clearly', async () => {
    files.set('/feed/feed.json', Buffer.from(JSON.stringify({ format: 'crosscheck-feed', version: 3, packs: [] })));
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused' });
    expect(r.message).toBe(`The feed at ${feedUrl} is not valid: version: feed format version 3 is not supported; this version of Crosscheck reads version 2; the installed packs are unchanged`);
    files.set('/feed/feed.json', Buffer.from('<html>hello</html>'));
    expect((await updateFeed(feedUrl, deps())).message).toBe(
      `The address ${feedUrl} gives a web page (HTML), not a Crosscheck feed: check it (it should be the address of a feed.json file); the installed packs are unchanged`,
    );
    files.set('/feed/feed.json', Buffer.from('{"format": "crosscheck-feed", oops}'));
    expect((await updateFeed(feedUrl, deps())).message).toMatch(/is not valid: invalid JSON at line 1, column 31: .*; the installed packs are unchanged$/);
    await expectVersion1Intact();
  });
});

describe('download', () => {
  it('stops reading at the size cap while the body streams (no Content-Length)', async () => {
    let sent = 0;
    let closed = false;
    handlers.set('/endless', (_req, res) => {
      res.writeHead(200);
      res.on('close', () => (closed = true));
      const chunk = Buffer.alloc(16 * 1024, 97);
      const more = () => {
        if (closed || sent > 50 * 1024 * 1024) return res.end();
        sent += chunk.byteLength;
        res.write(chunk, () => setImmediate(more));
      };
      more();
    });
    const r = await download(`${origin}/endless`, { timeoutMs: 5_000, maxBytes: 100_000, what: 'the pack' });
    expect(r).toMatchObject({ ok: false, kind: 'too-large', transient: false, message: expect.stringMatching(/is larger than 98 KB, over the limit of 98 KB/) });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(closed).toBe(true);
    expect(sent).toBeLessThan(5 * 1024 * 1024);
  });

  it('reports progress as the body streams in: 0, growing, the whole size, with the declared total', async () => {
    const body = Buffer.alloc(200_000, 98);
    handlers.set('/big', (_req, res) => {
      res.writeHead(200, { 'content-length': body.byteLength });
      // In pieces, so the reader sees several chunks.
      let at = 0;
      const more = () => {
        if (at >= body.byteLength) return res.end();
        res.write(body.subarray(at, (at += 32 * 1024)), () => setImmediate(more));
      };
      more();
    });
    const seen: [number, number | null][] = [];
    const r = await download(`${origin}/big`, { timeoutMs: 5_000, maxBytes: 1_000_000, onProgress: (received, total) => seen.push([received, total]) });
    expect(r).toMatchObject({ ok: true });
    expect(seen[0]).toEqual([0, body.byteLength]);
    expect(seen.at(-1)).toEqual([body.byteLength, body.byteLength]);
    expect(seen.length).toBeGreaterThan(3);
    expect(seen.every(([n], i) => i === 0 || n > seen[i - 1][0])).toBe(true);
    // No Content-Length: the total is unknown. A listener that throws does not break the download.
    handlers.set('/chunked', (_req, res) => {
      res.writeHead(200);
      res.end(body);
    });
    const unknown: (number | null)[] = [];
    const r2 = await download(`${origin}/chunked`, {
      timeoutMs: 5_000, maxBytes: 1_000_000,
      onProgress: (_n, total) => {
        unknown.push(total);
        throw new Error('listener bug');
      },
    });
    expect(r2).toMatchObject({ ok: true });
    expect(r2.ok && r2.bytes.byteLength).toBe(body.byteLength);
    expect(new Set(unknown)).toEqual(new Set([null]));
  });

  it('updateFeed reports the download of feed.json and of the pack, the pack against its stated size', async () => {
    const built = await publish([withoutValdai(2)]);
    const seen: { what: string; received: number; total: number | null }[] = [];
    const r = await updateFeed(feedUrl, deps({ onProgress: (p) => seen.push({ what: p.what, received: p.received, total: p.total }) }));
    expect(r.status).toBe('updated');
    const size = built.feed.packs[0].size;
    expect(seen.filter((p) => p.what === 'feed').at(-1)?.received).toBe(files.get('/feed/feed.json')!.byteLength);
    expect(seen.filter((p) => p.what === 'pack').at(-1)).toEqual({ what: 'pack', received: size, total: size });
  });

  it('sends nothing a server chose or set: no If-None-Match, If-Modified-Since, cookie or referrer; a 304 is an error', async () => {
    const seen: http.IncomingHttpHeaders[] = [];
    handlers.set('/cond', (req, res) => {
      seen.push(req.headers);
      res.writeHead(304, { etag: '"reader-42"', 'last-modified': 'Wed, 01 Jan 2026 00:00:00 GMT', 'set-cookie': 'reader=42' });
      res.end();
    });
    for (let i = 0; i < 2; i++) {
      const r = await download(`${origin}/cond`, { timeoutMs: 2_000, maxBytes: 10, what: 'the feed' });
      expect(r).toMatchObject({ ok: false, cause: 'http', status: 304 });
    }
    for (const h of seen) for (const name of ['if-none-match', 'if-modified-since', 'cookie', 'referer']) expect(h).not.toHaveProperty(name);
  });
});

describe('nextCheckDelay', () => {
  const day = 86_400_000;
  it('the interval with ±10% jitter after a success', () => {
    expect(nextCheckDelay({ intervalMs: day, failures: 0, random: () => 0 })).toBe(day * 0.9);
    expect(nextCheckDelay({ intervalMs: day, failures: 0, random: () => 0.5 })).toBe(day);
    expect(nextCheckDelay({ intervalMs: day, failures: 0, random: () => 0.999999 })).toBeCloseTo(day * 1.1, -3);
  });
  it('5 minutes after a failure, doubling, capped at the interval and at 24 hours', () => {
    const mid = () => 0.5;
    expect([1, 2, 3, 4].map((failures) => nextCheckDelay({ intervalMs: day, failures, random: mid }) / 60_000)).toEqual([5, 10, 20, 40]);
    expect(nextCheckDelay({ intervalMs: day, failures: 20, random: mid })).toBe(day);
    expect(nextCheckDelay({ intervalMs: 3_600_000, failures: 10, random: mid })).toBe(3_600_000);
    expect(nextCheckDelay({ intervalMs: 7 * day, failures: 50, random: mid })).toBe(day);
    expect(nextCheckDelay({ intervalMs: day, failures: 1, random: mid, retryAfterMs: 3_600_000 })).toBe(3_600_000);
  });
});
