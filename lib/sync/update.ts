// The update of one pack feed: fetch feed.json, then for each pack it lists decide between a delta
// and the full pack, download, check the size and sha256, the Ed25519 signature against the
// trusted keys, parse and validate, refuse older versions, and hand the pack to `install` (which
// writes it in one transaction). Any failure at any step leaves the installed pack as it was and
// says so in plain language ("Signature does not match the feed's key; kept version 3").
//
// Pure: no browser.*, DOM or database here. The caller injects fetch, the trusted keys, the
// installed versions and the install function (docs/feed-format.md#how-a-client-updates).
import { LIMITS, type Pack } from '../pack/schema';
import { decodePackBytes, formatProblem, parseJson, validatePack, validatePackText, type Problem } from '../pack/validate';
import { applyDelta, DeltaError, packDigest } from '../feed/delta';
import { checkDelta, checkFeed, compareVersions, FEED_MAX_BYTES, type FeedPack } from '../feed/format';
import { sha256Hex, verifySignature, type PublicKey } from '../feed/keys';
import { download, formatBytes, type DownloadFailure, type Validators } from './download';

export type { Validators } from './download';

export interface SyncLimits {
  /** Per download (headers and body). Default 30 s. */
  timeoutMs: number;
  /** A pack or delta file. Default LIMITS.packBytes (32 MiB). */
  maxBytes: number;
  /** feed.json. Default 1 MiB. */
  feedMaxBytes: number;
}

export const DEFAULT_LIMITS: SyncLimits = { timeoutMs: 30_000, maxBytes: LIMITS.packBytes, feedMaxBytes: FEED_MAX_BYTES };

/** What is installed of a pack: its version, and (for deltas) a way to read it back whole. */
export interface InstalledPack {
  version: number;
  pack?: () => Promise<Pack>;
}

/** What `install` reports; lib/store/packs.ts ImportResult fits. */
export interface InstallOutcome {
  status: 'installed' | 'unchanged' | 'refused' | 'failed';
  message?: string;
}

export interface UpdateDeps {
  /** Default: globalThis.fetch. */
  fetch?: typeof globalThis.fetch;
  /** The publishers' keys the user trusts; a pack signed by any other key is refused. */
  trustedKeys: readonly PublicKey[];
  /** The installed version of a pack, or null. */
  installed(id: string): Promise<InstalledPack | null>;
  /** Installs a verified, validated pack in one transaction (importPack with source 'feed'). */
  install(pack: Pack): Promise<InstallOutcome>;
  /** This Crosscheck's version, compared with each entry's `minCrosscheck`. */
  crosscheckVersion: string;
  /** The ETag / Last-Modified remembered from the last check of this feed URL (see `validators`). */
  previous?: Validators;
  limits?: Partial<SyncLimits>;
  now?: () => Date;
  signal?: AbortSignal;
  /** Download progress of each file: feed.json, a delta, a pack (total: its stated size, when known). */
  onProgress?: (p: DownloadProgress) => void;
}

export interface DownloadProgress {
  url: string;
  what: 'feed' | 'delta' | 'pack';
  received: number;
  total: number | null;
}

export type PackStatus = 'updated' | 'unchanged' | 'refused' | 'failed' | 'skipped';
export type FeedStatus = 'updated' | 'unchanged' | 'not-modified' | 'refused' | 'failed';

export interface PackUpdateResult {
  id: string;
  title: string;
  status: PackStatus;
  /** Plain language, naming the version kept on failure. */
  message: string;
  /** The version the feed offers. */
  offered: number;
  /** The version in use after this check (null: none). */
  installed: number | null;
  /** How the new version arrived. */
  via?: 'delta' | 'full';
  /** Why a delta offered for the installed version was not used (the full pack was fetched). */
  deltaProblem?: string;
  retry?: 'backoff';
  retryAfterMs?: number;
}

