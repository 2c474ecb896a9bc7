// Weak publisher keys (issue 12, item 3). Ed25519 verification checks [S]B = R + [k]A. For a
// public key A of small order (the identity, the point of order 2, those of order 4 and 8) [k]A
// takes at most eight values whatever the message, so a signature made without any private key
// verifies: with A = the identity (01 00..00), R = the identity and S = 0 verify for every message
// under Node 20's WebCrypto (shown below). A reader who trusted such a key (pasted in the options
// page, or built in with CROSSCHECK_TRUSTED_KEYS) would install anybody's pack. Such keys, and
// encodings that are not canonical (y >= p = 2^255 - 19), are refused where a key is read, with a
// message that says why; verification under one is refused too (a key stored before the fix).
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { readBuildEnv } from '../../lib/build-env';
import { bufferSource, formatPublicKey, generateKeyPair, parsePublicKey, parsePublicKeyList, publicKeyFromRaw, toBase64, verifySignature } from '../../lib/feed/keys';
import { openDatabase } from '../../lib/store/db';
import { addTrustedKeys, listTrustedKeys } from '../../lib/store/keys';

const hex = (h: string) => {
  if (h.length !== 64) throw new Error(`${h}: not 32 bytes`);
  return Uint8Array.from(h.match(/../g)!.map((b) => parseInt(b, 16)));
};
const ff = 'ff'.repeat(29);
const zeros = '00'.repeat(29);

/**
 * The small-order points of edwards25519 (libsodium's has_small_order list; RFC 8032 §5.1.3 for
 * the encoding: y little-endian, the sign of x in the top bit). Eight points; the two with x = 0
 * also have a sign-flipped encoding, which decoders differ on, so both are listed.
 */
const SMALL_ORDER: [string, string][] = [
  ['identity (order 1)', `0100${zeros}00`],
  ['identity, sign bit set', `0100${zeros}80`],
  ['order 2 (y = p - 1)', `ecff${ff}7f`],
  ['order 2, sign bit set', `ecff${ff}ff`],
  ['order 4 (y = 0, x = +sqrt(-1))', `0000${zeros}00`],
  ['order 4 (y = 0, x = -sqrt(-1))', `0000${zeros}80`],
  ['order 8', 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a'],
  ['order 8, other sign', 'c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa'],
  ['order 8', '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'],
  ['order 8, other sign', '26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc85'],
];
/** y >= p: the same points as y - p (or none), in an encoding a canonical encoder never writes. */
const NON_CANONICAL: [string, string][] = [
  ['y = p (the order-4 point y = 0)', `edff${ff}7f`],
  ['y = p + 1 (the identity)', `eeff${ff}7f`],
  ['y = p + 1, sign bit set', `eeff${ff}ff`],
  ['y = p + 3', `f0ff${ff}7f`],
  ['y = 2^255 - 1', `ffff${ff}7f`],
];

const line = (raw: Uint8Array) => formatPublicKey(raw).trim();
const pem = (raw: Uint8Array) => {
  const spki = new Uint8Array([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00, ...raw]);
  return `-----BEGIN PUBLIC KEY-----\n${toBase64(spki)}\n-----END PUBLIC KEY-----\n`;
};
const WEAK = /is a weak key \(a small-order point\) and cannot be trusted/;
const NOT_CANONICAL = /is not a canonical Ed25519 key \(y is not below 2\^255 - 19\) and cannot be trusted/;

describe('weak public keys', () => {
  it('the attack: under the identity key a signature made without a private key verifies for any bytes (WebCrypto)', async () => {
    const identity = hex(SMALL_ORDER[0][1]);
    const k = await crypto.subtle.importKey('raw', bufferSource(identity), { name: 'Ed25519' }, false, ['verify']);
    const forged = new Uint8Array(64);
    forged[0] = 1; // R = the identity, S = 0
    for (const msg of ['{"id":"any-pack","version":9007199254740991}', 'anything at all'])
      expect(await crypto.subtle.verify('Ed25519', k, forged, new TextEncoder().encode(msg))).toBe(true);
    // Crosscheck's own verification refuses it: the key is weak, whoever stored it.
    const key = await publicKeyFromRaw(identity);
    expect(await verifySignature(key, toBase64(forged), new TextEncoder().encode('anything at all'))).toBe(false);
  });

  it.each(SMALL_ORDER)('refuses the small-order point %s (%s) as a line, as bare base64 and as PEM', async (_what, h) => {
    const raw = hex(h);
    for (const text of [line(raw), toBase64(raw), pem(raw)]) {
      const r = await parsePublicKey(text);
      expect(r.ok, text).toBe(false);
      if (!r.ok) expect(r.message).toMatch(WEAK);
    }
  });

  it.each(NON_CANONICAL)('refuses the non-canonical encoding %s (%s)', async (_what, h) => {
    const r = await parsePublicKey(line(hex(h)));
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(new RegExp(`${WEAK.source}|${NOT_CANONICAL.source}`));
  });

  it('refuses 32 bytes that are no point of the curve', async () => {
    // y = 2: (y^2 - 1) / (d y^2 + 1) has no square root mod p.
    const r = await parsePublicKey(line(hex(`0200${zeros}00`)));
    expect(r).toMatchObject({ ok: false, message: expect.stringMatching(/is not a point of the Ed25519 curve and cannot be trusted/) });
  });

  it('names the key in the message, and a list names the line', async () => {
    const raw = hex(SMALL_ORDER[0][1]);
    const r = await parsePublicKey(line(raw));
    expect(r).toMatchObject({ ok: false, message: `the key ${toBase64(raw)} is a weak key (a small-order point) and cannot be trusted` });
    const good = await generateKeyPair();
    const list = await parsePublicKeyList(`${good.publicKeyText}${line(raw)}\n`);
    expect(list.keys.map((k) => k.id)).toEqual([good.publicKey.id]);
    expect(list.problems).toEqual([expect.stringMatching(new RegExp(`^line 2: .*${WEAK.source}`))]);
  });

  it('generated keys still parse and verify', async () => {
    for (let i = 0; i < 20; i++) {
      const pair = await generateKeyPair();
      const r = await parsePublicKey(pair.publicKeyText);
      expect(r).toMatchObject({ ok: true, key: { id: pair.publicKey.id } });
    }
  });

  it('the options page ("Add key": add-key, lib/store/keys.ts) refuses a weak key and adds nothing', async () => {
    const db = openDatabase('weak-keys', { indexedDB: new IDBFactory(), IDBKeyRange });
    const good = await generateKeyPair();
    for (const [, h] of [SMALL_ORDER[0], SMALL_ORDER[4], SMALL_ORDER[6], NON_CANONICAL[1]]) {
      const r = await addTrustedKeys(db, `${good.publicKeyText}${line(hex(h))}`);
      expect(r.added).toEqual([]);
      expect(r.problems).toEqual([expect.stringMatching(new RegExp(`^line 2: the key .* (${WEAK.source}|${NOT_CANONICAL.source})`))]);
    }
    expect(await listTrustedKeys(db)).toEqual([]);
    db.close();
  });

  it('a build refuses a weak key in CROSSCHECK_TRUSTED_KEYS, naming the file', async () => {
    const weak = line(hex(SMALL_ORDER[2][1]));
    await expect(readBuildEnv({ CROSSCHECK_TRUSTED_KEYS: 'keys/weak.key' }, () => `${weak}\n`)).rejects.toThrow(
      new RegExp(`CROSSCHECK_TRUSTED_KEYS: keys/weak\\.key is not a public key file: line 1: .*${WEAK.source}`),
    );
  });
});
