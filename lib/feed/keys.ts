// Ed25519 keys of pack publishers: the key files, key ids, signing and verification, all through
// WebCrypto (`globalThis.crypto.subtle`), so the same code runs in Node (the CLI) and in the
// extension. docs/feed-format.md#keys describes the files.
//
//   public.key   one line: `crosscheck-ed25519-public <base64 of the 32 raw bytes>`
//   private.key  PKCS#8 PEM (`-----BEGIN PRIVATE KEY-----`), written with mode 0600
//
// A key id is the first 16 hex digits of sha256(the 32 raw bytes of the public key).

export const PUBLIC_KEY_PREFIX = 'crosscheck-ed25519-public';
const ED25519 = { name: 'Ed25519' } as const;
/** DER prefix of an Ed25519 SubjectPublicKeyInfo; the 32 raw bytes follow. */
const SPKI_PREFIX = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00];

/** A trusted (or publishing) public key. */
export interface PublicKey {
  /** First 16 hex digits of sha256(raw). */
  id: string;
  /** The 32 raw bytes. */
  raw: Uint8Array;
}

/** A private key read from private.key, with the public key that goes with it. */
export interface SigningKey {
  id: string;
  publicKey: PublicKey;
  cryptoKey: CryptoKey;
}

export type Parsed<T> = { ok: true; key: T } | { ok: false; message: string };

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) throw new Error('WebCrypto (crypto.subtle) is not available here');
  return s;
}

/** WebCrypto wants ArrayBuffer-backed views; copy a view of anything else (a SharedArrayBuffer). */
export function bufferSource(bytes: Uint8Array): Uint8Array<ArrayBuffer> {
  return bytes.buffer instanceof ArrayBuffer ? (bytes as Uint8Array<ArrayBuffer>) : new Uint8Array(bytes);
}

export function toHex(bytes: Uint8Array): string {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
}

/** sha256 of bytes, as 64 lower-case hex digits. */
export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await subtle().digest('SHA-256', bufferSource(bytes))));
}

export function toBase64(bytes: Uint8Array): string {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

/** Standard or URL-safe base64, padding optional; null for anything else. */
export function fromBase64(text: string): Uint8Array | null {
  let t = text.trim().replace(/-/g, '+').replace(/_/g, '/');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t)) return null;
  t = t.replace(/=+$/, '');
  if (t.length % 4 === 1) return null;
  t += '='.repeat((4 - (t.length % 4)) % 4);
  try {
    const bin = atob(t);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  } catch {
    return null;
  }
}

export async function keyIdOf(raw: Uint8Array): Promise<string> {
  return (await sha256Hex(raw)).slice(0, 16);
}

export async function publicKeyFromRaw(raw: Uint8Array): Promise<PublicKey> {
  return { id: await keyIdOf(raw), raw: new Uint8Array(raw) };
}

/** The text of a public.key file. */
export function formatPublicKey(key: PublicKey | Uint8Array): string {
  const raw = key instanceof Uint8Array ? key : key.raw;
  return `${PUBLIC_KEY_PREFIX} ${toBase64(raw)}\n`;
}

const PUBLIC_KEY_HELP = `expected the line "${PUBLIC_KEY_PREFIX} <base64>" of a public.key file written by "crosscheck keygen"`;

/**
 * Reads a public key as pasted or read from a file: the public.key line, the bare base64 of the
 * 32 raw bytes, or a PEM "PUBLIC KEY" (SubjectPublicKeyInfo) of an Ed25519 key.
 */