export interface FeedUpdateResult {
  feedUrl: string;
  status: FeedStatus;
  /** Plain language: what happened and what is in use. */
  message: string;
  /** Schedule the next check with backoff (nextCheckDelay with failures + 1). */
  retry?: 'backoff';
  retryAfterMs?: number;
  /**
   * Remember these for this feed URL and pass them as `previous` next time; when absent, forget
   * any remembered ones (so a pack that failed is fetched again even if feed.json is unchanged).
   */
  validators?: Validators;
  packs: PackUpdateResult[];
  checkedAt: string;
}

interface Ctx {
  deps: UpdateDeps;
  limits: SyncLimits;
}

const kept = (installed: InstalledPack | null) => (installed ? `kept version ${installed.version}` : 'nothing was installed');
const RETRY = 'will try again later';

function problemsText(problems: Problem[]): string {
  const first = problems.slice(0, 3).map(formatProblem).join('; ');
  return problems.length > 3 ? `${first}; and ${problems.length - 3} more` : first;
}

/** A file of the feed, downloaded and checked against its entry: size, sha256, signature. */
type Verified = { ok: true; bytes: Uint8Array } | { ok: false; status: 'refused' | 'failed'; reason: string; failure?: DownloadFailure };

async function fetchVerified(
  ctx: Ctx,
  url: string,
  spec: { sha256: string; size: number; signature: string; keyId: string },
  what: string,
): Promise<Verified> {
  const key = ctx.deps.trustedKeys.find((k) => k.id === spec.keyId);
  if (!key) return { ok: false, status: 'refused', reason: `${what} is signed with key ${spec.keyId}, which is not one of your trusted keys` };
  if (spec.size > ctx.limits.maxBytes)
    return { ok: false, status: 'refused', reason: `${what} is ${formatBytes(spec.size)}, over the limit of ${formatBytes(ctx.limits.maxBytes)}` };
  // The cap is the size the feed states: a larger body is not the file that was signed.
  const onProgress = ctx.deps.onProgress;
  const got = await download(url, {
    fetch: ctx.deps.fetch, timeoutMs: ctx.limits.timeoutMs, maxBytes: spec.size, what, signal: ctx.deps.signal,
    onProgress: onProgress && ((received) => onProgress({ url, what: what === 'the delta' ? 'delta' : 'pack', received, total: spec.size })),
  });
  if (!got.ok) {
    if (got.kind === 'too-large')
      return { ok: false, status: 'refused', reason: `${what} (${url}) is larger than the ${spec.size} bytes the feed states: it is not the file that was published` };
    return { ok: false, status: got.transient ? 'failed' : 'refused', reason: `could not download ${what}: ${got.message}`, failure: got };
  }
  if (got.notModified) return { ok: false, status: 'failed', reason: `the server answered 304 Not Modified for ${what} (${url}), which was not asked for` };
  const bytes = got.bytes;
  if (isWebPage(bytes)) return { ok: false, status: 'refused', reason: `the server sent a web page (HTML) instead of ${what} (${url}): the file is missing there, or its address is wrong` };
  if (bytes.byteLength < spec.size)
    return {
      ok: false,
      status: 'failed',
      reason: `the download of ${what} (${url}) was cut short: ${formatBytes(bytes.byteLength)} of ${formatBytes(spec.size)}`,
      failure: { ok: false, kind: 'truncated', message: '', transient: true },
    };
  if ((await sha256Hex(bytes)) !== spec.sha256)
    return { ok: false, status: 'refused', reason: `${what} does not match the feed's checksum (sha256): it was altered or damaged on the way (${url})` };
  if (!(await verifySignature(key, spec.signature, bytes)))
    return { ok: false, status: 'refused', reason: `Signature does not match the feed's key (${spec.keyId}) for ${what} (${url})` };
  return { ok: true, bytes };
}

function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function resolve(ref: string, base: string): string | null {
  try {
    const u = new URL(ref, base);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.href : null;
  } catch {
    return null;
  }
}

