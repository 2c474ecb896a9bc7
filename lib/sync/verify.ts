// A file the feed lists (a pack or a delta), downloaded and checked against its entry: the trusted
// key, the stated size, not a web page, the sha256, the Ed25519 signature. A failure says whether
// it is worth retrying ('failed') or not ('refused'), and why (./causes.ts).
import { sha256Hex, verifySignature } from '../feed/keys';
import type { CauseDetail } from './causes';
import { download } from './download';
import type { Ctx } from './types';

export type Verified =
  | { ok: true; bytes: Uint8Array }
  | { ok: false; status: 'refused' | 'failed'; why: CauseDetail; retryAfterMs?: number };

export async function fetchVerified(
  ctx: Ctx,
  url: string,
  spec: { sha256: string; size: number; signature: string; keyId: string },
  what: 'the pack' | 'the delta',
): Promise<Verified> {
  const refused = (why: CauseDetail): Verified => ({ ok: false, status: 'refused', why });
  const key = ctx.deps.trustedKeys.find((k) => k.id === spec.keyId);
  if (!key) return refused({ cause: 'unknown-key', what, keyId: spec.keyId });
  if (spec.size > ctx.limits.maxBytes) return refused({ cause: 'too-large', what, size: spec.size, max: ctx.limits.maxBytes, known: true });
  // The cap is the size the feed states: a larger body is not the file that was signed.
  const onProgress = ctx.deps.onProgress;
  const got = await download(url, {
    fetch: ctx.deps.fetch, timeoutMs: ctx.limits.timeoutMs, maxBytes: spec.size, what, signal: ctx.deps.signal,
    onProgress: onProgress && ((received) => onProgress({ url, what: what === 'the delta' ? 'delta' : 'pack', received, total: spec.size })),
  });
  if (!got.ok) {
    if (got.cause === 'too-large') return refused({ cause: 'size-mismatch', what, url, size: spec.size });
    return { ok: false, status: got.transient ? 'failed' : 'refused', why: { ...got.detail, download: true }, retryAfterMs: got.retryAfterMs };
  }
  const bytes = got.bytes;
  if (isWebPage(bytes)) return refused({ cause: 'web-page', what, url });
  if (bytes.byteLength < spec.size)
    return { ok: false, status: 'failed', why: { cause: 'truncated', what, url, received: bytes.byteLength, total: spec.size, stated: true } };
  if ((await sha256Hex(bytes)) !== spec.sha256) return refused({ cause: 'hash', what, url });
  if (!(await verifySignature(key, spec.signature, bytes))) return refused({ cause: 'signature', what, url, keyId: spec.keyId });
  return { ok: true, bytes };
}

/**
 * Whether a file is a web page rather than JSON: its first character (after a BOM and white space)
 * is "<", which no JSON text starts with. A host answers a wrong address with its HTML page, often
 * with status 200.
 */
export function isWebPage(bytes: Uint8Array): boolean {
  let i = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  return bytes[i] === 0x3c;
}

/** A listed address resolved against the feed's, if it is http(s). */
export function resolve(ref: string, base: string): string | null {
  try {
    const u = new URL(ref, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}
