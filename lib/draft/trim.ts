// A claim's text as a paraphrase can cover it: the central report without the pieces no other
// report of the claim shares. A lead sentence often carries several facts ("Russia has detained 11
// people, including the four gunmen, over Friday's assault ... that left at least 115 people dead,
// President ... said"); its appositions, parentheses and trailing clauses that the other outlets do
// not repeat are another fact, or colour. Pieces are cut at punctuation (commas, semicolons, colons,
// dashes, parentheses), never inside a quote; a piece is kept when the other reports share enough
// of its words (by stem within a language, by letters across languages: ./features.ts crossKey), or
// when it names who says it. The piece the others share most is always kept.
import type { FeatureSpace } from './features';
import { normWord } from '../text/tokens';
import { INTRODUCTORY } from '../text/phrases';
import { CONCESSIVE, datelineEnd, FRAGMENT_PREPOSITION, OPEN_END, PREDICATE, SUBORDINATOR } from './rules';

export interface Trimmed {
  /** The kept text of the report (not yet tidied). */
  text: string;
  /** Whether a span of the report (a value, a mention) is in the kept text. */
  keeps: (start: number, end: number) => boolean;
  /** The weight of the kept content words. */
  weight: number;
  /** The pieces left out for giving another fact's figure, with who says it: a claim of their own. */
  rest?: Trimmed;
}

/** A piece is kept when the other reports share this share of its words' weight. */
const MIN_SUPPORT = 0.55;
/** The least share of the report's words (but another fact's) a trimmed text keeps. */
const MIN_SHARE = 0.4;
/** A text of fewer content words than this is no claim: the report is kept whole. */
const MIN_TERMS = 3;
const DELIMITER = /,\s+|;\s+|:\s+|\s+[—–-]{1,2}\s+|\s*\(|\)/g;

export function trimReport(space: FeatureSpace, i: number, others: number[], protect: { start: number; end: number }[]): Trimmed {
  const info = space.infos[i];
  const text = info.s.text;
  const lead = datelineEnd(text);
  const whole: Trimmed = { text, keeps: (s) => s >= lead, weight: info.terms.reduce((t, x) => (x.start >= lead ? t + space.weight(`w:${x.stem}`) : t), 0) };
  if (!others.length) return whole;
  const atomic = [...info.values.filter((v) => v.type === 'quote'), ...protect, { start: 0, end: lead }];
  const inside = (p: number) => atomic.some((a) => p > a.start && p < a.end);
  // Pieces: [start, end) of the text, with the delimiter that precedes each.
  const cuts: { at: number; len: number; open: boolean }[] = [];
  for (const m of text.matchAll(DELIMITER)) if (!inside(m.index!)) cuts.push({ at: m.index!, len: m[0].length, open: m[0].includes('(') });
  if (!cuts.length) return whole;
  const pieces: { start: number; end: number; from: number; paren: boolean }[] = [];
  let from = lead;
  let start = from;
  let paren = false;
  for (const c of cuts) {
    if (c.at > start) pieces.push({ start, end: c.at, from, paren });
    from = c.at;
    start = c.at + c.len;
    paren = c.open;
  }
  if (start < text.length) pieces.push({ start, end: text.length, from, paren });
  // Within a language only: across languages the letters of few words meet, too few to judge a piece by.
  const stems = new Set<string>();
  for (const j of others) if (space.infos[j].s.lang === info.s.lang) for (const t of space.infos[j].terms) stems.add(t.stem);
  if (!stems.size) return whole;
  const scored = pieces.map((p) => {
    let all = 0;
    let shared = 0;
    let n = 0;
    for (const t of info.terms) {
      if (t.start < p.start || t.start >= p.end) continue;
      const w = space.weight(`w:${t.stem}`);
      all += w;
      n++;
      if (stems.has(t.stem)) shared += w;
    }
    // Who says it: an attribution piece (", President X said on Saturday") stays.
    const protectedPiece = n <= 3 && protect.some((a) => a.start < p.end && a.end > p.start);
    return { ...p, all, shared, n, protectedPiece };
  });
  const best = scored.reduce((b, p) => (p.shared > b.shared ? p : b), scored[0]);
  // A second figure of the kind an earlier piece gives ("11 people" detained, then "115 people"
  // dead) is another fact: its piece is left out.
  const counts = info.values.filter((v) => v.type === 'count' && v.value != null && v.unit);
  const firstOf = new Map<string, number>();
  for (const v of counts) if (!firstOf.has(v.unit!)) firstOf.set(v.unit!, v.start);
  const second = (p: { start: number; end: number }) => counts.some((v) => v.start >= p.start && v.start < p.end && firstOf.get(v.unit!)! < p.start);
  // The first piece holds the sentence's subject: it stays, and the text starts as the report does.
  const supported = (p: (typeof scored)[number]) => !p.paren && (p.all === 0 || p.shared >= MIN_SUPPORT * p.all);
  // A concession after the fact ("..., although it provided no evidence ...") is another fact.
  const conceded = (p: (typeof scored)[number], k: number) => k > 0 && CONCESSIVE.test(text.slice(p.start, p.end));
  const kept = scored.filter((p, k) => k === 0 || p.protectedPiece || (!second(p) && !conceded(p, k) && (p === best || supported(p))));
  // A sentence's introductory phrase ("Under the deal announced on Saturday night, ...") needs the clause after it.
  if (scored.length > 1 && !kept.includes(scored[1]) && INTRODUCTORY.test(text.slice(scored[0].start, scored[0].end).trim())) kept.splice(1, 0, scored[1]);
  // A clause opened by "if", "when", "хотя" needs the one after it.
  for (let k = 0; k + 1 < scored.length; k++)
    if (kept.includes(scored[k]) && !kept.includes(scored[k + 1]) && SUBORDINATOR.test(text.slice(scored[k].start, scored[k].end).trim().replace(/^(and|but|и|а|і|але)\s+/iu, ''))) kept.splice(kept.indexOf(scored[k]) + 1, 0, scored[k + 1]);
  // A piece that starts with the verb ("US officials say the group's Afghan branch, Islamic State
  // Khorasan Province (ISKP), was behind it") is the predicate an apposition parted from its subject.
  for (let k = 1; k < scored.length; k++)
    if (!kept.includes(scored[k]) && !second(scored[k]) && PREDICATE.test(text.slice(scored[k].start, scored[k].end)) && scored.slice(0, k).some((p) => kept.includes(p))) kept.push(scored[k]);
  kept.sort((a, b) => a.start - b.start);
  if (kept.length === scored.length || kept.reduce((t, p) => t + p.n, 0) < MIN_TERMS) return whole;
  // What the other reports share of a sentence may be a name and its role only: too little of it
  // is kept then ("Dmitry Medvedev, deputy chairman of the Security Council"), and it stays whole
  // but for another fact's figure.
  if (kept.reduce((t, p) => t + p.all, 0) < MIN_SHARE * scored.reduce((t, p) => (second(p) ? t : t + p.all), 0)) {
    const all = scored.filter((p) => !second(p) || p.protectedPiece);
    if (all.length === scored.length) return whole;
    kept.splice(0, kept.length, ...all);
  }
  const main = build(text, scored, kept);
  if (!main) return whole;
  // The other fact, with who says it: a claim of its own.
  const rest = scored.filter((p) => second(p) || (p.protectedPiece && !second(p) && p !== scored[0]));
  const other = rest.some((p) => second(p)) && rest.reduce((t, p) => t + p.n, 0) >= MIN_TERMS ? build(text, scored, rest, true) : null;
  return other ? { ...main, rest: other } : main;
}

