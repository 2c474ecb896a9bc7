// Delta packs: the records added, changed and removed between two versions of a pack. Pure and
// deterministic: the same two packs always give the same delta, and applying it to the base gives
// a pack deep-equal to the newer one (record order included).
//
// A delta applies only to its exact base: `baseDigest` is the sha256 of the base's canonical form
// (records sorted by key, object keys sorted), which a client compares with the pack it has before
// applying, and `digest` that of the result, compared after. Both are independent of record order
// and of how the installed pack was stored.
import type { Actor, Article, Claim, Outlet, Pack, Report } from '../pack/schema';
import { DELTA_FORMAT, DELTA_VERSION, type Delta, type PackHeader } from './format';
import { sha256Hex } from './keys';

export class DeltaError extends Error {}

type Keyed = 'outlets' | 'articles' | 'actors' | 'claims';
type ReportKey = { claim: string; article: string };

const reportKey = (r: ReportKey) => `${r.claim}\u0000${r.article}`;

/** JSON with object keys sorted and undefined values dropped, arrays in order. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map((x) => (x === undefined ? 'null' : canonicalJson(x))).join(',')}]`;
  const obj = value as Record<string, unknown>;
  const keys = Object.keys(obj).filter((k) => obj[k] !== undefined).sort();
  return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(obj[k])}`).join(',')}}`;
}

const byKey = <T>(key: (x: T) => string) => (a: T, b: T) => {
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};

function header(p: Pack): PackHeader {
  return { format: p.format, id: p.id, version: p.version, createdAt: p.createdAt, publisher: p.publisher, title: p.title, stories: p.stories };
}

/** The canonical text of a pack: keyed records sorted by key (positions keep their order). */
export function canonicalPack(p: Pack): string {
  return canonicalJson({
    ...header(p),
    outlets: [...p.outlets].sort(byKey((x) => x.id)),
    articles: [...p.articles].sort(byKey((x) => x.id)),
    actors: [...p.actors].sort(byKey((x) => x.id)),
    claims: [...p.claims].sort(byKey((x) => x.id)),
    reports: [...p.reports].sort(byKey(reportKey)),
    positions: p.positions,
  });
}

/** sha256 (hex) of the pack's canonical form: equal for packs with the same content. */
export async function packDigest(p: Pack): Promise<string> {
  return sha256Hex(new TextEncoder().encode(canonicalPack(p)));
}

interface Diff<T> {
  put: T[];
  remove: string[];
  /** The full key order of `next`, when applying put and remove to the base's order would not give it. */
  order?: string[];
}

function diff<T>(base: T[], next: T[], key: (x: T) => string): Diff<T> {
  const baseMap = new Map(base.map((x) => [key(x), canonicalJson(x)]));
  const nextKeys = new Set(next.map(key));
  const put = next.filter((x) => baseMap.get(key(x)) !== canonicalJson(x));
  const remove = base.map(key).filter((k) => !nextKeys.has(k));
  // The order applyDelta gives: the base's records kept in place, the new ones at the end.
  const natural = [...base.map(key).filter((k) => nextKeys.has(k)), ...next.map(key).filter((k) => !baseMap.has(k))];
  const wanted = next.map(key);
  const same = natural.length === wanted.length && natural.every((k, i) => k === wanted[i]);
  return same ? { put, remove } : { put, remove, order: wanted };
}

const splitKey = (k: string): ReportKey => {
  const [claim, article] = k.split('\u0000');
  return { claim, article };
};

