// The background's paths that install (lib/background): one install lock for all of them, and a
// second trusted publisher's feed, as the options page drives it, against a real HTTP server on
// 127.0.0.1 and the real store (fake-indexeddb). Issue 12, items 1, 2 and 4.
import { startFileServer, type FileServer } from '../helpers/file-server';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { SigningKey } from '../../lib/feed/keys';
import { buildFeed } from '../../lib/feed/publish';
import type { Pack } from '../../lib/pack/schema';
import { createBackground, type BackgroundDeps } from '../../lib/background';
import { InstallLock } from '../../lib/background/install-lock';
import type { PageEvent, Reply, Request } from '../../lib/protocol';
import { openDatabase } from '../../lib/store/db';
import { bundledPack } from '../helpers/corpus';
import { newSigningKey } from '../helpers/keys';
import { PACK, version, WHY } from '../helpers/publishers';



let a: { key: SigningKey; publicKeyText: string };
let b: { key: SigningKey; publicKeyText: string };
const files = new Map<string, Buffer>();
let server: FileServer;
let origin = '';
beforeAll(async () => {
  a = await newSigningKey();
  b = await newSigningKey();
  server = await startFileServer(files);
  origin = server.origin;
});
afterAll(() => server.close());
async function publish(dir: 'a' | 'b', pack: Pack | null, key: SigningKey) {
  for (const k of [...files.keys()]) if (k.startsWith(`/${dir}/`)) files.delete(k);
  if (!pack) return;
  const built = await buildFeed([{ name: 'p.json', bytes: new TextEncoder().encode(JSON.stringify(pack)) }], key);
  for (const f of built.files) files.set(`/${dir}/${f.path}`, Buffer.from(f.bytes));
}

