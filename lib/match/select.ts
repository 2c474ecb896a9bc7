// Choosing among a sentence's candidate claims (./claims.ts): the limits, the few with the highest
// bounds out of tens of thousands in linear time, and the best scores so far in a small heap.

import type { ValueType } from '../text/values';

/**
 * What one sentence may cost and give (docs/pack-format.md#limits). A sentence states a handful of
 * claims (the bundled pack's corpus at most 9); a pack of many claims that share their words could
 * otherwise make every sentence state thousands, and each be scored and reported. The candidates
 * that could score highest are scored first, and only the best-scoring claims are kept.
 */
export const MATCH_LIMITS = {
  /** Claims one sentence states at most: the best-scoring (ties: by id). */
  claimsPerSentence: 32,
  /** Candidates scored in full per sentence, those with the highest possible score first. */
  scoredPerSentence: 256,
} as const;

/** The kinds of value a sentence gives, as the slots that compare with them are typed. */
export const VALUE_TYPES: readonly ValueType[] = ['count', 'percent', 'distance', 'duration', 'date', 'place', 'channel', 'quote'];

/** Adds `i` to the list of `key` (once, where `i` comes in order). */
export function pushTo(map: Map<string, number[]>, key: string, i: number): void {
  const list = map.get(key);
  if (!list) map.set(key, [i]);
  else if (list[list.length - 1] !== i) list.push(i);
}

// The slots whose figure alone makes a claim a candidate for a sentence (its score still needs the evidence).
const FIGURES = new Set(['count', 'percent', 'distance', 'duration']);

/** The key a figure of a slot or a sentence is found by ("count:11"), or null. */
export function figureKey(x: { type: string; value?: number | null }): string | null {
  return x.value != null && FIGURES.has(x.type) ? `${x.type}:${x.value}` : null;
}

/**
 * The first `n` of `ids`, or, past `k`, the `k` with the highest `bounds` (ties: the lower index),
 * in linear time; marked `truncated` when some were left out.
 */
export function highest(ids: ArrayLike<number>, n: number, bounds: Float64Array, k: number): number[] & { truncated?: boolean } {
  const out: number[] & { truncated?: boolean } = [];
  if (n <= k) {
    for (let j = 0; j < n; j++) out.push(ids[j]);
    return out;
  }
  const values = new Float64Array(n);
  for (let j = 0; j < n; j++) values[j] = bounds[ids[j]];
  const cut = kthLargest(values, k);
  let ties = 0;
  for (let j = 0; j < n; j++) {
    const b = bounds[ids[j]];
    if (b > cut) out.push(ids[j]);
    else if (b === cut) values[ties++] = ids[j];
  }
  // Of the ties, the lowest indices: the (need)-th smallest is the largest taken.
  const need = k - out.length;
  const tied = values.subarray(0, ties);
  const last = -kthLargest(tied.map((x) => -x), need);
  for (let j = 0; j < ties; j++) if (tied[j] <= last) out.push(tied[j]);
  out.truncated = true;
  return out;
}

/** Adds to a min-heap of numbers. */
export function heapPush(h: number[], x: number): void {
  let i = h.push(x) - 1;
  while (i > 0) {
    const parent = (i - 1) >> 1;
    if (h[parent] <= h[i]) break;
    [h[parent], h[i]] = [h[i], h[parent]];
    i = parent;
  }
}

/** Replaces the least of a min-heap. */
export function heapReplaceTop(h: number[], x: number): void {
  h[0] = x;
  for (let i = 0; ; ) {
    const l = 2 * i + 1;
    const r = l + 1;
    let m = i;
    if (l < h.length && h[l] < h[m]) m = l;
    if (r < h.length && h[r] < h[m]) m = r;
    if (m === i) break;
    [h[m], h[i]] = [h[i], h[m]];
    i = m;
  }
}

/** The k-th largest of `a` (1-based), reordering `a`: quickselect, linear on average. */
function kthLargest(a: Float64Array, k: number): number {
  let lo = 0;
  let hi = a.length - 1;
  const target = k - 1;
  while (lo < hi) {
    const pivot = a[(lo + hi) >> 1];
    let i = lo;
    let j = hi;
    while (i <= j) {
      while (a[i] > pivot) i++;
      while (a[j] < pivot) j--;
      if (i <= j) {
        const t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    if (target <= j) hi = j;
    else if (target >= i) lo = i;
    else break;
  }
  return a[target];
}
