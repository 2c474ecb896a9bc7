// Sentence splitting shared by the pack compiler and the page scanner: Intl.Segmenter, then
// repairs for abbreviations ICU breaks after ("U.S. President", "Col. Gen."), and block
// boundaries kept (a heading and the paragraph after it are never one sentence).

export interface Sentence {
  start: number;
  end: number;
  text: string;
}

/** Abbreviations after which a full stop does not end a sentence (lower case, without the dot). */
const ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'gen', 'col', 'lt', 'maj', 'capt', 'sgt', 'adm', 'gov', 'sen', 'rep', 'st', 'jr', 'sr',
  'vs', 'etc', 'no', 'dec', 'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'inc', 'ltd',
  'co', 'corp', 'approx', 'ca', 'est', 'fig', 'u.s', 'u.k', 'u.n', 'e.u', 'u.s.a', 'd.c', 'a.m', 'p.m', 'e.g', 'i.e',
  'т', 'г', 'гг', 'им', 'ул', 'см', 'тыс', 'млн', 'млрд', 'руб', 'грн', 'ін', 'тис',
]);

const segmenters = new Map<string, Intl.Segmenter>();
function segmenter(lang: string): Intl.Segmenter {
  let s = segmenters.get(lang);
  if (!s) {
    s = new Intl.Segmenter(lang, { granularity: 'sentence' });
    segmenters.set(lang, s);
  }
  return s;
}

/** True when `text` (a sentence so far) ends in an abbreviation or an initial, not a full stop. */
function endsInAbbreviation(text: string): boolean {
  const m = /(?:^|[\s(“"'‘])((?:\p{L}\.)*\p{L}+)\.\s*$/u.exec(text);
  if (!m) return false;
  const word = m[1];
  if (ABBREVIATIONS.has(word.toLowerCase())) return true;
  // A single capital initial ("J. Smith") or dotted initials ("U.S.").
  return /^\p{Lu}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word);
}

/**
 * Splits text into sentences with offsets into `text`. Line breaks are block boundaries.
 * Leading and trailing white space is trimmed from each sentence; empty ones are dropped.
 */
export function splitSentences(text: string, lang = 'en'): Sentence[] {
  const out: Sentence[] = [];
  const blockRe = /[^\n]+/g;
  for (let b = blockRe.exec(text); b; b = blockRe.exec(text)) {
    const block = b[0];
    const base = b.index;
    let pending: { start: number; end: number; merged: number } | null = null;
    for (const seg of segmenter(lang).segment(block)) {
      const start = base + seg.index;
      const end = start + seg.segment.length;
      const open = pending ? openQuotes(text.slice(pending.start, pending.end)) : false;
      const abbrev = pending && endsInAbbreviation(text.slice(pending.start, pending.end)) && /^\s*[\p{L}\p{N}“"(]/u.test(seg.segment);
      if (pending && (abbrev || (open && pending.merged < MAX_QUOTE_SENTENCES))) {
        pending.end = end;
        pending.merged++;
        continue;
      }
      if (pending) push(out, text, pending.start, pending.end);
      pending = { start, end, merged: 0 };
    }
    if (pending) push(out, text, pending.start, pending.end);
  }
  return out;
}

/** A quotation of several sentences stays one unit with its attribution, up to this many. */
const MAX_QUOTE_SENTENCES = 8;

/** True when a quotation opened in `s` is not closed by its end. */
function openQuotes(s: string): boolean {
  let curly = 0;
  let guillemets = 0;
  let straight = 0;
  for (const ch of s) {
    if (ch === '“') curly++;
    else if (ch === '”') curly = Math.max(0, curly - 1);
    else if (ch === '«') guillemets++;
    else if (ch === '»') guillemets = Math.max(0, guillemets - 1);
    else if (ch === '"') straight++;
  }
  return curly > 0 || guillemets > 0 || straight % 2 === 1;
}

/**
 * No sentence is longer than this: text that runs on without a full stop (a list of links, words
 * a page joined without spaces, a table flattened into one line) is cut into pieces of at most
 * this many characters, at a space where there is one, so no claim spans a whole page.
 */
export const MAX_SENTENCE_CHARS = 1000;

function push(out: Sentence[], text: string, start: number, end: number) {
  while (start < end && /\s/.test(text[start])) start++;
  while (end > start && /\s/.test(text[end - 1])) end--;
  while (end - start > MAX_SENTENCE_CHARS) {
    const cut = cutPoint(text, start, start + MAX_SENTENCE_CHARS);
    push(out, text, start, cut);
    start = cut;
    while (start < end && /\s/.test(text[start])) start++;
  }
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

/** Where to cut a run-on sentence at `limit` at the latest: after its last space in the second half, else at `limit` (not inside a surrogate pair). */
function cutPoint(text: string, start: number, limit: number): number {
  for (let i = limit; i > start + MAX_SENTENCE_CHARS / 2; i--) if (/\s/.test(text[i - 1])) return i;
  const c = text.charCodeAt(limit);
  return c >= 0xdc00 && c <= 0xdfff ? limit - 1 : limit;
}
