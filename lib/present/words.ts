// Word-level comparison of two passages, for the cards: how alike two outlets' words are, and which
// words of one are not in the other (to mark them). Pure: strings in, offsets out.

export interface Word {
  /** The word as compared: lower case, curly quotes and dashes made plain. */
  norm: string;
  start: number;
  end: number;
}

/** A [start, end) span of a passage. */
export interface Span {
  start: number;
  end: number;
}

/** Passages longer than this many words are not compared word by word (the comparison is quadratic). */
export const MAX_DIFF_WORDS = 300;

const WORD = /[\p{L}\p{N}]+(?:['’‘\-‐‑–—.,][\p{L}\p{N}]+)*/gu;

export function words(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(WORD)) {
    const norm = m[0]
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .replace(/[‐‑–—]/g, '-');
    out.push({ norm, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length });
  }
  return out;
}

/** The numbers a passage states ("91", "28-29"), sorted: passages that state different figures are never alike. */
export function figures(text: string): string[] {
  return words(text)
    .map((w) => w.norm)
    .filter((w) => /\d/.test(w))
    .sort();
}

/** For each word of `b`, whether it is in a longest common subsequence of `a` and `b`. */
function common(a: readonly string[], b: readonly string[]): boolean[] {
  const n = a.length;
  const m = b.length;
  const dp: Uint16Array[] = Array.from({ length: n + 1 }, () => new Uint16Array(m + 1));
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--) dp[i][j] = a[i] === b[j] ? dp[i + 1][j + 1] + 1 : Math.max(dp[i + 1][j], dp[i][j + 1]);
  const kept = new Array<boolean>(m).fill(false);
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      kept[j] = true;
      i++;
      j++;
    } else if (dp[i + 1][j] >= dp[i][j + 1]) i++;
    else j++;
  }
  return kept;
}

export interface WordDiff {
  /** 0 (nothing shared) to 1 (the same words in the same order): 2 x common words / all words. */
  similarity: number;
  /** The spans of `b` whose words are not in `a`, adjacent words joined into one span. */
  differing: Span[];
}

/** How `b` differs from `a`, word by word. Passages too long to compare count as unlike, with nothing marked. */
export function diffWords(a: string, b: string): WordDiff {
  const wa = words(a);
  const wb = words(b);
  if (!wa.length && !wb.length) return { similarity: 1, differing: [] };
  if (wa.length > MAX_DIFF_WORDS || wb.length > MAX_DIFF_WORDS) return { similarity: 0, differing: [] };
  const kept = common(
    wa.map((w) => w.norm),
    wb.map((w) => w.norm),
  );
  const shared = kept.filter(Boolean).length;
  const differing: Span[] = [];
  for (let j = 0; j < wb.length; j++) {
    if (kept[j]) continue;
    const last = differing[differing.length - 1];
    // Joined to the previous span when only spaces and punctuation lie between them.
    if (last && j > 0 && !kept[j - 1]) last.end = wb[j].end;
    else differing.push({ start: wb[j].start, end: wb[j].end });
  }
  return { similarity: (2 * shared) / (wa.length + wb.length), differing };
}

/** Spans sorted and merged where they overlap or touch (for marking a quote). */
export function mergeSpans(spans: readonly Span[], length: number): Span[] {
  const sorted = spans
    .filter((s) => s.start >= 0 && s.end <= length && s.end > s.start)
    .map((s) => ({ ...s }))
    .sort((x, y) => x.start - y.start || x.end - y.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const last = out[out.length - 1];
    if (last && s.start <= last.end) last.end = Math.max(last.end, s.end);
    else out.push(s);
  }
  return out;
}

/**
 * How much of a sentence a claim's words account for: the share of the sentence's words found, in
 * order, in the claim's text. Among claims a sentence states equally well, the one with the larger
 * share is the one it is about (the sentence with "91 long-range drones" is the 91-drone claim's,
 * more than the general accusation's).
 */
export function sentenceShare(claim: string, sentence: string): number {
  const n = words(sentence).length;
  if (!n) return 0;
  const d = diffWords(claim, sentence);
  const unmatched = d.differing.reduce((sum, s) => sum + words(sentence.slice(s.start, s.end)).length, 0);
  return d.similarity === 0 && words(claim).length > MAX_DIFF_WORDS ? 0 : (n - unmatched) / n;
}
