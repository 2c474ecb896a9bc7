// Pack feeds, format v2: feed.json (a signed envelope around the feed's list of packs) and delta
// files, defined once here as valibot schemas; the types derive from them. docs/feed-format.md
// documents every field.
import * as v from 'valibot';
import { Actor, Article, Claim, Id, noBidiControls, Outlet, Pack, Position, Report } from '../pack/schema';
import type { Problem } from '../pack/validate';

export const FEED_FORMAT = 'crosscheck-feed';
/** Version 2: feed.json is signed and expires. Version 1 (unsigned) is refused, saying so. */
export const FEED_VERSION = 2;
/** The last feed format that was not signed. */
export const UNSIGNED_FEED_VERSION = 1;
export const DELTA_FORMAT = 'crosscheck-delta';
export const DELTA_VERSION = 1;
/** The first Crosscheck version that reads feeds; the default `minCrosscheck` of a pack entry. */
export const FEED_MIN_CROSSCHECK = '0.1.0';
/** feed.json is refused beyond this size. */
export const FEED_MAX_BYTES = 1024 * 1024;
export const MAX_FEED_PACKS = 1_000;
export const MAX_DELTAS_PER_PACK = 100;

const PackVersion = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1, 'must be 1 or more'));
export const Sha256Hex = v.pipe(v.string(), v.regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits (a sha256)'));
export const KeyId = v.pipe(v.string(), v.regex(/^[0-9a-f]{16}$/, 'must be 16 lower-case hex digits (a key id)'));
export const Signature = v.pipe(
  v.string(),
  v.regex(/^[A-Za-z0-9+/]{86}==$/, 'must be the base64 of a 64-byte Ed25519 signature'),
);
const Size = v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1, 'must be 1 or more'));
export const CrosscheckVersion = v.pipe(v.string(), v.regex(/^\d+(\.\d+){0,2}$/, 'must be a version such as "0.1.0"'));

/** A file's URL in a feed: relative to feed.json, or absolute http(s). */
const FileUrl = v.pipe(
  v.string(),
  v.minLength(1, 'must not be empty'),
  v.maxLength(2_000, 'too long (the limit is 2000 characters)'),
  v.check((s) => {
    try {
      const u = new URL(s, 'https://feed.invalid/feed/feed.json');
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be a relative URL or an http(s) URL'),
);
const IsoTimestamp = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, 'must be an ISO 8601 date or timestamp'),
);

/** The signed file of a delta from `from` to the entry's version. */
export const FeedDelta = v.object({
  from: PackVersion,
  url: FileUrl,
  sha256: Sha256Hex,
  size: Size,
  signature: Signature,
  keyId: KeyId,
});

export const FeedPack = v.pipe(
  v.object({
    id: Id,
    version: PackVersion,
    title: v.pipe(v.string(), v.maxLength(2_000, 'too long (the limit is 2000 characters)'), noBidiControls),
    url: FileUrl,
    sha256: Sha256Hex,
    size: Size,
    signature: Signature,
    keyId: KeyId,
    minCrosscheck: v.optional(CrosscheckVersion, FEED_MIN_CROSSCHECK),
    deltas: v.optional(v.pipe(v.array(FeedDelta), v.maxLength(MAX_DELTAS_PER_PACK, `too many deltas (the limit is ${MAX_DELTAS_PER_PACK})`)), []),
  }),
  v.forward(
    v.check((p) => p.deltas.every((d) => d.from < p.version), 'a delta must start from a version older than the pack'),
    ['deltas'],
  ),
);

export const Feed = v.pipe(
  v.object({
    format: v.literal(FEED_FORMAT),
    version: v.literal(FEED_VERSION),
    /** When the publisher built the feed. */
    generated: IsoTimestamp,
    /** After this the feed is refused as stale until the publisher builds it again. */
    expires: IsoTimestamp,
    packs: v.pipe(v.array(FeedPack), v.maxLength(MAX_FEED_PACKS, `too many packs (the limit is ${MAX_FEED_PACKS})`)),
  }),
  v.forward(
    v.check((f) => new Set(f.packs.map((p) => p.id)).size === f.packs.length, 'a pack id is listed twice'),
    ['packs'],
  ),
  v.forward(
    v.check((f) => Date.parse(f.expires) > Date.parse(f.generated), 'must be later than "generated"'),
    ['expires'],
  ),
);

/**
 * feed.json as served: the feed's JSON text (`signed`, exactly the bytes the signature covers, as
 * UTF-8) with the Ed25519 signature of those bytes and the id of the key that made it. A client
 * verifies the signature before it parses `signed`, so what it reads is what the publisher signed.
 */
export const FeedEnvelope = v.object({
  format: v.literal(FEED_FORMAT),
  version: v.literal(FEED_VERSION),
  keyId: KeyId,
  signature: Signature,
  signed: v.pipe(v.string(), v.minLength(2, 'must be the feed\'s JSON text'), v.maxLength(FEED_MAX_BYTES, 'too long (over 1 MiB)')),
});
export type FeedEnvelope = v.InferOutput<typeof FeedEnvelope>;

export type Feed = v.InferOutput<typeof Feed>;
export type FeedPack = v.InferOutput<typeof FeedPack>;
export type FeedDelta = v.InferOutput<typeof FeedDelta>;

/** The top-level fields of a pack other than its six record arrays. */
export const PackHeader = v.omit(Pack, ['outlets', 'articles', 'actors', 'claims', 'reports', 'positions']);
export type PackHeader = v.InferOutput<typeof PackHeader>;

const ReportKey = v.object({ claim: Id, article: Id });
const ids = v.optional(v.array(Id), []);

/**
 * A delta file: what changes from version `from` to version `to` of pack `pack`. Records are keyed
 * by `id` (reports by `claim` and `article`); `put` holds records added or changed (whole), `remove`
 * the keys of records removed. Positions have no key: `positions` is the whole new list, absent when
 * unchanged. `order`, when present for a collection, is the full key order of the result.
 */
export const Delta = v.object({
  format: v.literal(DELTA_FORMAT),
  version: v.literal(DELTA_VERSION),
  pack: Id,
  from: PackVersion,
  to: PackVersion,
  /** sha256 of the canonical form (lib/feed/delta.ts canonicalPack) of the base version. */
  baseDigest: Sha256Hex,
  /** sha256 of the canonical form of the result. */
  digest: Sha256Hex,
  header: PackHeader,
  put: v.object({
    outlets: v.optional(v.array(Outlet), []),
    articles: v.optional(v.array(Article), []),
    actors: v.optional(v.array(Actor), []),
    claims: v.optional(v.array(Claim), []),
    reports: v.optional(v.array(Report), []),
  }),
  remove: v.object({
    outlets: ids,
    articles: ids,
    actors: ids,
    claims: ids,
    reports: v.optional(v.array(ReportKey), []),
  }),
  positions: v.optional(v.array(Position)),
  order: v.optional(
    v.object({
      outlets: v.optional(v.array(Id)),
      articles: v.optional(v.array(Id)),
      actors: v.optional(v.array(Id)),
      claims: v.optional(v.array(Id)),
      reports: v.optional(v.array(ReportKey)),
    }),
  ),
});
export type Delta = v.InferOutput<typeof Delta>;

/** `a.b[3].c` from valibot's issue path. */
function pathOf(issue: v.BaseIssue<unknown>, root: string): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key as unknown;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || root;
}