let n = 0;
beforeEach(() => files.clear());
function background(over: Partial<BackgroundDeps> = {}) {
  const db = openDatabase(`bg-publishers-${n++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  const pages: PageEvent[] = [];
  const service = createBackground({
    db, setBadge: () => {}, bundledPacks: [bundledPack()], crosscheckVersion: '0.1.0', limits: { timeoutMs: 3_000 },
    buildKeys: [a.publicKeyText], defaultFeed: `${origin}/a/feed.json`, notifyPages: (m) => pages.push(m), random: () => 0.5, ...over,
  });
  const ask = async <R extends Request>(req: R): Promise<Extract<Reply<R>, { ok: true }>> => {
    const r = await service.handle(req, {});
    if (!r.ok) throw new Error(r.error);
    return r as Extract<Reply<R>, { ok: true }>;
  };
  return { db, service, pages, ask };
}

describe('the install lock', () => {
  it('runs each task alone, in the order asked, and a failure does not hold up the next', async () => {
    const lock = new InstallLock();
    const log: string[] = [];
    const task = (name: string, ms: number, fail = false) => () =>
      new Promise<string>((ok, ko) => {
        log.push(`start ${name}`);
        setTimeout(() => {
          log.push(`end ${name}`);
          if (fail) ko(new Error(name));
          else ok(name);
        }, ms);
      });
    const results = await Promise.allSettled([lock.run(task('a', 30)), lock.run(task('b', 1, true)), lock.run(task('c', 1))]);
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('a file import asked for while a feed update installs waits for it: v5 from the feed stays, the file\'s v3 is refused', async () => {
    await publish('a', version(5), a.key);
    let fileImport: Promise<unknown> | null = null;
    const h = background({
      notifyPages: (m) => {
        // The feed's install is about to take the lock: the reader's (confirmed) import of v3 comes now.
        if (m.type === 'sync-progress' && m.phase === 'import' && m.what === 'pack' && !fileImport)
          fileImport = h.ask({ type: 'import-pack', text: JSON.stringify(version(3)), name: 'v3.json', replace: true });
      },
    });
    await h.service.start('test');
    const [check] = (await h.ask({ type: 'update-now' })).results;
    expect(check).toMatchObject({ status: 'updated' });
    expect(fileImport).not.toBeNull();
    expect(await fileImport).toMatchObject({ status: 'refused', message: expect.stringMatching(/Version 3 is older than the installed version 5/) });
    expect((await h.db.packs.get(PACK))?.version).toBe(5);
    expect((await h.db.packs.get(PACK))?.signer).toMatchObject({ kind: 'key', keyId: a.key.id });
  });
});

describe('a second trusted publisher, from the options page', () => {
  it('cannot replace the bundled pack; the build\'s publisher updates it; after removal, no older version comes back', async () => {
    const h = background();
    await h.service.start('test');
    const packs = async () => (await h.ask({ type: 'packs' })).packs.map((p) => [p.title, p.version, p.signer]);
    expect(await packs()).toEqual([[version(1).title, 1, { kind: 'bundled' }]]);

    // The reader trusts B and subscribes to B's feed, which offers the bundled pack's id.
    await publish('b', version(9007199254740991, 'Hijacked pack'), b.key);
    await h.ask({ type: 'add-key', text: b.publicKeyText });
    await h.ask({ type: 'subscribe', url: `${origin}/b/feed.json` });
    const results = (await h.ask({ type: 'update-now' })).results;
    const fromB = results.find((r) => r.feedUrl.includes('/b/'))!;
    expect(fromB).toMatchObject({ status: 'refused', packs: [{ status: 'refused', installed: 1, title: version(1).title }] });
    expect(fromB.message).toMatch(WHY);
    const feeds = (await h.ask({ type: 'feeds' })).feeds;
    expect(feeds.find((f) => f.url.includes('/b/'))).toMatchObject({ lastOutcome: 'refused', lastMessage: expect.stringMatching(/came with Crosscheck and may be updated only by a key that came with this build; this feed's key [0-9a-f]{16} may not replace it/) });
    expect(JSON.stringify(feeds)).not.toMatch(/Hijacked pack/);
    expect(await packs()).toEqual([[version(1).title, 1, { kind: 'bundled' }]]);

    // A (the build's key) publishes version 2: it installs, bound to A; B is still refused.
    await publish('a', version(2), a.key);
    const again = (await h.ask({ type: 'update-now' })).results;
    expect(again.find((r) => r.feedUrl.includes('/a/'))).toMatchObject({ status: 'updated' });
    expect(again.find((r) => r.feedUrl.includes('/b/'))?.message).toMatch(new RegExp(`is published by key ${a.key.id} .*; this feed's key ${b.key.id} may not replace it`));
    expect(await packs()).toEqual([[version(1).title, 2, { kind: 'key', keyId: a.key.id, feedUrl: `${origin}/a/feed.json` }]]);

    // Removed; B's feed is gone; A's feed serves version 1 again (signed, but older than A's 2).
    expect((await h.ask({ type: 'remove-pack', id: PACK })).message).toMatch(/versions older than 2 signed by key [0-9a-f]{16} will not be installed again/);
    await publish('b', null, b.key);
    await publish('a', version(1), a.key);
    const old = (await h.ask({ type: 'update-now' })).results.find((r) => r.feedUrl.includes('/a/'))!;
    expect(old).toMatchObject({ status: 'refused', message: expect.stringMatching(/^Version 1 is older than version 2, which this publisher \(key [0-9a-f]{16}\) already installed; .*nothing was installed$/) });
    expect(await packs()).toEqual([]);
    // "Restore bundled pack" is the reader's own choice: it comes back.
    expect((await h.ask({ type: 'restore-bundled' })).message).toMatch(/^Restored the bundled pack/);
  });

  it('a file import over a feed\'s pack asks first; confirmed, it is the reader\'s, and the feed no longer replaces it', async () => {
    await publish('a', version(2), a.key);
    const h = background();
    await h.service.start('test');
    await h.ask({ type: 'update-now' });
    const first = await h.ask({ type: 'import-pack', text: JSON.stringify(version(3)), name: 'v3.json' });
    expect(first).toMatchObject({ status: 'confirm' });
    expect(first.message).toMatch(new RegExp(`^".*" is published by key ${a.key.id} \\(from .*\\); importing this file replaces it with a pack no publisher signed\\. Import v3\\.json anyway\\?`));
    expect((await h.db.packs.get(PACK))?.version).toBe(2);
    const second = await h.ask({ type: 'import-pack', text: JSON.stringify(version(3)), name: 'v3.json', replace: true });
    expect(second).toMatchObject({ status: 'installed', message: expect.stringMatching(/version 3 \(was version 2\)/) });
    await publish('a', version(4), a.key);
    const [r] = (await h.ask({ type: 'update-now' })).results;
    expect(r.message).toMatch(/was imported from a file; this feed's key [0-9a-f]{16} may not replace it/);
    expect((await h.db.packs.get(PACK))?.version).toBe(3);
  });
});
