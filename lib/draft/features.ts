// What a sentence says, as features for aligning it with other outlets' sentences: the actors it
// names, its values (figures, dates, places), its content words (stems, within a script) and,
// across scripts, the letters of its longer words (./rules.ts skeleton: "terrorist" and
// "терористичним", "Crocus" and "Крокус" meet). Weighted by how rare each is in the corpus.
import type { ActorMatcher, Mention } from '../match/actors';
import { tokenize } from '../text/tokens';
import { extractValues, parseNumber, translit, type Value } from '../text/values';
import type { DraftCorpus, DraftSentence } from './corpus';
import { meanings } from './lexicon';
import { datelineEnd, isStop, skeleton } from './rules';

/** Where `needle` is written in `text`, each time. */
function spansOf(text: string, needle: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  for (let at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length)) out.push({ start: at, end: at + needle.length });
  return out;
}

export interface Term {
  norm: string;
  stem: string;
  start: number;
  end: number;
}

export interface SentenceInfo {
  s: DraftSentence;
  mentions: Mention[];
  actors: string[];
  values: Value[];
  /** Content words outside actor names, in order. */
  terms: Term[];
  /** Features within the sentence's script, and across scripts. */
  mono: string[];
  cross: string[];
  cyrillic: boolean;
}

export interface FeatureSpace {
  infos: SentenceInfo[];
  weight: (f: string) => number;
  df: Map<string, number>;
  /** Sum of squared weights, per sentence, of its mono and cross features. */
  normMono: Float64Array;
  normCross: Float64Array;
  /** A Cyrillic sentence's length against a Latin-script one: its features both scripts have, and a prior (analyse). */
  normToLatin: Float64Array;
}

const CYR = /[\u0400-\u04ff]/;
/** How many rare words' weight a Russian or Ukrainian sentence's vector gets beside its features across scripts. */
const ALIGN_PRIOR = 1.5;

/** The value keys that carry across languages ("n:133", "d:2024-03-22", "r:novgor"). */
export function valueKeys(values: Value[]): string[] {
  const out: string[] = [];
  for (const v of values) {
    if (v.type === 'count' && v.value != null && v.value !== 1) out.push(`n:${v.value}`);
    else if ((v.type === 'percent' || v.type === 'distance' || v.type === 'duration') && v.value != null) out.push(`${v.type[0]}:${v.value}`);
    else if (v.type === 'date' && v.from) out.push(`d:${v.from.slice(5)}`);
    else if (v.type === 'place' && v.region) out.push(`r:${translit(v.region).slice(0, 5)}`);
  }
  return out;
}

/**
 * A word's key across languages: the first four consonants of its Latin letters, for words of six
 * letters or more ("концертном" and "concert" are knkr, "террористического" and "terrorist" trrs).
 */
export function crossKey(norm: string): string[] {
  if (norm.length < 6) return [];
  const c = skeleton(norm).replace(/[aeiou]/g, '').replace(/(.)\1+/g, '$1');
  return c.length >= 4 ? [`x:${c.slice(0, 4)}`] : [];
}

