// The publisher's side of pack feeds: keys, deltas, feed.json, and the CLI's `keygen` and
// `feed build` as a publisher runs them.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { applyDelta, DeltaError, makeDelta, packDigest } from '../../lib/feed/delta';
import { checkDelta, checkFeed, checkFeedEnvelope, compareVersions, type Feed } from '../../lib/feed/format';
import {
  generateKeyPair, keyIdOf, parsePrivateKey, parsePublicKey, parsePublicKeyList, sha256Hex, signBytes, toHex, verifySignature, type PublicKey,
} from '../../lib/feed/keys';
import { buildFeed, DEFAULT_FEED_LIFETIME_MS, parseExpires, PublishError } from '../../lib/feed/publish';
import type { Pack } from '../../lib/pack/schema';
import { validatePack } from '../../lib/pack/validate';
import { bundledPack, BUNDLED_PACK, ROOT } from '../helpers/corpus';

const STACK = /^\s+at .+:\d+:\d+\)?$/m;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-feed-'));
const enc = (s: string) => new TextEncoder().encode(s);
function cli(args: string[]) {
  const r = spawnSync('npx', ['--no-install', 'crosscheck', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}`.replace(/^npm warn.*\n/gm, ''), stdout: r.stdout };
}
/** feed.json's signed content, after checking the envelope and (given the key) its signature. */
async function openFeed(bytes: Uint8Array, key?: PublicKey): Promise<Feed> {
  const env = checkFeedEnvelope(JSON.parse(new TextDecoder().decode(bytes)));
  if (!env.ok) throw new Error(JSON.stringify(env.problems));
  if (key) expect(await verifySignature(key, env.value.signature, enc(env.value.signed))).toBe(true);
  if (key) expect(env.value.keyId).toBe(key.id);
  const feed = checkFeed(JSON.parse(env.value.signed));
  if (!feed.ok) throw new Error(JSON.stringify(feed.problems));
  return feed.value;
}
const valid = (p: unknown): Pack => {
  const r = validatePack(p);
  if (!r.ok) throw new Error(r.problems.map((x) => `${x.path}: ${x.message}`).join('\n'));
  return r.pack;
};

/** Version 2 of the bundled pack: one claim removed (with its reports and positions), one changed, one added. */
function nextVersion(): Pack {
  const p = bundledPack();
  p.version = 2;
  const gone = 'valdai-compound';
  p.claims = p.claims.filter((c) => c.id !== gone);
  p.reports = p.reports.filter((r) => r.claim !== gone);
  p.positions = p.positions.filter((x) => x.claim !== gone && x.via !== gone);
  const drone = p.claims.find((c) => c.id === 'drone-attack')!;
  drone.text = `${drone.text} (updated)`;
  const added = structuredClone(p.claims[0]);
  added.id = 'new-claim';
  added.text = 'A claim that version 2 adds.';
  p.claims.push(added);
  p.actors.find((a) => a.id === 'lavrov')!.role = 'Foreign Minister of Russia (changed)';
  p.outlets.push({ id: 'new-outlet', name: 'New Outlet', domain: 'example.org', wire: false });
  p.positions.pop();
  return p;
}

describe('keys', () => {
  it('reads a public key as public.key writes it, as bare base64 and as PEM; the id is sha256 of the raw bytes', async () => {
    const pair = await generateKeyPair();
    expect(pair.publicKeyText).toMatch(/^crosscheck-ed25519-public [A-Za-z0-9+/]{43}=\n$/);
    expect(pair.privateKeyPem).toMatch(/^-----BEGIN PRIVATE KEY-----\n[\s\S]+\n-----END PRIVATE KEY-----\n$/);
    const fromLine = await parsePublicKey(pair.publicKeyText);
    const bare = await parsePublicKey(`  ${pair.publicKeyText.split(' ')[1]}`);
    const spki = Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(pair.publicKey.raw)]).toString('base64');
    const pem = await parsePublicKey(`-----BEGIN PUBLIC KEY-----\n${spki}\n-----END PUBLIC KEY-----\n`);
    for (const r of [fromLine, bare, pem]) expect(r).toMatchObject({ ok: true, key: { id: pair.publicKey.id } });
    expect(pair.publicKey.id).toBe((await sha256Hex(pair.publicKey.raw)).slice(0, 16));
    expect(await keyIdOf(pair.publicKey.raw)).toMatch(/^[0-9a-f]{16}$/);
  });

  it('refuses anything else with a message that says what is wrong', async () => {
    const pair = await generateKeyPair();
    const cases: [string, RegExp][] = [
      ['', /empty/],
      [pair.privateKeyPem, /this is a private key/],
      ['hello world', /not a Crosscheck public key/],
      ['crosscheck-ed25519-public !!!', /is not base64/],
      [`crosscheck-ed25519-public ${Buffer.alloc(31).toString('base64')}`, /decodes to 31 bytes; an Ed25519 public key has 32/],
      ['-----BEGIN PUBLIC KEY-----\nMCowBQYDK2VuAyEA\n-----END PUBLIC KEY-----', /not an Ed25519 one/],
    ];
    for (const [text, message] of cases) {
      const r = await parsePublicKey(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message).toMatch(message);
    }
    const list = await parsePublicKeyList(`# my publishers\n${pair.publicKeyText}\nnot a key!\n`);
    expect(list.keys.map((k) => k.id)).toEqual([pair.publicKey.id]);
    expect(list.problems).toEqual([expect.stringMatching(/^line 4: not a Crosscheck public key/)]);
    expect(await parsePrivateKey(pair.publicKeyText)).toMatchObject({ ok: false, message: expect.stringMatching(/this is a public key/) });
    expect(await parsePrivateKey('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----')).toMatchObject({ ok: false, message: expect.stringMatching(/not an Ed25519 private key/) });
  });

  it('signs and verifies exact bytes', async () => {
    const pair = await generateKeyPair();
    const key = await parsePrivateKey(pair.privateKeyPem);
    if (!key.ok) throw new Error(key.message);
    expect(key.key.id).toBe(pair.publicKey.id);
    const bytes = enc('{"format":1}');
    const sig = await signBytes(key.key, bytes);
    expect(await verifySignature(pair.publicKey, sig, bytes)).toBe(true);
    expect(await verifySignature(pair.publicKey, sig, enc('{"format":2}'))).toBe(false);
    expect(await verifySignature((await generateKeyPair()).publicKey, sig, bytes)).toBe(false);
    expect(await verifySignature(pair.publicKey, 'not base64', bytes)).toBe(false);
  });
});

