// Building a feed directory from packs in memory: feed.json, the packs and the deltas, each file
// with its sha256, size and Ed25519 signature over its exact bytes, and feed.json itself signed,
// with the time it was built and when it expires. The CLI (`crosscheck feed build`) reads the files
// and writes what this returns; nothing here touches the file system.
import type { Pack } from '../pack/schema';
import { formatProblem, validatePackText } from '../pack/validate';
import { makeDelta } from './delta';
import { FEED_FORMAT, FEED_MIN_CROSSCHECK, FEED_VERSION, type Feed, type FeedDelta, type FeedEnvelope, type FeedPack } from './format';
import { sha256Hex, signBytes, type SigningKey } from './keys';

export interface PackSource {
  /** Where the bytes came from (a file name), for messages. */
  name: string;
  bytes: Uint8Array;
}

export interface FeedFile {
  /** Path inside the feed directory, with `/` separators: `feed.json`, `packs/x-3.json`. */
  path: string;
  bytes: Uint8Array;
}

export interface BuiltFeed {
  feed: Feed;
  files: FeedFile[];
}

/** Input that cannot be published; `problems` are lines such as `a.json: claims[3].kind: ...`. */
export class PublishError extends Error {
  constructor(public readonly problems: string[], message = problems.join('\n')) {
    super(message);
  }
}

export interface PublishOptions {
  /** The `generated` timestamp; default now. */
  generated?: Date;
  /** When the feed expires; default DEFAULT_FEED_LIFETIME_MS after `generated`. */
  expires?: Date;
  /** The oldest Crosscheck that may install these packs; default FEED_MIN_CROSSCHECK. */
  minCrosscheck?: string;
}

const encoder = new TextEncoder();
const DAY = 86_400_000;
/** How long a feed is good for when the publisher does not say: 30 days. */
export const DEFAULT_FEED_LIFETIME_MS = 30 * DAY;
/** The longest a publisher may make a feed last: a year (a stale feed can hold readers back that long). */
export const MAX_FEED_LIFETIME_MS = 366 * DAY;

/**
 * `feed build --expires`: a duration after `now` (`30d`, `12h`, `2w`) or a date or timestamp
 * (`2026-03-01`, `2026-03-01T12:00:00Z`). Returns the expiry, or what is wrong with the text.
 */
export function parseExpires(text: string, now: Date): { ok: true; expires: Date } | { ok: false; message: string } {
  const t = text.trim();
  const unit: Record<string, number> = { h: 3_600_000, d: DAY, w: 7 * DAY };
  const duration = /^(\d{1,4})([hdw])$/.exec(t);
  let at: number;
  if (duration) at = now.getTime() + Number(duration[1]) * unit[duration[2]];
  else if (/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2}))?$/.test(t) && !Number.isNaN(Date.parse(t))) at = Date.parse(t);
  else return { ok: false, message: `--expires takes a duration such as 30d, 12h or 2w, or a date such as 2026-03-01; not "${t.slice(0, 40)}"` };
  if (at <= now.getTime()) return { ok: false, message: `--expires ${t} is not in the future` };
  if (at - now.getTime() > MAX_FEED_LIFETIME_MS) return { ok: false, message: `--expires ${t} is more than a year away; a feed must be rebuilt at least once a year` };
  return { ok: true, expires: new Date(at) };
}

/** feed.json's bytes: the feed's JSON text, signed, in its envelope (docs/feed-format.md#feedjson). */
export async function signFeed(feed: Feed, key: SigningKey): Promise<Uint8Array> {
  const signed = `${JSON.stringify(feed, null, 1)}\n`;
  const envelope: FeedEnvelope = {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    keyId: key.id,
    signature: await signBytes(key, encoder.encode(signed)),
    signed,
  };
  return encoder.encode(`${JSON.stringify(envelope, null, 2)}\n`);
}

export const packPath = (id: string, version: number) => `packs/${id}-${version}.json`;
export const deltaPath = (id: string, from: number, to: number) => `deltas/${id}-${from}-to-${to}.json`;

async function signed(key: SigningKey, bytes: Uint8Array) {
  return { sha256: await sha256Hex(bytes), size: bytes.byteLength, signature: await signBytes(key, bytes), keyId: key.id };
}

/**
 * The files of a feed. Sources are grouped by pack id: the newest version of each is the full pack,
 * and each older version given becomes the base of a delta to it. Every source is validated first;
 * any problem throws PublishError listing every problem of every source.
 */
export async function buildFeed(sources: PackSource[], key: SigningKey, opts: PublishOptions = {}): Promise<BuiltFeed> {
  if (sources.length === 0) throw new PublishError(['no pack to publish']);
  const problems: string[] = [];
  const packs: { source: PackSource; pack: Pack }[] = [];
  for (const source of sources) {
    const r = validatePackText(source.bytes);
    if (r.ok) packs.push({ source, pack: r.pack });
    else for (const p of r.problems) problems.push(`${source.name}: ${formatProblem(p)}`);
  }
  if (problems.length) throw new PublishError(problems);

  const byId = new Map<string, { source: PackSource; pack: Pack }[]>();
  for (const p of packs) {
    const same = byId.get(p.pack.id) ?? [];
    const twin = same.find((x) => x.pack.version === p.pack.version);
    if (twin) problems.push(`${p.source.name}: pack "${p.pack.id}" version ${p.pack.version} is also given by ${twin.source.name}`);
    same.push(p);
    byId.set(p.pack.id, same);
  }
  if (problems.length) throw new PublishError(problems);

  const files: FeedFile[] = [];
  const entries: FeedPack[] = [];
  for (const id of [...byId.keys()].sort()) {
    const versions = byId.get(id)!.sort((a, b) => b.pack.version - a.pack.version);
    const [newest, ...older] = versions;
    const path = packPath(id, newest.pack.version);
    // The pack file is the source's exact bytes: what is hashed and signed is what clients parse.
    files.push({ path, bytes: newest.source.bytes });
    const deltas: FeedDelta[] = [];
    for (const base of older) {
      const delta = await makeDelta(base.pack, newest.pack);
      const bytes = encoder.encode(`${JSON.stringify(delta)}\n`);
      const dPath = deltaPath(id, base.pack.version, newest.pack.version);
      files.push({ path: dPath, bytes });
      deltas.push({ from: base.pack.version, url: dPath, ...(await signed(key, bytes)) });
    }
    entries.push({
      id,
      version: newest.pack.version,
      title: newest.pack.title,
      url: path,
      ...(await signed(key, newest.source.bytes)),
      minCrosscheck: opts.minCrosscheck ?? FEED_MIN_CROSSCHECK,
      deltas,
    });
  }
  const generated = opts.generated ?? new Date();
  const expires = opts.expires ?? new Date(generated.getTime() + DEFAULT_FEED_LIFETIME_MS);
  if (expires.getTime() <= generated.getTime()) throw new PublishError(['the feed would expire before it was built: --expires must be in the future']);
  const feed: Feed = {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    generated: generated.toISOString(),
    expires: expires.toISOString(),
    packs: entries,
  };
  files.push({ path: 'feed.json', bytes: await signFeed(feed, key) });
  return { feed, files };
}