export async function parsePublicKey(text: string): Promise<Parsed<PublicKey>> {
  const t = text.trim();
  if (!t) return { ok: false, message: `empty: ${PUBLIC_KEY_HELP}` };
  if (/-----BEGIN (ENCRYPTED )?PRIVATE KEY-----/.test(t))
    return { ok: false, message: 'this is a private key: give the public key (public.key), and keep the private key secret' };
  let raw: Uint8Array | null;
  const pem = /^-----BEGIN PUBLIC KEY-----([\s\S]*?)-----END PUBLIC KEY-----$/.exec(t);
  if (pem) {
    const der = fromBase64(pem[1].replace(/\s+/g, ''));
    if (!der || der.length !== 44 || SPKI_PREFIX.some((b, i) => der[i] !== b))
      return { ok: false, message: 'a PEM public key, but not an Ed25519 one' };
    raw = der.subarray(12);
  } else {
    const words = t.split(/\s+/);
    let b64: string;
    if (words[0] === PUBLIC_KEY_PREFIX && words.length === 2) b64 = words[1];
    else if (words.length === 1 && words[0] !== PUBLIC_KEY_PREFIX) b64 = words[0];
    else if (words[0] === PUBLIC_KEY_PREFIX) return { ok: false, message: `"${PUBLIC_KEY_PREFIX}" must be followed by one base64 value` };
    else return { ok: false, message: `not a Crosscheck public key: ${PUBLIC_KEY_HELP}` };
    raw = fromBase64(b64);
    if (!raw) return { ok: false, message: `not a Crosscheck public key: "${b64.length > 40 ? `${b64.slice(0, 37)}...` : b64}" is not base64; ${PUBLIC_KEY_HELP}` };
    if (raw.length !== 32) return { ok: false, message: `the key decodes to ${raw.length} bytes; an Ed25519 public key has 32` };
  }
  const weak = weakKeyProblem(raw);
  if (weak) return { ok: false, message: `the key ${toBase64(raw)} ${weak}` };
  return { ok: true, key: await publicKeyFromRaw(raw) };
}

// Weak keys. Ed25519 verification checks [S]B = R + [k]A, k the hash of R, A and the message. For
// a public key A of small order (the identity and the points of order 2, 4 and 8) [k]A takes at
// most eight values whatever the message, so a signature made without any private key verifies:
// under the identity, R = the identity and S = 0 verify for every message (WebCrypto in Node 20
// accepts them). Such keys, encodings that are not canonical (y >= p) and 32 bytes that are no
// point of the curve are refused. A key made by "crosscheck keygen" (or any Ed25519 library) is
// [a]B for a secret a and never one of these.
const P = (1n << 255n) - 19n;
function modPow(b: bigint, e: bigint): bigint {
  let r = 1n;
  b %= P;
  for (; e > 0n; e >>= 1n, b = (b * b) % P) if (e & 1n) r = (r * b) % P;
  return r;
}
const D = (((-121665n * modPow(121666n, P - 2n)) % P) + P) % P;
const yOf = (hex: string) => BigInt(`0x${hex.match(/../g)!.reverse().join('')}`) & ((1n << 255n) - 1n);
/**
 * The y coordinates of the eight points of small order (libsodium's has_small_order list): 1 (the
 * identity), p - 1 (order 2), 0 (x = +-sqrt(-1), order 4) and two of order 8, each with x of
 * either sign.
 */
const SMALL_ORDER_Y = new Set([0n, 1n, P - 1n, yOf('26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05'), yOf('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a')]);

/** Why 32 raw bytes cannot be trusted as an Ed25519 public key ("is a weak key ..."), or null. */
export function weakKeyProblem(raw: Uint8Array): string | null {
  if (raw.length !== 32) return `is ${raw.length} bytes; an Ed25519 public key has 32`;
  let y = 0n;
  for (let i = 31; i >= 0; i--) y = (y << 8n) | BigInt(i === 31 ? raw[i] & 0x7f : raw[i]);
  const canonical = y < P;
  if (SMALL_ORDER_Y.has(canonical ? y : y - P)) return 'is a weak key (a small-order point) and cannot be trusted';
  if (!canonical) return 'is not a canonical Ed25519 key (y is not below 2^255 - 19) and cannot be trusted';
  // On the curve when x^2 = (y^2 - 1) / (d y^2 + 1) has a root mod p (Euler's criterion).
  const y2 = (y * y) % P;
  const x2 = (((y2 - 1n + P) % P) * modPow((D * y2 + 1n) % P, P - 2n)) % P;
  if (x2 !== 0n && modPow(x2, (P - 1n) / 2n) !== 1n) return 'is not a point of the Ed25519 curve and cannot be trusted';
  return null;
}

/**
 * Several public keys, one per line (blank lines and lines starting with `#` are skipped), as in a
 * trusted-keys file or the options page's text box. Problems name the line.
 */