describe('deltas', () => {
  it('applying the delta to the base gives the newer pack, deep-equal, records in order', async () => {
    const base = valid(bundledPack());
    const next = valid(nextVersion());
    const delta = await makeDelta(base, next);
    expect(delta.remove.claims).toEqual(['valdai-compound']);
    expect(delta.put.claims.map((c) => c.id)).toEqual(['drone-attack', 'new-claim']);
    expect(delta.put.actors.map((a) => a.id)).toEqual(['lavrov']);
    expect(delta.put.outlets.map((o) => o.id)).toEqual(['new-outlet']);
    expect(delta.remove.reports.length).toBe(base.reports.filter((r) => r.claim === 'valdai-compound').length);
    expect(delta.positions).toBeDefined();
    expect(delta.order).toBeUndefined();
    // Through JSON and the schema, as a client reads it.
    const parsed = checkDelta(JSON.parse(JSON.stringify(delta)));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    const result = applyDelta(base, parsed.value);
    expect(result).toEqual(next);
    expect(JSON.stringify(result)).toBe(JSON.stringify(next));
    expect(await packDigest(result)).toBe(delta.digest);
    expect(await packDigest(base)).toBe(delta.baseDigest);
    // Deterministic.
    expect(JSON.stringify(await makeDelta(base, next))).toBe(JSON.stringify(delta));
    // Much smaller than the pack.
    expect(JSON.stringify(delta).length).toBeLessThan(JSON.stringify(next).length / 10);
  });

  it('keeps the newer order when records move, and an unchanged pack gives an empty delta', async () => {
    const base = valid(bundledPack());
    const moved = bundledPack();
    moved.version = 3;
    moved.claims.reverse();
    moved.reports.reverse();
    const next = valid(moved);
    const delta = await makeDelta(base, next);
    expect(delta.put.claims).toEqual([]);
    expect(delta.order?.claims?.[0]).toBe(next.claims[0].id);
    expect(delta.order?.reports?.[0]).toEqual({ claim: next.reports[0].claim, article: next.reports[0].article });
    expect(applyDelta(base, delta)).toEqual(next);

    const same = valid({ ...bundledPack(), version: 2 });
    const empty = await makeDelta(base, same);
    expect(Object.values(empty.put).flat()).toEqual([]);
    expect(Object.values(empty.remove).flat()).toEqual([]);
    expect(applyDelta(base, empty)).toEqual(same);
  });

  it('refuses a delta for another base', async () => {
    const base = valid(bundledPack());
    const delta = await makeDelta(base, valid(nextVersion()));
    expect(() => applyDelta({ ...base, version: 2 }, delta)).toThrow(/applies to version 1, not to version 2/);
    expect(() => applyDelta({ ...base, claims: base.claims.filter((c) => c.id !== 'valdai-compound') }, delta)).toThrow(DeltaError);
    expect(() => applyDelta({ ...base, claims: base.claims.filter((c) => c.id !== 'valdai-compound') }, delta)).toThrow(/removes claim "valdai-compound", which the base version does not have/);
    await expect(makeDelta(valid(nextVersion()), base)).rejects.toThrow(/from an older version to a newer one/);
  });
});

