// Building a feed directory from packs in memory: feed.json, the packs and the deltas, each file
// with its sha256, size and Ed25519 signature over its exact bytes. The CLI (`crosscheck feed
// build`) reads the files and writes what this returns; nothing here touches the file system.
import type { Pack } from '../pack/schema';
import { formatProblem, validatePackText } from '../pack/validate';
import { makeDelta } from './delta';
import { FEED_FORMAT, FEED_MIN_CROSSCHECK, FEED_VERSION, type Feed, type FeedDelta, type FeedPack } from './format';
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
  /** The oldest Crosscheck that may install these packs; default FEED_MIN_CROSSCHECK. */
  minCrosscheck?: string;
}

const encoder = new TextEncoder();

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
  const feed: Feed = {
    format: FEED_FORMAT,
    version: FEED_VERSION,
    generated: (opts.generated ?? new Date()).toISOString(),
    packs: entries,
  };
  files.push({ path: 'feed.json', bytes: encoder.encode(`${JSON.stringify(feed, null, 2)}\n`) });
  return { feed, files };
}
