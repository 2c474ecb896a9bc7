// Hostile feed servers, as a reader's Crosscheck meets them: real HTTP servers on 127.0.0.1 (two of
// them, two sites), Node's fetch, the real store on fake-indexeddb. A feed that redirects to
// another site, a web page where JSON should be, and answers of gigabytes are refused cleanly,
// in plain words, before anything is buffered beyond the limits; the installed pack stays
// complete and in use. docs/feed-format.md#how-a-client-updates and #redirects.
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import zlib from 'node:zlib';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Feed } from '../../lib/feed/format';
import { formatPublicKey, signBytes, type PublicKey, type SigningKey } from '../../lib/feed/keys';
import { buildFeed, signFeed } from '../../lib/feed/publish';
import type { Pack } from '../../lib/pack/schema';
import { openDatabase, type CrosscheckDb } from '../../lib/store/db';
import { addTrustedKeys } from '../../lib/store/keys';
import { installBundledPack, loadPacks } from '../../lib/store/packs';
import { sameSite } from '../../lib/sync/download';
import { updateFeed, type UpdateDeps } from '../../lib/sync/update';
import { bundledPack } from '../helpers/corpus';
import { storeUpdateDeps } from '../helpers/sync';
import { newSigningKey } from '../helpers/keys';

const PACK = 'putin-residence-claim-2025-12';
const KEPT = 'the installed packs are unchanged';

// ---- two sites ----------------------------------------------------------------------------------
type Handler = (req: http.IncomingMessage, res: http.ServerResponse) => void;
interface Site {
  server: http.Server;
  origin: string;
  files: Map<string, Buffer>;
  handlers: Map<string, Handler>;
  hits: string[];
}