describe('feed.json', () => {
  it('buildFeed: the newest version whole, older ones as delta bases, every file signed over its exact bytes', async () => {
    const pair = await generateKeyPair();
    const key = await parsePrivateKey(pair.privateKeyPem);
    if (!key.ok) throw new Error(key.message);
    const v1 = enc(fs.readFileSync(BUNDLED_PACK, 'utf8'));
    const v2 = enc(JSON.stringify(nextVersion()));
    const built = await buildFeed([{ name: 'v2.json', bytes: v2 }, { name: 'v1.json', bytes: v1 }], key.key, { generated: new Date('2026-01-02T03:04:05Z') });
    expect(built.files.map((f) => f.path)).toEqual(['packs/putin-residence-claim-2025-12-2.json', 'deltas/putin-residence-claim-2025-12-1-to-2.json', 'feed.json']);
    expect(built.files[0].bytes).toBe(v2);
    // feed.json is signed too: its content verifies against the publisher's key.
    const feed = { value: await openFeed(built.files[2].bytes, pair.publicKey) };
    expect(feed.value).toEqual(built.feed);
    const [entry] = feed.value.packs;
    expect(entry).toMatchObject({ id: 'putin-residence-claim-2025-12', version: 2, url: 'packs/putin-residence-claim-2025-12-2.json', size: v2.byteLength, sha256: await sha256Hex(v2), keyId: pair.publicKey.id, minCrosscheck: '0.1.0' });
    expect(feed.value.generated).toBe('2026-01-02T03:04:05.000Z');
    expect(Date.parse(feed.value.expires) - Date.parse(feed.value.generated)).toBe(DEFAULT_FEED_LIFETIME_MS);
    // A byte of the signed content changed: the signature no longer holds.
    const env = JSON.parse(new TextDecoder().decode(built.files[2].bytes)) as { signature: string; signed: string };
    expect(await verifySignature(pair.publicKey, env.signature, enc(env.signed.replace('"version": 2', '"version": 3')))).toBe(false);
    expect(await verifySignature(pair.publicKey, entry.signature, v2)).toBe(true);
    const d = entry.deltas[0];
    expect(d).toMatchObject({ from: 1, url: 'deltas/putin-residence-claim-2025-12-1-to-2.json', size: built.files[1].bytes.byteLength });
    expect(await verifySignature(pair.publicKey, d.signature, built.files[1].bytes)).toBe(true);
  });

  it('buildFeed refuses invalid packs (file and JSON path) and a version given twice', async () => {
    const key = await parsePrivateKey((await generateKeyPair()).privateKeyPem);
    if (!key.ok) throw new Error(key.message);
    const bad = bundledPack() as unknown as { claims: { kind: string }[] };
    bad.claims[2].kind = 'rumour';
    const err = await buildFeed([{ name: 'bad.json', bytes: enc(JSON.stringify(bad)) }, { name: 'broken.json', bytes: enc('{"format": 1,') }], key.key).catch((e) => e);
    expect(err).toBeInstanceOf(PublishError);
    expect(err.problems).toEqual([expect.stringMatching(/^bad\.json: claims\[2\]\.kind: /), expect.stringMatching(/^broken\.json: \(file\): invalid JSON at line 1, column 14/)]);
    const v1 = enc(fs.readFileSync(BUNDLED_PACK, 'utf8'));
    await expect(buildFeed([{ name: 'a.json', bytes: v1 }, { name: 'b.json', bytes: v1 }], key.key)).rejects.toThrow(/b\.json: pack "putin-residence-claim-2025-12" version 1 is also given by a\.json/);
  });

  it('checkFeed refuses other formats and versions clearly, names the path of a bad field, ignores unknown fields', () => {
    expect(checkFeed({ format: 'rss', version: 1 })).toMatchObject({ ok: false, problems: [{ path: 'format', message: expect.stringMatching(/not a Crosscheck feed/) }] });
    expect(checkFeed({ format: 'crosscheck-feed', version: 3 })).toMatchObject({ ok: false, problems: [{ message: expect.stringMatching(/feed format version 3 is not supported; this version of Crosscheck reads version 2/) }] });
    // The old unsigned format is told apart, so a reader can be told what the publisher must do.
    expect(checkFeedEnvelope({ format: 'crosscheck-feed', version: 1, generated: '2026-01-01T00:00:00Z', packs: [] })).toMatchObject({ ok: false, unsigned: true });
    expect(checkFeedEnvelope({ format: 'crosscheck-feed', version: 2, keyId: '0'.repeat(16), signed: '{}' })).toMatchObject({ ok: false, problems: [{ path: 'signature', message: 'missing: this field is required' }] });
    const feed: Feed = {
      format: 'crosscheck-feed', version: 2, generated: '2026-01-01T00:00:00Z', expires: '2026-01-31T00:00:00Z',
      packs: [{ id: 'x', version: 2, title: 'X', url: 'packs/x-2.json', sha256: 'a'.repeat(64), size: 10, signature: `${'A'.repeat(86)}==`, keyId: '0'.repeat(16), minCrosscheck: '0.1.0', deltas: [] }],
    };
    expect(checkFeed({ ...feed, extra: true })).toMatchObject({ ok: true });
    const r = checkFeed({ ...feed, packs: [{ ...feed.packs[0], sha256: 'xyz', url: 'ftp://a/b' }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual(['packs[0].url: must be a relative URL or an http(s) URL', 'packs[0].sha256: must be 64 lower-case hex digits (a sha256)']);
    expect(checkFeed({ ...feed, expires: feed.generated })).toMatchObject({ ok: false, problems: [{ path: 'expires', message: 'must be later than "generated"' }] });
    expect(checkFeed({ ...feed, expires: undefined })).toMatchObject({ ok: false, problems: [{ path: 'expires' }] });
    expect(compareVersions('0.10.0', '0.9.3')).toBe(1);
    expect(compareVersions('0.1', '0.1.0')).toBe(0);
  });
});

describe('npx crosscheck keygen and feed build', { timeout: 180_000 }, () => {
  const keys = path.join(tmp, 'keys');

  it('keygen writes public.key and a private.key only its owner can read; never overwrites', async () => {
    const r = cli(['keygen', '--out', keys]);
    expect(r.code, r.out).toBe(0);
    const pub = fs.readFileSync(path.join(keys, 'public.key'), 'utf8');
    const parsed = await parsePublicKey(pub);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(r.out).toContain(`key ${parsed.key.id}`);
    expect(fs.statSync(path.join(keys, 'private.key')).mode & 0o777).toBe(0o600);
    const priv = await parsePrivateKey(fs.readFileSync(path.join(keys, 'private.key'), 'utf8'));
    expect(priv.ok && priv.key.id).toBe(parsed.key.id);

    const again = cli(['keygen', '--out', keys]);
    expect(again.code).toBe(1);
    expect(again.out).toMatch(/private\.key: already exists; keygen never overwrites a key/);
    expect(fs.readFileSync(path.join(keys, 'public.key'), 'utf8')).toBe(pub);
    const usage = cli(['keygen']);
    expect(usage.code).toBe(2);
    expect(usage.out).toMatch(/keygen needs --out <dir>/);
    for (const x of [again, usage]) expect(x.out).not.toMatch(STACK);
  });

  it('feed build writes feed.json and the pack as given, signed with the key', async () => {
    const out = path.join(tmp, 'feed-one');
    const r = cli(['feed', 'build', BUNDLED_PACK, '--key', path.join(keys, 'private.key'), '--out', out]);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/wrote .*feed\.json: 1 pack, 0 deltas, signed with key [0-9a-f]{16}, expires \d{4}-/);
    const feed = { value: await openFeed(new Uint8Array(fs.readFileSync(path.join(out, 'feed.json')))) };
    const [entry] = feed.value.packs;
    const bytes = fs.readFileSync(path.join(out, entry.url));
    expect(bytes.equals(fs.readFileSync(BUNDLED_PACK))).toBe(true);
    expect(entry.sha256).toBe(await sha256Hex(bytes));
    const pub = await parsePublicKey(fs.readFileSync(path.join(keys, 'public.key'), 'utf8'));
    if (!pub.ok) throw new Error(pub.message);
    expect(entry.keyId).toBe(pub.key.id);
    expect(await verifySignature(pub.key, entry.signature, new Uint8Array(bytes))).toBe(true);
    // feed.json is signed by the same key; it expires 30 days after it was built unless told otherwise.
    await openFeed(new Uint8Array(fs.readFileSync(path.join(out, 'feed.json'))), pub.key);
    expect(Date.parse(feed.value.expires) - Date.parse(feed.value.generated)).toBe(DEFAULT_FEED_LIFETIME_MS);
    const week = path.join(tmp, 'feed-week');
    expect(cli(['feed', 'build', BUNDLED_PACK, '--key', path.join(keys, 'private.key'), '--out', week, '--expires', '7d']).code).toBe(0);
    const weekly = await openFeed(new Uint8Array(fs.readFileSync(path.join(week, 'feed.json'))), pub.key);
    expect(Date.parse(weekly.expires) - Date.parse(weekly.generated)).toBe(7 * 86_400_000);
  });

  it('parseExpires: a duration or a date in the future, at most a year away', () => {
    const now = new Date('2026-01-01T00:00:00Z');
    expect(parseExpires('30d', now)).toEqual({ ok: true, expires: new Date('2026-01-31T00:00:00Z') });
    expect(parseExpires('12h', now)).toEqual({ ok: true, expires: new Date('2026-01-01T12:00:00Z') });
    expect(parseExpires('2w', now)).toEqual({ ok: true, expires: new Date('2026-01-15T00:00:00Z') });
    expect(parseExpires('2026-03-01', now)).toEqual({ ok: true, expires: new Date('2026-03-01T00:00:00Z') });
    expect(parseExpires('soon', now)).toMatchObject({ ok: false, message: expect.stringMatching(/takes a duration such as 30d/) });
    expect(parseExpires('2025-12-01', now)).toMatchObject({ ok: false, message: expect.stringMatching(/is not in the future/) });
    expect(parseExpires('400d', now)).toMatchObject({ ok: false, message: expect.stringMatching(/more than a year away/) });
  });

  it('feed build with older versions of a pack writes deltas that rebuild the newest', async () => {
    const v2 = nextVersion();
    const v3 = structuredClone(v2);
    v3.version = 3;
    v3.claims = v3.claims.filter((c) => c.id !== 'new-claim');
    const f2 = path.join(tmp, 'v2.json');
    const f3 = path.join(tmp, 'v3.json');
    fs.writeFileSync(f2, JSON.stringify(v2, null, 2));
    fs.writeFileSync(f3, JSON.stringify(v3));
    const out = path.join(tmp, 'feed-deltas');
    const r = cli(['feed', 'build', f3, BUNDLED_PACK, f2, '--key', path.join(keys, 'private.key'), '--out', out, '--min-crosscheck', '0.2.0']);
    expect(r.code, r.out).toBe(0);
    expect(r.out).toMatch(/1 pack, 2 deltas/);
    expect(r.out).toMatch(/putin-residence-claim-2025-12 version 3: packs\/putin-residence-claim-2025-12-3\.json \(\d+ KB\); deltas from version 2, 1/);
    const feed = await openFeed(new Uint8Array(fs.readFileSync(path.join(out, 'feed.json'))));
    expect(feed.packs[0]).toMatchObject({ version: 3, minCrosscheck: '0.2.0' });
    expect(feed.packs[0].deltas.map((d) => [d.from, d.url])).toEqual([
      [2, 'deltas/putin-residence-claim-2025-12-2-to-3.json'],
      [1, 'deltas/putin-residence-claim-2025-12-1-to-3.json'],
    ]);
    expect(fs.readdirSync(path.join(out, 'deltas')).sort()).toEqual(['putin-residence-claim-2025-12-1-to-3.json', 'putin-residence-claim-2025-12-2-to-3.json']);
    for (const [base, d] of [[bundledPack(), feed.packs[0].deltas[1]], [v2, feed.packs[0].deltas[0]]] as const) {
      const bytes = fs.readFileSync(path.join(out, d.url));
      expect(d.sha256).toBe(await sha256Hex(bytes));
      const delta = checkDelta(JSON.parse(bytes.toString('utf8')));
      if (!delta.ok) throw new Error(JSON.stringify(delta.problems));
      expect(applyDelta(valid(base), delta.value)).toEqual(valid(v3));
    }
  });

  it('feed build errors name the flag, the file and the JSON path; nothing is written; no stack trace', () => {
    const key = path.join(keys, 'private.key');
    const bad = bundledPack() as unknown as { reports: { article: string }[] };
    bad.reports[12].article = 'a9';
    const badFile = path.join(tmp, 'bad-pack.json');
    fs.writeFileSync(badFile, JSON.stringify(bad));
    const out = path.join(tmp, 'never');
    const cases: [string[], number, RegExp][] = [
      [['feed', 'build', BUNDLED_PACK, '--out', out], 2, /feed build needs --key <private key file>/],
      [['feed', 'build', BUNDLED_PACK, '--key', key], 2, /feed build needs --out <dir>/],
      [['feed', 'build', '--key', key, '--out', out], 2, /feed build takes one or more pack files/],
      [['feed', 'build', BUNDLED_PACK, '--key', key, '--out', out, '--min-crosscheck', 'soon'], 2, /--min-crosscheck must be a version such as 0\.1\.0/],
      [['feed', 'build', BUNDLED_PACK, '--key', key, '--out', out, '--sign'], 2, /unknown option --sign/],
      [['feed', 'build', BUNDLED_PACK, '--key', key, '--out', out, '--expires', 'soon'], 2, /--expires takes a duration such as 30d, 12h or 2w, or a date/],
      [['feed', 'build', BUNDLED_PACK, '--key', key, '--out', out, '--expires', '2001-01-01'], 2, /--expires 2001-01-01 is not in the future/],
      [['feed', 'build', path.join(tmp, 'nope.json'), '--key', key, '--out', out], 1, /nope\.json: no such file/],
      [['feed', 'build', BUNDLED_PACK, '--key', path.join(tmp, 'nokey'), '--out', out], 1, /nokey: no such file/],
      [['feed', 'build', BUNDLED_PACK, '--key', path.join(keys, 'public.key'), '--out', out], 1, /public\.key: this is a public key; expected an Ed25519 private key in PKCS#8 PEM/],
      [['feed', 'build', BUNDLED_PACK, '--key', BUNDLED_PACK, '--out', out], 1, /putin-residence-claim-2025-12\.json: not a private key file/],
      [['feed', 'build', badFile, '--key', key, '--out', out], 1, /bad-pack\.json: reports\[12\]\.article: unknown article "a9"[\s\S]*nothing was written/],
      [['feed', 'build', BUNDLED_PACK, BUNDLED_PACK, '--key', key, '--out', out], 1, /version 1 is also given by/],
      [['feed', 'build', BUNDLED_PACK, '--key', key, '--out', BUNDLED_PACK], 1, /putin-residence-claim-2025-12\.json: not a directory/],
    ];
    for (const [args, code, message] of cases) {
      const r = cli(args);
      expect(r.code, `${args.join(' ')}\n${r.out}`).toBe(code);
      expect(r.out).toMatch(message);
      expect(r.out).not.toMatch(STACK);
    }
    expect(fs.existsSync(out)).toBe(false);
  });

  it('--help lists keygen and feed build', () => {
    const r = cli(['--help']);
    expect(r.out).toMatch(/keygen --out <dir>/);
    expect(r.out).toMatch(/feed build <pack\.json \.\.\.> --key <private key file> --out <dir>/);
  });
});

it('toHex', () => expect(toHex(new Uint8Array([0, 15, 255]))).toBe('000fff'));