/** The delta from `base` to `next` (two versions of the same pack, `next` the newer). */
export async function makeDelta(base: Pack, next: Pack): Promise<Delta> {
  if (base.id !== next.id) throw new DeltaError(`a delta joins two versions of one pack, not "${base.id}" and "${next.id}"`);
  if (base.version >= next.version) throw new DeltaError(`a delta goes from an older version to a newer one, not from ${base.version} to ${next.version}`);
  const id = (x: { id: string }) => x.id;
  const outlets = diff<Outlet>(base.outlets, next.outlets, id);
  const articles = diff<Article>(base.articles, next.articles, id);
  const actors = diff<Actor>(base.actors, next.actors, id);
  const claims = diff<Claim>(base.claims, next.claims, id);
  const reports = diff<Report>(base.reports, next.reports, reportKey);
  const order: NonNullable<Delta['order']> = {};
  if (outlets.order) order.outlets = outlets.order;
  if (articles.order) order.articles = articles.order;
  if (actors.order) order.actors = actors.order;
  if (claims.order) order.claims = claims.order;
  if (reports.order) order.reports = reports.order.map(splitKey);
  const delta: Delta = {
    format: DELTA_FORMAT,
    version: DELTA_VERSION,
    pack: next.id,
    from: base.version,
    to: next.version,
    baseDigest: await packDigest(base),
    digest: await packDigest(next),
    header: header(next),
    put: { outlets: outlets.put, articles: articles.put, actors: actors.put, claims: claims.put, reports: reports.put },
    remove: { outlets: outlets.remove, articles: articles.remove, actors: actors.remove, claims: claims.remove, reports: reports.remove.map(splitKey) },
  };
  if (canonicalJson(base.positions) !== canonicalJson(next.positions)) delta.positions = next.positions;
  if (Object.keys(order).length) delta.order = order;
  return delta;
}

const SINGULAR: Record<Keyed | 'reports', string> = { outlets: 'outlet', articles: 'article', actors: 'actor', claims: 'claim', reports: 'report' };

function apply<T>(name: Keyed | 'reports', base: T[], put: T[], remove: string[], order: string[] | undefined, key: (x: T) => string, show: (k: string) => string): T[] {
  const out = new Map<string, T>(base.map((x) => [key(x), x]));
  for (const k of remove) {
    if (!out.has(k)) throw new DeltaError(`the delta removes ${SINGULAR[name]} ${show(k)}, which the base version does not have`);
    out.delete(k);
  }
  for (const x of put) out.set(key(x), x);
  if (!order) return [...out.values()];
  if (order.length !== out.size || new Set(order).size !== order.length)
    throw new DeltaError(`the delta's order of ${name} does not list exactly the ${name} of the result`);
  return order.map((k) => {
    const x = out.get(k);
    if (x === undefined) throw new DeltaError(`the delta's order of ${name} names ${SINGULAR[name]} ${show(k)}, which the result does not have`);
    return x;
  });
}

/**
 * Applies a delta to its base version: the newer pack. Throws DeltaError when the delta is not for
 * this base (another pack, another version, or records it does not have). The result is not
 * validated here: the caller validates it (and compares its digest with `delta.digest`).
 */
export function applyDelta(base: Pack, delta: Delta): Pack {
  if (delta.pack !== base.id) throw new DeltaError(`the delta is for pack "${delta.pack}", not "${base.id}"`);
  if (delta.from !== base.version) throw new DeltaError(`the delta applies to version ${delta.from}, not to version ${base.version}`);
  if (delta.header.id !== delta.pack || delta.header.version !== delta.to)
    throw new DeltaError(`the delta's header (pack "${delta.header.id}" version ${delta.header.version}) does not match its pack "${delta.pack}" version ${delta.to}`);
  const quote = (k: string) => `"${k}"`;
  const showReport = (k: string) => {
    const r = splitKey(k);
    return `of claim "${r.claim}" in article "${r.article}"`;
  };
  const id = (x: { id: string }) => x.id;
  const o = delta.order ?? {};
  return {
    ...delta.header,
    outlets: apply<Outlet>('outlets', base.outlets, delta.put.outlets, delta.remove.outlets, o.outlets, id, quote),
    articles: apply<Article>('articles', base.articles, delta.put.articles, delta.remove.articles, o.articles, id, quote),
    actors: apply<Actor>('actors', base.actors, delta.put.actors, delta.remove.actors, o.actors, id, quote),
    claims: apply<Claim>('claims', base.claims, delta.put.claims, delta.remove.claims, o.claims, id, quote),
    reports: apply<Report>('reports', base.reports, delta.put.reports, delta.remove.reports.map(reportKey), o.reports?.map(reportKey), reportKey, showReport),
    positions: delta.positions ?? base.positions,
  };
}