async function site(): Promise<Site> {
  const s: Site = { server: http.createServer(), origin: '', files: new Map(), handlers: new Map(), hits: [] };
  s.server.on('request', (req: http.IncomingMessage, res: http.ServerResponse) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    s.hits.push(p);
    const handler = s.handlers.get(p);
    if (handler) return handler(req, res);
    const body = s.files.get(p);
    res.writeHead(body ? 200 : 404, { 'content-type': body ? 'application/json' : 'text/plain', ...(body ? { 'content-length': body.byteLength } : {}) });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((resolve) => s.server.listen(0, '127.0.0.1', resolve));
  s.origin = `http://127.0.0.1:${(s.server.address() as AddressInfo).port}`;
  return s;
}

let home: Site;
let elsewhere: Site;
let feedUrl = '';
beforeAll(async () => {
  home = await site();
  elsewhere = await site();
  feedUrl = `${home.origin}/feed/feed.json`;
});
afterAll(async () => {
  for (const s of [home, elsewhere]) {
    s.server.closeAllConnections();
    await new Promise((resolve) => s.server.close(resolve));
  }
});

const redirect = (to: string, status = 302): Handler => (_req, res) => {
  res.writeHead(status, { location: to });
  res.end();
};

/** Streams `chunk` until the client goes away (or `cap` bytes), counting what was written. */
function endless(res: http.ServerResponse, chunk: Buffer, sink: NodeJS.WritableStream = res, cap = 200 * 1024 * 1024) {
  const state = { sent: 0, closed: false };
  res.on('close', () => (state.closed = true));
  res.on('error', () => (state.closed = true));
  const more = () => {
    if (state.closed || state.sent > cap) return;
    state.sent += chunk.byteLength;
    sink.write(chunk, () => setImmediate(more));
  };
  more();
  return state;
}

// ---- keys, packs, the published feed ------------------------------------------------------------
let trusted: SigningKey;
let trustedKeys: PublicKey[];
beforeAll(async () => {
  trusted = (await newSigningKey()).key;
});

function version(v: number): Pack {
  const p = bundledPack();
  p.version = v;
  p.title = `${p.title} (version ${v})`;
  return p;
}

/** Publishes the packs as `feed build` would, into the home site's /feed/ (or another site's). */
async function publish(packs: Pack[], on: Site = home) {
  for (const s of [home, elsewhere]) {
    s.files.clear();
    s.handlers.clear();
  }
  const built = await buildFeed(packs.map((p) => ({ name: `v${p.version}.json`, bytes: new TextEncoder().encode(JSON.stringify(p, null, 1)) })), trusted);
  for (const f of built.files) on.files.set(`/feed/${f.path}`, Buffer.from(f.bytes));
  return built;
}
/** The feed's signed content; and the feed changed, signed again by the publisher. */
const feedOf = (s: Site) => JSON.parse((JSON.parse(s.files.get('/feed/feed.json')!.toString('utf8')) as { signed: string }).signed) as Feed;
const setFeed = async (s: Site, feed: Feed) => s.files.set('/feed/feed.json', Buffer.from(await signFeed(feed, trusted)));
const packPath = (v: number) => `/feed/packs/${PACK}-${v}.json`;
/** feed.json around any text, signed by the publisher: what a hostile feed content meets after its signature verified. */
const signedText = async (text: string) =>
  Buffer.from(JSON.stringify({ format: 'crosscheck-feed', version: 2, keyId: trusted.id, signature: await signBytes(trusted, new TextEncoder().encode(text)), signed: text }));

// ---- the reader's store -------------------------------------------------------------------------
let db: CrosscheckDb;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`hostile-feeds-${n++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  expect((await installBundledPack(db, bundledPack())).status).toBe('installed');
  // The publisher's key came with the build: it may update the bundled pack.
  await addTrustedKeys(db, formatPublicKey(trusted.publicKey), { source: 'build' });
  trustedKeys = [trusted.publicKey];
  home.hits = [];
  elsewhere.hits = [];
});

const deps = (over: Partial<UpdateDeps> = {}): UpdateDeps => storeUpdateDeps(db, trustedKeys, 5_000, over);

/** The bundled version 1 is installed, whole. */
async function expectVersion1Kept() {
  const packs = await loadPacks(db);
  expect(packs.map((p) => [p.id, p.version, p.title, p.claims.length, p.reports.length])).toEqual([
    [PACK, 1, bundledPack().title, bundledPack().claims.length, bundledPack().reports.length],
  ]);
}
const installedVersion = async () => (await loadPacks(db))[0]?.version;

// -------------------------------------------------------------------------------------------------
describe('redirects', () => {
  it("feed.json redirected to another site: refused, nothing from there used, the pack kept", async () => {
    // The other site serves a perfectly good feed of a newer, properly signed pack.
    await publish([version(2)], elsewhere);
    home.handlers.set('/feed/feed.json', redirect(`${elsewhere.origin}/feed/feed.json`));
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused', packs: [] });
    expect(r.message).toBe(
      `Could not update from the feed: the feed (${feedUrl}) redirected to ${elsewhere.origin}/feed/feed.json, on another site; ` +
        `Crosscheck follows redirects only within the site of the address it was given; ${KEPT}`,
    );
    expect(r.retry).toBeUndefined();
    expect(elsewhere.hits.filter((h) => h.startsWith('/feed/packs/'))).toEqual([]);
    await expectVersion1Kept();
  });

  it("a redirect within the feed's site is followed, and the pack's relative URL resolves where it ended", async () => {
    await publish([version(2)]);
    const feedJson = home.files.get('/feed/feed.json')!;
    home.files.delete('/feed/feed.json');
    home.files.set('/moved/feed.json', feedJson);
    for (const [p, body] of [...home.files]) if (p.startsWith('/feed/')) home.files.set(p.replace('/feed/', '/moved/'), body);
    home.handlers.set('/feed/feed.json', redirect('/moved/feed.json', 301));
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'updated', message: 'Updated to version 2 (was version 1).' });
    expect(home.hits).toEqual(['/feed/feed.json', '/moved/feed.json', `/moved/packs/${PACK}-2.json`]);
    expect(await installedVersion()).toBe(2);
  });

  it('a pack the feed lists on another site is fetched from there; a pack redirected to another site is refused', async () => {
    // Listed there: the feed's own statement, and the file is verified by checksum and signature.
    await publish([version(2)]);
    elsewhere.files.set('/cdn/pack.json', home.files.get(packPath(2))!);
    const listed = feedOf(home);
    listed.packs[0].url = `${elsewhere.origin}/cdn/pack.json`;
    await setFeed(home, listed);
    expect(await updateFeed(feedUrl, deps())).toMatchObject({ status: 'updated', packs: [{ installed: 2 }] });
    expect(elsewhere.hits).toEqual(['/cdn/pack.json']);

    // Listed at home, redirected elsewhere: refused, the version installed kept.
    await publish([version(3)]);
    elsewhere.files.set('/cdn/pack.json', home.files.get(packPath(3))!);
    home.handlers.set(packPath(3), redirect(`${elsewhere.origin}/cdn/pack.json`));
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused', packs: [{ status: 'refused', installed: 2 }] });
    expect(r.message).toBe(
      `Could not download the pack: the pack (${home.origin}${packPath(3)}) redirected to ${elsewhere.origin}/cdn/pack.json, on another site; ` +
        'Crosscheck follows redirects only within the site of the address it was given; kept version 2',
    );
    expect(r.retry).toBeUndefined();
    expect(await installedVersion()).toBe(2);
  });

  it('a delta redirected to another site is not used: the full pack is', async () => {
    await publish([version(1), version(2)]);
    const delta = `/feed/deltas/${PACK}-1-to-2.json`;
    elsewhere.files.set(delta, home.files.get(delta)!);
    home.handlers.set(delta, redirect(`${elsewhere.origin}${delta}`));
    const r = await updateFeed(feedUrl, deps());
    expect(r.packs[0]).toMatchObject({ status: 'updated', via: 'full', deltaProblem: expect.stringMatching(/redirected to .*, on another site;/) });
    expect(await installedVersion()).toBe(2);
  });

  it('what counts as the same site', () => {
    const same = (a: string, b: string) => sameSite(new URL(a), new URL(b));
    expect(same('https://feeds.example/a/feed.json', 'https://feeds.example/b/feed.json')).toBe(true);
    expect(same('http://feeds.example/feed.json', 'https://feeds.example/feed.json')).toBe(true);
    expect(same('https://feeds.example/feed.json', 'http://feeds.example/feed.json')).toBe(false);
    expect(same('https://feeds.example/feed.json', 'https://cdn.feeds.example/feed.json')).toBe(false);
    expect(same('https://feeds.example/feed.json', 'https://feeds.example:8443/feed.json')).toBe(false);
    expect(same('http://feeds.example:8080/feed.json', 'https://feeds.example/feed.json')).toBe(false);
    expect(same('https://feeds.example/feed.json', 'https://evil.example/feed.json')).toBe(false);
  });
});

// -------------------------------------------------------------------------------------------------
describe('a web page where JSON should be', () => {
  const PAGE = '<!doctype html>\n<html><head><title>Page not found</title></head><body><h1>404</h1></body></html>';

  it.each([
    ['a plain page', PAGE],
    ['a page after a BOM and blank lines', `\ufeff\n\n  ${PAGE}`],
  ])('feed.json is %s (text/html, status 200): refused as a web page, saying what to check', async (_what, body) => {
    home.handlers.set('/feed/feed.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.end(body);
    });
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused', packs: [] });
    expect(r.message).toBe(`The address ${feedUrl} gives a web page (HTML), not a Crosscheck feed: check it (it should be the address of a feed.json file); ${KEPT}`);
    await expectVersion1Kept();
  });

  it("the pack's address answers with the host's page (status 200): refused as a web page, the pack kept", async () => {
    await publish([version(2)]);
    home.handlers.set(packPath(2), (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(PAGE);
    });
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused', packs: [{ status: 'refused', installed: 1 }] });
    expect(r.message).toBe(`The server sent a web page (HTML) instead of the pack (${home.origin}${packPath(2)}): the file is missing there, or its address is wrong; kept version 1`);
    await expectVersion1Kept();
  });
});

// -------------------------------------------------------------------------------------------------
describe('a hostile feed.json', () => {
  it('nested 500,000 deep (within its 1 MB): refused in plain words, no stack overflow', async () => {
    const N = 500_000;
    home.files.set('/feed/feed.json', Buffer.from('['.repeat(N) + ']'.repeat(N)));
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused', message: `The feed at ${feedUrl} is not valid: (feed): must be a JSON object; ${KEPT}` });
    // The same depth inside the signed content (the signature holds: the publisher's key was misused, or the test's).
    const expires = new Date(Date.now() + 86_400_000).toISOString();
    home.files.set('/feed/feed.json', await signedText(`{"format": "crosscheck-feed", "version": 2, "generated": "2026-01-01T00:00:00Z", "expires": "${expires}", "packs": ${'['.repeat(N - 200)}${']'.repeat(N - 200)}}`));
    expect((await updateFeed(feedUrl, deps())).message).toMatch(/^The feed at .* is not valid: packs\[0\]\.id: missing: this field is required; /);
    await expectVersion1Kept();
  });

  it('"__proto__" keys change no prototype; a bidi control in a title is refused with its path', async () => {
    await publish([version(2)]);
    const feed = feedOf(home) as unknown as Record<string, unknown> & { packs: Record<string, unknown>[] };
    const text = JSON.stringify(feed).replace('{"format"', '{"__proto__": {"polluted": 1}, "format"').replace('"keyId"', '"__proto__": {"polluted": 2}, "keyId"');
    home.files.set('/feed/feed.json', await signedText(text));
    expect(await updateFeed(feedUrl, deps())).toMatchObject({ status: 'updated' });
    expect([({} as Record<string, unknown>).polluted, (Object.prototype as Record<string, unknown>).polluted]).toEqual([undefined, undefined]);

    feed.packs[0].title = 'Putin\u202e residence';
    feed.packs[0].version = 3;
    home.files.set('/feed/feed.json', await signedText(JSON.stringify(feed)));
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused', packs: [] });
    expect(r.message).toMatch(/^The feed at .* is not valid: packs\[0\]\.title: contains U\+202E \(right-to-left override\) at character 6: /);
    expect(await installedVersion()).toBe(2);
  });
});

// -------------------------------------------------------------------------------------------------
describe('gigabytes', () => {
  it('feed.json declaring 5 GB: refused from its Content-Length, the body not read', async () => {
    let state = { sent: 0, closed: false };
    home.handlers.set('/feed/feed.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '5000000000' });
      state = endless(res, Buffer.alloc(64 * 1024, 0x20));
    });
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused', packs: [] });
    expect(r.message).toBe(`Could not update from the feed: the feed (${feedUrl}) is 4.7 GB, over the limit of 1.0 MB; ${KEPT}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(state.closed).toBe(true);
    expect(state.sent).toBeLessThan(20 * 1024 * 1024);
    await expectVersion1Kept();
  });

  it('feed.json streaming without end: cut off at 1 MB while streaming', async () => {
    let state = { sent: 0, closed: false };
    home.handlers.set('/feed/feed.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.write('{"format": "crosscheck-feed", "version": 1, "generated": "2026-01-01T00:00:00Z", "packs": [');
      state = endless(res, Buffer.from('{"id": "x"},'.repeat(5_000)));
    });
    const r = await updateFeed(feedUrl, deps());
    expect(r.status).toBe('refused');
    expect(r.message).toBe(`Could not update from the feed: the feed (${feedUrl}) is larger than 1.0 MB, over the limit of 1.0 MB; ${KEPT}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(state.closed).toBe(true);
    expect(state.sent).toBeLessThan(20 * 1024 * 1024);
    await expectVersion1Kept();
  });

  it('feed.json as a gzip bomb: the decompressed bytes count, cut off at 1 MB', async () => {
    let state = { sent: 0, closed: false };
    home.handlers.set('/feed/feed.json', (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-encoding': 'gzip' });
      const gzip = zlib.createGzip({ level: 1 });
      gzip.pipe(res);
      res.on('close', () => gzip.destroy());
      state = endless(res, Buffer.alloc(1024 * 1024, 0x20), gzip);
    });
    const r = await updateFeed(feedUrl, deps());
    expect(r.status).toBe('refused');
    expect(r.message).toMatch(/^Could not update from the feed: the feed \(.*\) is larger than 1\.0 MB, over the limit of 1\.0 MB; the installed packs are unchanged$/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(state.closed).toBe(true);
    await expectVersion1Kept();
  });

  it('a pack declaring 5 GB, or streaming without end: refused at the size the feed states', async () => {
    await publish([version(2)]);
    const size = feedOf(home).packs[0].size;
    for (const declared of ['5000000000', null]) {
      let state = { sent: 0, closed: false };
      home.handlers.set(packPath(2), (_req, res) => {
        res.writeHead(200, { 'content-type': 'application/json', ...(declared ? { 'content-length': declared } : {}) });
        state = endless(res, Buffer.alloc(64 * 1024, 0x20));
      });
      const r = await updateFeed(feedUrl, deps());
      expect(r).toMatchObject({ status: 'refused', packs: [{ status: 'refused', installed: 1 }] });
      expect(r.message).toBe(`The pack (${home.origin}${packPath(2)}) is larger than the ${size} bytes the feed states: it is not the file that was published; kept version 1`);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(state.closed).toBe(true);
      expect(state.sent).toBeLessThan(20 * 1024 * 1024);
      await expectVersion1Kept();
    }
  });

  it('a feed entry stating 5 GB: refused without a download', async () => {
    await publish([version(2)]);
    const feed = feedOf(home);
    feed.packs[0].size = 5_000_000_000;
    await setFeed(home, feed);
    const r = await updateFeed(feedUrl, deps());
    expect(r).toMatchObject({ status: 'refused', message: 'The pack is 4.7 GB, over the limit of 32 MB; kept version 1' });
    expect(home.hits).toEqual(['/feed/feed.json']);
    await expectVersion1Kept();
  });
});