function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'missing: this field is required';
  if (issue.kind === 'schema' && issue.type !== 'literal' && issue.type !== 'union') return `expected ${issue.expected}, got ${issue.received}`;
  return issue.message;
}

function problems(issues: readonly v.BaseIssue<unknown>[], root: string): Problem[] {
  return issues.slice(0, 20).map((i) => ({ path: pathOf(i, root), message: describe(i) }));
}

export type Checked<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

function isObject(x: unknown): x is Record<string, unknown> {
  return x !== null && typeof x === 'object' && !Array.isArray(x);
}

/** The format and version checks both feed.json and its signed content start with. */
function formatProblem(value: Record<string, unknown>): Problem | null {
  if (value.format !== FEED_FORMAT)
    return { path: 'format', message: `not a Crosscheck feed: format is ${JSON.stringify(value.format) ?? 'missing'}, expected "${FEED_FORMAT}"` };
  if (value.version !== FEED_VERSION)
    return { path: 'version', message: `feed format version ${JSON.stringify(value.version) ?? 'missing'} is not supported; this version of Crosscheck reads version ${FEED_VERSION}` };
  return null;
}

/**
 * Checks parsed feed.json: the envelope. `unsigned`: a feed of the old unsigned format (version 1),
 * which the caller reports as such. Another format or version is refused with a clear message.
 */
export function checkFeedEnvelope(value: unknown): Checked<FeedEnvelope> | { ok: false; unsigned: true; problems: Problem[] } {
  if (!isObject(value)) return { ok: false, problems: [{ path: '(feed)', message: 'must be a JSON object' }] };
  if (value.format === FEED_FORMAT && value.version === UNSIGNED_FEED_VERSION)
    return { ok: false, unsigned: true, problems: [{ path: 'version', message: 'feed format version 1 is not signed' }] };
  const wrong = formatProblem(value);
  if (wrong) return { ok: false, problems: [wrong] };
  const r = v.safeParse(FeedEnvelope, value);
  return r.success ? { ok: true, value: r.output } : { ok: false, problems: problems(r.issues, '(feed)') };
}

/** Checks the feed's signed content, parsed (after its signature verified). */
export function checkFeed(value: unknown): Checked<Feed> {
  if (!isObject(value)) return { ok: false, problems: [{ path: '(feed)', message: 'must be a JSON object' }] };
  const wrong = formatProblem(value);
  if (wrong) return { ok: false, problems: [wrong] };
  const r = v.safeParse(Feed, value);
  return r.success ? { ok: true, value: r.output } : { ok: false, problems: problems(r.issues, '(feed)') };
}

/** Checks a parsed delta file's structure (the pack it produces is validated in full afterwards). */
export function checkDelta(value: unknown): Checked<Delta> {
  if (!isObject(value)) return { ok: false, problems: [{ path: '(delta)', message: 'must be a JSON object' }] };
  if (value.format !== DELTA_FORMAT)
    return { ok: false, problems: [{ path: 'format', message: `not a Crosscheck delta: format is ${JSON.stringify(value.format) ?? 'missing'}, expected "${DELTA_FORMAT}"` }] };
  if (value.version !== DELTA_VERSION)
    return { ok: false, problems: [{ path: 'version', message: `delta format version ${JSON.stringify(value.version) ?? 'missing'} is not supported; this version of Crosscheck reads version ${DELTA_VERSION}` }] };
  const r = v.safeParse(Delta, value);
  return r.success ? { ok: true, value: r.output } : { ok: false, problems: problems(r.issues, '(delta)') };
}

/** Compares dotted versions ("0.10.0" > "0.9.3"); missing parts count as 0. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0);
  const pb = b.split(/[.+-]/).map((x) => Number.parseInt(x, 10) || 0);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d) return d < 0 ? -1 : 1;
  }
  return 0;
}
