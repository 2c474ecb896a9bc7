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

const SPACE = /\s/u;
/** What may come before the last word of a sentence: its start, a space, "(" or a quotation mark. */
const BEFORE_WORD = /[\s(“"'‘]/u;

/**
 * True when text[start, end) (a sentence so far) ends in an abbreviation or an initial, not a full
 * stop. Reads only its last word, back from the end: a run of initials ("J. J. J. ...") grows one
 * sentence for as long as the page goes on, and reading all of it at each piece took quadratic time.
 */
function endsInAbbreviation(text: string, start: number, end: number): boolean {
  // The last word, "U.S" of "... U.S.  ": after the last space, "(" or quotation mark before the
  // final full stop and the spaces after it. Neither letters nor dots are one of those, so this
  // is where /(?:^|[\s(“"'‘])((?:\p{L}\.)*\p{L}+)\.\s*$/u would have to start.
  let e = end;
  while (e > start && SPACE.test(text[e - 1])) e--;
  let b = e;
  while (b > start && !BEFORE_WORD.test(text[b - 1])) b--;
  const m = /^((?:\p{L}\.)*\p{L}+)\.$/u.exec(text.slice(b, e));
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
    let pending: { start: number; end: number; merged: number; quotes: Quotes } | null = null;
    for (const seg of segments(block, lang)) {
      const start = base + seg.index;
      const end = start + seg.segment.length;
      const open = pending ? isOpen(pending.quotes) : false;
      const abbrev = pending && endsInAbbreviation(text, pending.start, pending.end) && /^\s*[\p{L}\p{N}“"(]/u.test(seg.segment);
      // No sentence starts in lower case: after a quote's "!" or "?" the sentence goes on
      // ("скандировали «Вагнер!» и фотографировались с бойцами").
      const goesOn = pending && /^\s*\p{Ll}/u.test(seg.segment) && /[!?…]["”»'’)]*\s*$/u.test(text.slice(pending.start, pending.end));
      if (pending && (abbrev || goesOn || (open && pending.merged < MAX_QUOTE_SENTENCES))) {
        pending.end = end;
        pending.merged++;
        countQuotes(pending.quotes, seg.segment);
        continue;
      }
      if (pending) push(out, text, pending.start, pending.end);
      pending = { start, end, merged: 0, quotes: countQuotes({ curly: 0, guillemets: 0, straight: 0, single: 0 }, seg.segment) };
    }
    if (pending) push(out, text, pending.start, pending.end);
  }
  return out;
}

/**
 * Intl.Segmenter takes more than linear time on long text (in Node 20, a paragraph of 80,000
 * characters took about 30 times as long as one of 10,000; windows of 2,048 read 160,000 characters
 * in a third of the time windows of 8,192 did), and a page may be one paragraph of two million. A
 * block longer than SEGMENT_WINDOW is segmented a window at a time: the sentences that end before
 * the last SEGMENT_MARGIN characters of a window are kept, and the next window starts where the
 * last of them ends (a window with none, inside one long sentence, is doubled until it holds it).
 * A boundary depends on the text after it only as far as the next letter, so unless the text runs
 * that far without one the sentences are those of the whole block (the same for the corpus
 * articles run together into one block, in English, Russian and Ukrainian, and for run-on text).
 */
const SEGMENT_WINDOW = 2_048;
const SEGMENT_MARGIN = 512;

function* segments(block: string, lang: string): Generator<{ index: number; segment: string }> {
  if (block.length <= SEGMENT_WINDOW) {
    yield* segmenter(lang).segment(block);
    return;
  }
  for (let pos = 0, size = SEGMENT_WINDOW; pos < block.length; ) {
    let end = Math.min(block.length, pos + size);
    const c = block.charCodeAt(end);
    if (end < block.length && c >= 0xdc00 && c <= 0xdfff) end--; // not inside a surrogate pair
    const last = end === block.length;
    let next = pos;
    for (const seg of segmenter(lang).segment(block.slice(pos, end))) {
      const segEnd = pos + seg.index + seg.segment.length;
      // A sentence ending near the window's end is read again in the next window.
      if (!last && segEnd > end - SEGMENT_MARGIN) break;
      yield { index: pos + seg.index, segment: seg.segment };
      next = segEnd;
      // A sentence longer than a window (text that runs on) is found in a window grown for it,
      // and only it: the windows after it are of the usual size again.
      if (size > SEGMENT_WINDOW) break;
    }
    if (next > pos) {
      pos = next;
      size = SEGMENT_WINDOW;
    } else size *= 2;
  }
}

/** A quotation of several sentences stays one unit with its attribution, up to this many. */
const MAX_QUOTE_SENTENCES = 8;

/** The quotation marks of a sentence so far, counted piece by piece as it grows (never read again). */
interface Quotes {
  curly: number;
  guillemets: number;
  straight: number;
  /** Single quotation marks, as British outlets write a quote ('Wagner! Wagner!'). */
  single: number;
}

const LETTER = /[\p{L}\p{N}]/u;

function countQuotes(q: Quotes, s: string): Quotes {
  for (let i = 0; i < s.length; i++) {
    const ch = s[i];
    if (ch === '“') q.curly++;
    else if (ch === '”') q.curly = Math.max(0, q.curly - 1);
    else if (ch === '«') q.guillemets++;
    else if (ch === '»') q.guillemets = Math.max(0, q.guillemets - 1);
    else if (ch === '"') q.straight++;
    else if (ch === '‘' || ch === '’' || ch === "'") {
      // Between two letters it is an apostrophe ("Russia's", "don’t"). One that follows a space
      // or the start and comes before a letter opens a quote; any other closes an open one.
      const before = i > 0 ? s[i - 1] : ' ';
      const after = i + 1 < s.length ? s[i + 1] : ' ';
      if (LETTER.test(before) && LETTER.test(after)) continue;
      if (ch === '‘' || (!LETTER.test(before) && !/[.,!?;:]/.test(before) && /\p{L}/u.test(after))) q.single++;
      else q.single = Math.max(0, q.single - 1);
    }
  }
  return q;
}

/** True when a quotation opened in the sentence so far is not closed by its end. */
function isOpen(q: Quotes): boolean {
  return q.curly > 0 || q.guillemets > 0 || q.straight % 2 === 1 || q.single > 0;
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
  for (let cut = gluedHeading(text, start, end); cut > start; cut = gluedHeading(text, start, end)) {
    push(out, text, start, cut);
    start = cut;
  }
  if (end > start) out.push({ start, end, text: text.slice(start, end) });
}

/**
 * Where a heading run into the paragraph after it ends ("SEE ALSO: How The Kremlin Hides His
 * Location With Three Nearly Identical OfficesLavrov did not name the residence"): at a capital
 * glued to the small letters before it, after three words or more in title case and before words
 * in lower case; else -1. Not "WhatsApp" or "McDonald" in a sentence.
 */
function gluedHeading(text: string, start: number, end: number): number {
  // Read in the sentence only (at most MAX_SENTENCE_CHARS): never to the end of the page.
  const sentence = text.slice(start, end);
  const glue = /\p{Ll}{2}(?=\p{Lu}\p{Ll})/gu;
  for (let m = glue.exec(sentence); m; m = glue.exec(sentence)) {
    const at = m.index + 2;
    const words = sentence.slice(0, at).match(/[\p{L}\p{N}'’-]+/gu) ?? [];
    const long = words.map((w) => w.replace(/^['’-]+/u, '')).filter((w) => w.length >= 4);
    if (words.length < 3 || long.length < 3 || long.some((w) => !/^[\p{Lu}\p{N}]/u.test(w))) continue;
    const after = sentence.slice(at).match(/[\p{L}'’-]+/gu)?.slice(1, 5) ?? [];
    if (after.some((w) => /^\p{Ll}{3}/u.test(w))) return start + at;
  }
  return -1;
}

/** Where to cut a run-on sentence at `limit` at the latest: after its last space in the second half, else at `limit` (not inside a surrogate pair). */
function cutPoint(text: string, start: number, limit: number): number {
  for (let i = limit; i > start + MAX_SENTENCE_CHARS / 2; i--) if (/\s/.test(text[i - 1])) return i;
  const c = text.charCodeAt(limit);
  return c >= 0xdc00 && c <= 0xdfff ? limit - 1 : limit;
}
