// Aligning sentences across articles: sentences of different articles that share rare features
// (actors, figures, dates, places, rare words) are candidates; pairs are joined, most similar
// first, into groups that hold at most one sentence of each article, while the group stays
// coherent (two groups join when the pairs across them reach, on average, ALIGN.coherence of
// their threshold). Candidates come from an index of features no more common than MAX_DF_SHARE
// of the sentences: near-linear in the corpus.
import { similarity, type FeatureSpace } from './features';

export interface Alignment {
  /** Groups of sentence indices, each sorted, the groups in order of their first sentence. */
  groups: number[][];
  /** Similarities computed (for the bench). */
  pairs: number;
}

export const ALIGN = {
  /** Two sentences of different articles report one thing at this similarity or more. */
  threshold: 0.2,
  /** Across languages sentences share fewer features (names, figures, words of one root). */
  crossThreshold: 0.12,
  /**
   * Between Russian and Ukrainian, which share most roots but meet here only in the features
   * across scripts (names, figures, the consonants of long words): 0.14 left most of their
   * reports of one fact apart (docs/drafting.md: 0.06 to 0.1 alike).
   */
  kinThreshold: 0.1,
  /** Features in more sentences than this share (and at least MIN_DF) do not propose candidates. */
  maxDfShare: 0.04,
  minDf: 6,
  /** Two groups join when the pairs across them are, on average, at least this share of their threshold. */
  coherence: 0.65,
} as const;

export function align(space: FeatureSpace): Alignment {
  const { infos } = space;
  const n = infos.length;
  const cap = Math.max(ALIGN.minDf, Math.ceil(n * ALIGN.maxDfShare));
  const index = new Map<string, number[]>();
  infos.forEach((info, i) => {
    for (const f of new Set([...info.mono, ...info.cross])) {
      if ((space.df.get(f) ?? 0) > cap) continue;
      const list = index.get(f);
      if (list) list.push(i);
      else index.set(f, [i]);
    }
  });
  const thresholdOf = (a: number, b: number) => (infos[a].s.lang === infos[b].s.lang ? ALIGN.threshold : infos[a].cyrillic && infos[b].cyrillic ? ALIGN.kinThreshold : ALIGN.crossThreshold);
  const cache = new Map<number, number>();
  const sim = (a: number, b: number) => {
    const key = a < b ? a * n + b : b * n + a;
    let v = cache.get(key);
    if (v === undefined) cache.set(key, (v = similarity(space, a, b)));
    return v;
  };
  const edges: { a: number; b: number; w: number }[] = [];
  for (let a = 0; a < n; a++) {
    const seen = new Set<number>();
    for (const f of new Set([...infos[a].mono, ...infos[a].cross])) {
      const list = index.get(f);
      if (!list) continue;
      for (const b of list) {
        if (b <= a || seen.has(b) || infos[b].s.article === infos[a].s.article) continue;
        seen.add(b);
        const w = sim(a, b);
        if (w >= thresholdOf(a, b)) edges.push({ a, b, w });
      }
    }
  }
  edges.sort((x, y) => y.w - x.w || x.a - y.a || x.b - y.b);
  const groupOf = Int32Array.from({ length: n }, (_, i) => i);
  const members: number[][] = infos.map((_, i) => [i]);
  for (const { a, b } of edges) {
    const ga = groupOf[a];
    const gb = groupOf[b];
    if (ga === gb) continue;
    const A = members[ga];
    const B = members[gb];
    const arts = new Set(A.map((i) => infos[i].s.article));
    if (B.some((i) => arts.has(infos[i].s.article))) continue;
    // Every pair across the two groups counts, each against its own threshold (within or across
    // languages), at most once over it: one near copy cannot carry the rest.
    let total = 0;
    for (const x of A) for (const y of B) total += Math.min(1, sim(x, y) / thresholdOf(x, y));
    if (total / (A.length * B.length) < ALIGN.coherence) continue;
    const [keep, drop] = A.length >= B.length ? [ga, gb] : [gb, ga];
    for (const i of members[drop]) {
      groupOf[i] = keep;
      members[keep].push(i);
    }
    members[drop] = [];
  }
  const groups = members.filter((g) => g.length).map((g) => [...g].sort((x, y) => x - y));
  groups.sort((x, y) => x[0] - y[0]);
  return { groups, pairs: cache.size };
}