/** The delta from the installed version, applied and checked; or why it could not be used. */
async function tryDelta(ctx: Ctx, entry: FeedPack, installed: InstalledPack, baseUrl: string): Promise<{ pack: Pack } | { problem: string }> {
  const d = entry.deltas.find((x) => x.from === installed.version);
  if (!d || !installed.pack) return { problem: '' };
  const url = resolve(d.url, baseUrl);
  if (!url) return { problem: `its address "${d.url}" is not an http(s) URL` };
  const got = await fetchVerified(ctx, url, d, 'the delta');
  if (!got.ok) return { problem: got.reason };
  const decoded = decodePackBytes(got.bytes);
  if ('problem' in decoded) return { problem: `the delta is not valid: ${decoded.problem.message}` };
  const parsed = parseJson(decoded.text);
  if ('problem' in parsed) return { problem: `the delta is not valid: ${parsed.problem.message}` };
  const checked = checkDelta(parsed.value);
  if (!checked.ok) return { problem: `the delta is not valid: ${problemsText(checked.problems)}` };
  const delta = checked.value;
  if (delta.pack !== entry.id || delta.from !== installed.version || delta.to !== entry.version)
    return { problem: `the delta file goes from version ${delta.from} to ${delta.to} of "${delta.pack}", not from ${installed.version} to ${entry.version} of "${entry.id}"` };
  let base: Pack;
  try {
    base = await installed.pack();
  } catch (e) {
    return { problem: `the installed version could not be read (${e instanceof Error ? e.message : String(e)})` };
  }
  if ((await packDigest(base)) !== delta.baseDigest)
    return { problem: `the installed version ${installed.version} is not the publisher's version ${installed.version}` };
  let result: Pack;
  try {
    result = applyDelta(base, delta);
  } catch (e) {
    if (e instanceof DeltaError) return { problem: e.message };
    throw e;
  }
  if ((await packDigest(result)) !== delta.digest) return { problem: `applying it did not give the published version ${entry.version}` };
  const valid = validatePack(result);
  if (!valid.ok) return { problem: `the pack it gives is not valid: ${problemsText(valid.problems)}` };
  return { pack: valid.pack };
}

interface EntryOutcome extends PackUpdateResult {
  /** Whether this check is final for this feed.json (no reason to fetch it again unchanged). */
  settled: boolean;
}

