// The update of one pack feed: fetch feed.json in full, verify its signature against the trusted
// keys and refuse it once expired, then for each pack it lists decide between a delta and the full
// pack, download, check the size and sha256, the Ed25519 signature against the trusted keys, parse
// and validate, refuse older versions and other publishers' packs, and hand the pack to `install`
// (which checks again and writes it in one transaction). Any failure at any step leaves the installed pack as it was and
// says so in plain language ("Signature does not match the feed's key; kept version 3"), with a
// cause code (./causes.ts) the caller can act on.
//
// Pure: no browser.*, DOM or database here. The caller injects fetch, the trusted keys, the
// installed versions and the install function (docs/feed-format.md#how-a-client-updates).
//
// The parts: ./types.ts (deps, limits, results), ./causes.ts (cause codes and their words),
// ./download.ts (one download), ./verify.ts (a listed file, downloaded and checked), ./via-delta.ts
// (a new version by delta), ./entry.ts (one listed pack), ./schedule.ts (when to check next). This
// module checks the feed itself and is the public face of the parts.
import { parseJson } from '../pack/validate';
import { checkFeed, checkFeedEnvelope } from '../feed/format';
import { verifySignature } from '../feed/keys';
import { feedText, problemsText, type CauseDetail } from './causes';
import { download } from './download';
import { updateEntry } from './entry';
import { DEFAULT_LIMITS, type Ctx, type FeedStatus, type FeedUpdateResult, type PackStatus, type PackUpdateResult, type SyncLimits, type UpdateDeps } from './types';
import { isWebPage } from './verify';

export type { Cause } from './causes';
export { causeText, keptText, unreachableHint } from './causes';
export { DEFAULT_LIMITS } from './types';
export type {
  DownloadProgress, FeedSigner, FeedStatus, FeedUpdateResult, InstalledPack, InstallOutcome, PackStatus, PackUpdateResult, SyncLimits, UpdateDeps,
} from './types';
export { publisherProblem, rollbackProblem } from './publisher';
export { isWebPage } from './verify';
export { FIRST_BACKOFF_MS, MAX_CHECK_DELAY_MS, nextCheckDelay } from './schedule';

const encoder = new TextEncoder();

function decodeFeed(bytes: Uint8Array): { value: unknown } | { problem: string } {
  if (bytes.byteLength === 0) return { problem: 'the file is empty' };
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { problem: 'not UTF-8 text' };
  }
  const parsed = parseJson(text);
  return 'problem' in parsed ? { problem: parsed.problem.message.replace(/JSON claim pack/, 'JSON feed') } : parsed;
}

/**
 * Checks one feed and installs what is newer. Never throws for anything a server sends; the result
 * says what happened, per feed and per pack.
 */
export async function updateFeed(feedUrl: string, deps: UpdateDeps): Promise<FeedUpdateResult> {
  const limits: SyncLimits = { ...DEFAULT_LIMITS, ...deps.limits };
  const checkedAt = (deps.now ?? (() => new Date()))().toISOString();
  const ctx: Ctx = { deps, limits };
  const base = { feedUrl, checkedAt, packs: [] as PackUpdateResult[] };
  const refused = (why: CauseDetail): FeedUpdateResult => ({ ...base, status: 'refused', cause: why.cause, message: feedText(why, feedUrl) });

  // In full every time: no validators (an ETag can be one per reader), no cookies (./download.ts).
  const got = await download(feedUrl, {
    fetch: deps.fetch, timeoutMs: limits.timeoutMs, maxBytes: limits.feedMaxBytes, what: 'the feed', signal: deps.signal,
    onProgress: deps.onProgress && ((received, total) => deps.onProgress?.({ url: feedUrl, what: 'feed', received, total })),
  });
  if (!got.ok) {
    const retry = got.kind === 'network' || got.kind === 'timeout' || got.kind === 'http' || got.kind === 'truncated';
    if (!retry) return refused(got.detail);
    return { ...base, status: 'failed', cause: got.cause, message: feedText(got.detail, feedUrl, true), retry: 'backoff', retryAfterMs: got.retryAfterMs };
  }

  if (isWebPage(got.bytes)) return refused({ cause: 'web-page', what: 'the feed', url: feedUrl });
  const what = `the feed at ${feedUrl}`;
  const decoded = decodeFeed(got.bytes);
  if ('problem' in decoded) return refused({ cause: 'json', what, problem: decoded.problem });
  // The envelope: the signature over the feed's exact text, by a key the reader trusts.
  const envelope = checkFeedEnvelope(decoded.value);
  if (!envelope.ok) return refused('unsigned' in envelope ? { cause: 'feed-unsigned', url: feedUrl } : { cause: 'invalid', what, problem: problemsText(envelope.problems) });
  const { keyId, signature, signed } = envelope.value;
  const key = deps.trustedKeys.find((k) => k.id === keyId);
  if (!key) return refused({ cause: 'unknown-key', what: 'the feed', keyId });
  if (!(await verifySignature(key, signature, encoder.encode(signed)))) return refused({ cause: 'signature', what: 'the feed', url: feedUrl, keyId });
  const inner = parseJson(signed);
  if ('problem' in inner) return refused({ cause: 'json', what, problem: inner.problem.message.replace(/JSON claim pack/, 'JSON feed') });
  const feed = checkFeed(inner.value);
  if (!feed.ok) return refused({ cause: 'invalid', what, problem: problemsText(feed.problems) });
  const { generated, expires } = feed.value;
  const dated = { ...base, generated, expires };
  // A feed that is not rebuilt in time could be an old copy someone keeps serving: stale.
  if (Date.parse(checkedAt) >= Date.parse(expires)) return { ...refused({ cause: 'feed-expired', generated, expires }), generated, expires };
  if (feed.value.packs.length === 0) return { ...dated, status: 'unchanged', message: 'The feed lists no packs' };

  const packs: PackUpdateResult[] = [];
  for (const entry of feed.value.packs) packs.push(await updateEntry(ctx, entry, got.url));

  const has = (s: PackStatus) => packs.some((p) => p.status === s);
  const status: FeedStatus = has('failed') ? 'failed' : has('refused') ? 'refused' : has('updated') ? 'updated' : 'unchanged';
  const message = packs.length === 1 ? packs[0].message : packs.map((p) => `"${p.title}": ${p.message}`).join(' ');
  const retryAfter = Math.max(0, ...packs.map((p) => p.retryAfterMs ?? 0));
  const decisive = status === 'failed' || status === 'refused' ? packs.find((p) => p.status === status) : undefined;
  return {
    ...dated,
    status,
    message,
    ...(decisive ? { cause: decisive.cause, kept: decisive.kept } : {}),
    packs,
    ...(has('failed') ? { retry: 'backoff' as const, ...(retryAfter ? { retryAfterMs: retryAfter } : {}) } : {}),
  };
}