export async function parsePublicKeyList(text: string): Promise<{ keys: PublicKey[]; problems: string[] }> {
  const keys: PublicKey[] = [];
  const problems: string[] = [];
  const lines = text.split(/\r?\n/);
  // A whole PEM block is one key.
  if (/-----BEGIN/.test(text)) {
    const r = await parsePublicKey(text);
    return r.ok ? { keys: [r.key], problems } : { keys, problems: [r.message] };
  }
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (!line || line.startsWith('#')) continue;
    const r = await parsePublicKey(line);
    if (!r.ok) problems.push(`line ${i + 1}: ${r.message}`);
    else if (!keys.some((k) => k.id === r.key.id)) keys.push(r.key);
  }
  return { keys, problems };
}

/** A new key pair: the texts of public.key and private.key. */
export async function generateKeyPair(): Promise<{ publicKey: PublicKey; publicKeyText: string; privateKeyPem: string }> {
  const pair = (await subtle().generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
  const raw = new Uint8Array(await subtle().exportKey('raw', pair.publicKey));
  const pkcs8 = new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey));
  const b64 = toBase64(pkcs8);
  const body = b64.match(/.{1,64}/g)?.join('\n') ?? '';
  const publicKey = await publicKeyFromRaw(raw);
  return { publicKey, publicKeyText: formatPublicKey(publicKey), privateKeyPem: `-----BEGIN PRIVATE KEY-----\n${body}\n-----END PRIVATE KEY-----\n` };
}

/** Reads private.key (PKCS#8 PEM of an Ed25519 key). */
export async function parsePrivateKey(text: string): Promise<Parsed<SigningKey>> {
  const help = 'expected an Ed25519 private key in PKCS#8 PEM ("-----BEGIN PRIVATE KEY-----"), as written by "crosscheck keygen"';
  const t = text.trim();
  if (t.startsWith(PUBLIC_KEY_PREFIX) || /-----BEGIN PUBLIC KEY-----/.test(t))
    return { ok: false, message: `this is a public key; ${help}` };
  if (/-----BEGIN ENCRYPTED PRIVATE KEY-----/.test(t)) return { ok: false, message: `an encrypted private key is not supported; ${help}` };
  const m = /^-----BEGIN PRIVATE KEY-----([\s\S]*?)-----END PRIVATE KEY-----$/.exec(t);
  if (!m) return { ok: false, message: `not a private key file; ${help}` };
  const der = fromBase64(m[1].replace(/\s+/g, ''));
  if (!der) return { ok: false, message: `the PEM body is not base64; ${help}` };
  let cryptoKey: CryptoKey;
  let x: string | undefined;
  try {
    cryptoKey = await subtle().importKey('pkcs8', bufferSource(der), ED25519, true, ['sign']);
    x = (await subtle().exportKey('jwk', cryptoKey)).x;
  } catch {
    return { ok: false, message: `not an Ed25519 private key; ${help}` };
  }
  const raw = x ? fromBase64(x) : null;
  if (!raw || raw.length !== 32) return { ok: false, message: `cannot derive the public key from this private key; ${help}` };
  // Never so for a key of "crosscheck keygen" (or any Ed25519 key made from a seed); checked all the same.
  const weak = weakKeyProblem(raw);
  if (weak) return { ok: false, message: `its public key ${toBase64(raw)} ${weak}` };
  const publicKey = await publicKeyFromRaw(raw);
  return { ok: true, key: { id: publicKey.id, publicKey, cryptoKey } };
}

/** Ed25519 signature of bytes, in base64. */
export async function signBytes(key: SigningKey, bytes: Uint8Array): Promise<string> {
  return toBase64(new Uint8Array(await subtle().sign(ED25519, key.cryptoKey, bufferSource(bytes))));
}

/** Whether `signature` (base64) is key's Ed25519 signature of bytes. False for a malformed signature. */
export async function verifySignature(key: PublicKey, signature: string, bytes: Uint8Array): Promise<boolean> {
  const sig = fromBase64(signature);
  if (!sig || sig.length !== 64) return false;
  // A weak key verifies forgeries (see weakKeyProblem): whoever stored it, nothing verifies under it.
  if (weakKeyProblem(key.raw)) return false;
  try {
    const k = await subtle().importKey('raw', bufferSource(key.raw), ED25519, false, ['verify']);
    return await subtle().verify(ED25519, k, bufferSource(sig), bufferSource(bytes));
  } catch {
    return false;
  }
}