async function updateEntry(ctx: Ctx, entry: FeedPack, baseUrl: string): Promise<EntryOutcome> {
  const { deps } = ctx;
  const head = { id: entry.id, title: entry.title, offered: entry.version };
  let installed: InstalledPack | null;
  try {
    installed = await deps.installed(entry.id);
  } catch (e) {
    return { ...head, status: 'failed', installed: null, settled: false, retry: 'backoff', message: `Could not read the installed packs (${e instanceof Error ? e.message : String(e)}); ${RETRY}` };
  }
  const inUse = installed?.version ?? null;
  const refuse = (reason: string, extra: Partial<EntryOutcome> = {}): EntryOutcome => ({
    ...head, status: 'refused', installed: inUse, settled: false, message: `${capitalise(reason)}; ${kept(installed)}`, ...extra,
  });
  const fail = (reason: string, failure?: DownloadFailure, extra: Partial<EntryOutcome> = {}): EntryOutcome => ({
    ...head, status: 'failed', installed: inUse, settled: false, retry: 'backoff', retryAfterMs: failure?.retryAfterMs,
    message: `${capitalise(reason)}; ${kept(installed)}; ${RETRY}`, ...extra,
  });

  if (compareVersions(entry.minCrosscheck, deps.crosscheckVersion) > 0)
    return {
      ...head, status: 'skipped', installed: inUse, settled: true,
      message: `Version ${entry.version} needs Crosscheck ${entry.minCrosscheck} or later (this is ${deps.crosscheckVersion}); ${kept(installed)}`,
    };
  if (installed && installed.version === entry.version)
    return { ...head, status: 'unchanged', installed: inUse, settled: true, message: `Up to date: version ${entry.version} is installed` };
  if (installed && installed.version > entry.version)
    return refuse(`the feed offers version ${entry.version}, older than the installed version ${installed.version}`, { settled: true });

  let pack: Pack | null = null;
  let via: 'delta' | 'full' = 'full';
  let deltaProblem: string | undefined;
  if (installed) {
    const d = await tryDelta(ctx, entry, installed, baseUrl);
    if ('pack' in d) {
      pack = d.pack;
      via = 'delta';
    } else if (d.problem) deltaProblem = d.problem;
  }
  const note = deltaProblem ? { deltaProblem } : {};
  if (!pack) {
    const url = resolve(entry.url, baseUrl);
    if (!url) return refuse(`the pack's address "${entry.url}" is not an http(s) URL`, note);
    const got = await fetchVerified(ctx, url, entry, 'the pack');
    if (!got.ok) return got.status === 'failed' ? fail(got.reason, got.failure, note) : refuse(got.reason, note);
    const valid = validatePackText(got.bytes);
    if (!valid.ok) return refuse(`the pack from the feed is not valid (${problemsText(valid.problems)})`, note);
    pack = valid.pack;
  }
  if (pack.id !== entry.id || pack.version !== entry.version)
    return refuse(`the pack file is "${pack.id}" version ${pack.version}, but the feed lists "${entry.id}" version ${entry.version}`, note);
  // No downgrade or replay: the installed version may have changed while this one downloaded.
  let current: InstalledPack | null = installed;
  try {
    current = await deps.installed(entry.id);
  } catch {
    /* keep the first answer */
  }
  if (current && current.version === pack.version)
    return { ...head, status: 'unchanged', installed: current.version, settled: true, message: `Up to date: version ${pack.version} is installed` };
  if (current && current.version > pack.version)
    return {
      ...head, status: 'refused', installed: current.version, settled: true,
      message: `Version ${pack.version} is older than the installed version ${current.version}; kept version ${current.version}`,
    };

  let outcome: InstallOutcome;
  try {
    outcome = await deps.install(pack);
  } catch (e) {
    outcome = { status: 'failed', message: `Could not store the pack (${e instanceof Error ? e.message : String(e)})` };
  }
  const fallback = deltaProblem ? ` The delta from version ${installed?.version} was not used (${deltaProblem}), so the full pack was downloaded.` : '';
  switch (outcome.status) {
    case 'installed':
      return {
        ...head, status: 'updated', installed: pack.version, via, settled: true, ...note,
        message: `Updated to version ${pack.version}${installed ? ` (was version ${installed.version})` : ''}${via === 'delta' ? ' with a delta' : ''}.${fallback}`,
      };
    case 'unchanged':
      return { ...head, status: 'unchanged', installed: pack.version, settled: true, message: `Up to date: version ${pack.version} is installed` };
    case 'refused':
      return { ...head, status: 'refused', installed: inUse, settled: false, ...note, message: outcome.message ?? `The pack was refused; ${kept(installed)}` };
    default: {
      const m = outcome.message ?? 'Could not store the pack';
      return { ...head, status: 'failed', installed: inUse, settled: false, retry: 'backoff', ...note, message: /kept version|nothing was installed/.test(m) ? `${m}; ${RETRY}` : `${m}; ${kept(installed)}; ${RETRY}` };
    }
  }
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
  const unchanged = 'the installed packs are unchanged';
  const base = { feedUrl, checkedAt, packs: [] as PackUpdateResult[] };

  const got = await download(feedUrl, {
    fetch: deps.fetch, timeoutMs: limits.timeoutMs, maxBytes: limits.feedMaxBytes, validators: deps.previous, what: 'the feed', signal: deps.signal,
    onProgress: deps.onProgress && ((received, total) => deps.onProgress?.({ url: feedUrl, what: 'feed', received, total })),
  });
  if (!got.ok) {
    const retry = got.kind === 'network' || got.kind === 'timeout' || got.kind === 'http' || got.kind === 'truncated';
    return {
      ...base,
      status: retry ? 'failed' : 'refused',
      message: `Could not update from the feed: ${got.message}; ${unchanged}${retry ? `; ${RETRY}` : ''}`,
      ...(retry ? { retry: 'backoff' as const, retryAfterMs: got.retryAfterMs } : {}),
    };
  }
  if (got.notModified)
    return { ...base, status: 'not-modified', validators: got.validators, message: `The feed has not changed since the last check; ${unchanged}` };

  if (isWebPage(got.bytes))
    return {
      ...base,
      status: 'refused',
      message: `The address ${feedUrl} gives a web page (HTML), not a Crosscheck feed: check it (it should be the address of a feed.json file); ${unchanged}`,
    };
  const decoded = decodeFeed(got.bytes);
  if ('problem' in decoded) return { ...base, status: 'refused', message: `The feed at ${feedUrl} is not valid: ${decoded.problem}; ${unchanged}` };
  const feed = checkFeed(decoded.value);
  if (!feed.ok) return { ...base, status: 'refused', message: `The feed at ${feedUrl} is not valid: ${problemsText(feed.problems)}; ${unchanged}` };
  if (feed.value.packs.length === 0) return { ...base, status: 'unchanged', validators: got.validators, message: 'The feed lists no packs' };

  const outcomes: EntryOutcome[] = [];
  for (const entry of feed.value.packs) outcomes.push(await updateEntry(ctx, entry, got.url));

  const packs: PackUpdateResult[] = outcomes.map(({ settled: _s, ...p }) => p);
  const has = (s: PackStatus) => packs.some((p) => p.status === s);
  const status: FeedStatus = has('failed') ? 'failed' : has('refused') ? 'refused' : has('updated') ? 'updated' : 'unchanged';
  const message = packs.length === 1 ? packs[0].message : packs.map((p) => `"${p.title}": ${p.message}`).join(' ');
  const retryAfter = Math.max(0, ...packs.map((p) => p.retryAfterMs ?? 0));
  return {
    ...base,
    status,
    message,
    packs,
    ...(has('failed') ? { retry: 'backoff' as const, ...(retryAfter ? { retryAfterMs: retryAfter } : {}) } : {}),
    ...(outcomes.every((o) => o.settled) ? { validators: got.validators } : {}),
  };
}