export function analyse(corpus: DraftCorpus, matcher: ActorMatcher, year: number): FeatureSpace {
  // An outlet's name and a dateline ("MOSCOW, June 24 (Meridian Wire) - ") are who wrote it and
  // where, no word of what it tells.
  const outletNames = corpus.outlets.filter((o) => o.length >= 3).map((o) => o.toLowerCase());
  const infos: SentenceInfo[] = corpus.sentences.map((s) => {
    const mentions = matcher.find(s.text);
    const actors = [...new Set(mentions.map((m) => m.actor))].sort();
    // A toll's figure (its noun written before it: "the death toll rose to 115") is read by the
    // engine, not aligned here: as a figure of the reports it moved the groups of the leads
    // (docs/drafting.md, measured).
    const values = extractValues(s.text, { year }).filter((v) => !v.toll);
    const terms: Term[] = [];
    const lower = s.text.toLowerCase();
    const byline = [{ start: 0, end: datelineEnd(s.text) }, ...outletNames.flatMap((o) => spansOf(lower, o))];
    let m = 0;
    for (const t of tokenize(s.text)) {
      while (m < mentions.length && mentions[m].end <= t.start) m++;
      if (m < mentions.length && mentions[m].start <= t.start && t.end <= mentions[m].end) continue;
      if (byline.some((b) => t.start >= b.start && t.end <= b.end)) continue;
      if (t.numeric || isStop(t.norm) || t.norm.length < 3 || parseNumber(t.norm) != null) continue;
      terms.push({ norm: t.norm, stem: t.stem, start: t.start, end: t.end });
    }
    const shared = [...actors.map((a) => `a:${a}`), ...valueKeys(values)];
    const mono = [...new Set([...shared, ...terms.map((t) => `w:${t.stem}`)])];
    const cross = [...new Set([...shared, ...terms.flatMap((t) => [...crossKey(t.norm), ...meanings(t.norm).map((h) => `l:${h}`)])])];
    return { s, mentions, actors, values, terms, mono, cross, cyrillic: CYR.test(s.text.replace(/[«»]/g, '')) && terms.filter((t) => CYR.test(t.norm)).length * 2 >= terms.length };
  });
  const df = new Map<string, number>();
  for (const info of infos) for (const f of new Set([...info.mono, ...info.cross])) df.set(f, (df.get(f) ?? 0) + 1);
  const n = Math.max(infos.length, 1);
  const weights = new Map<string, number>();
  const weight = (f: string) => {
    let w = weights.get(f);
    if (w === undefined) {
      const base = Math.log(1 + n / (df.get(f) ?? 1));
      // Figures and dates are the most telling evidence that two sentences report one fact.
      w = f.startsWith('w:') || f.startsWith('x:') || f.startsWith('l:') ? base : f.startsWith('a:') ? base * 0.8 : base * 1.5;
      weights.set(f, w);
    }
    return w;
  };
  const sq = (fs: string[]) => fs.reduce((t, f) => t + weight(f) ** 2, 0);
  // Against a Latin-script sentence, a Russian or Ukrainian one can meet it only in the features
  // some Latin-script sentence of the corpus also has: the letters of its other words only lengthen
  // its vector. Its length there is theirs, plus ALIGN_PRIOR rare words' weight, so that a sentence
  // of a figure and little else ("затримано 11 осіб") does not look like every sentence with the
  // figure. Latin-script sentences keep their whole length (a lead telling two facts is not a short
  // report's twin), and so do two Cyrillic sentences of different languages, which meet in all
  // their features. (docs/drafting.md has the prior measured from half a word to four.)
  const scripts = new Map<string, number>();
  for (const info of infos) for (const f of info.cross) scripts.set(f, (scripts.get(f) ?? 0) | (info.cyrillic ? 2 : 1));
  const prior = ALIGN_PRIOR * Math.log(1 + n) ** 2;
  const normCross = Float64Array.from(infos, (i) => sq(i.cross));
  return {
    infos,
    weight,
    df,
    normMono: Float64Array.from(infos, (i) => sq(i.mono)),
    normCross,
    normToLatin: Float64Array.from(infos, (i, k) => (i.cyrillic ? sq(i.cross.filter((f) => scripts.get(f) === 3)) + prior : normCross[k])),
  };
}

/** Cosine similarity of two sentences: within a language by stems, across languages by letters. */
export function similarity(space: FeatureSpace, a: number, b: number): number {
  const A = space.infos[a];
  const B = space.infos[b];
  const same = A.s.lang === B.s.lang;
  const fa = same ? A.mono : A.cross;
  const fb = new Set(same ? B.mono : B.cross);
  let dot = 0;
  for (const f of fa) if (fb.has(f)) dot += space.weight(f) ** 2;
  const norm = same ? space.normMono : A.cyrillic !== B.cyrillic ? space.normToLatin : space.normCross;
  const na = norm[a];
  const nb = norm[b];
  if (dot <= 0) return 0;
  return dot / Math.sqrt(na * nb);
}