type Piece = { start: number; end: number; from: number; all: number };

/**
 * The text of some pieces, each with the delimiter before it; after a piece left out (an
 * apposition between commas), a space. Null when no word of three letters is left.
 */
function build(text: string, scored: Piece[], kept: Piece[], fragment = false): Trimmed | null {
  let out = '';
  scored.forEach((p, k) => {
    if (!kept.includes(p)) return;
    const delim = text.slice(p.from, p.start);
    const sep = !out ? '' : kept.includes(scored[k - 1]) && !/[()]/.test(delim) ? delim : /^,?\s+$/.test(delim) || /[()]/.test(delim) ? ' ' : delim;
    out += sep + text.slice(p.start, p.end).trim();
  });
  out = out.replace(/\s+([,.;:!?])/g, '$1').replace(/[,;:\s—–-]+$/u, '');
  // Another fact cut from the middle of a sentence starts as a phrase may ("over an assault on a
  // concert hall that killed at least 133 people"): its text starts at the phrase's noun.
  if (fragment) out = out.replace(FRAGMENT_PREPOSITION, '');
  out = out.charAt(0).toUpperCase() + out.slice(1);
  if (!/[.!?…"”»]$/u.test(out) && /[.!?…"”»]\s*$/u.test(text)) out += '.';
  if (!/\p{L}{3}/u.test(out)) return null;
  // A cut that leaves a clause open ("The deal was struck when Wagner units were.") is no text.
  const last = out.match(/([\p{L}\p{N}'’]+)[^\p{L}\p{N}]*$/u)?.[1];
  if (last && OPEN_END.test(normWord(last))) return null;
  const weight = kept.reduce((t, p) => t + p.all, 0);
  const keeps = (s: number, e: number) => kept.some((p) => s >= p.start && e <= p.end + 1);
  return { text: out, keeps, weight };
}