/** The first retry after a failure. */
export const FIRST_BACKOFF_MS = 5 * 60_000;
/** No wait is longer than this. */
export const MAX_CHECK_DELAY_MS = 24 * 60 * 60_000;

/**
 * The delay before the next check of a feed. After a success (`failures` 0): the interval, ±10%
 * jitter. After `failures` consecutive failures (results with `retry: 'backoff'`): 5 minutes,
 * doubling with each failure (5, 10, 20, 40 min ...), capped at the interval and at 24 hours, with
 * the same ±10% jitter, and never sooner than a server's Retry-After. `random` is in [0, 1).
 */
export function nextCheckDelay(opts: { intervalMs: number; failures: number; random?: () => number; retryAfterMs?: number }): number {
  const jitter = 0.9 + 0.2 * (opts.random ?? Math.random)();
  const interval = Math.max(0, opts.intervalMs);
  if (opts.failures <= 0) return Math.round(interval * jitter);
  const cap = Math.min(interval, MAX_CHECK_DELAY_MS);
  const backoff = Math.min(FIRST_BACKOFF_MS * 2 ** Math.min(opts.failures - 1, 30), cap);
  return Math.round(Math.max(backoff * jitter, Math.min(opts.retryAfterMs ?? 0, MAX_CHECK_DELAY_MS)));
}
