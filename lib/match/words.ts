// The words of names and pages as the actor matcher sees them: normalised, Cyrillic ones as stems
// that match the case endings a name takes, the character classes of the scanning loop, and the
// word hash of its lookup table. Shared by the compiler (./compile.ts) and the matcher (./actors.ts).
import { normWord, WORD_SOURCE } from '../text/tokens';

export const CYRILLIC_RE = /[\u0400-\u04ff]/;
// Case endings a Russian or Ukrainian name may take (nouns and adjectival surnames), and the
// nominative endings the stem dropped (й, ь: "Сергей", "Кремль" are the stems серге, кремл).
export const CASE_ENDINGS = new Set([
  '', 'й', 'ь', 'а', 'я', 'у', 'ю', 'е', 'є', 'і', 'и', 'ы', 'ой', 'ей', 'ою', 'ею', 'ом', 'ем', 'ым', 'им', 'ім', 'ого', 'его', 'ому',
  'ему', 'ої', 'ій', 'ий', 'ый', 'ая', 'ую', 'ов', 'ев', 'ам', 'ям', 'ах', 'ях', 'ыми', 'ими', 'іми', 'ові', 'еві', 'ину', 'ина',
]);
export const MAX_ENDING = 3;
const NOMINATIVE = /(ий|ый|ой|ій|а|я|ь|й)$/;

/** The part of a Cyrillic name word that stays when it is inflected. */
function cyrStem(w: string): string {
  return w.length > 4 ? w.replace(NOMINATIVE, '') : w;
}

// Words are the engine's one definition of a word (../text/tokens.ts WORD): letters, marks, digits
// and the invisible characters inside a word; an apostrophe between letters ("O'Brien", "п'ять");
// a dot or comma between digits ("5,000", "1.5"). normWord drops the invisible ones. The scanning
// loop of ./actors.ts finds the same words character class by character class.
export const WORD_RE = new RegExp(WORD_SOURCE, 'gu');
/** WORD_RE for aliases, apart from the one that scans pages. */
const ALIAS_WORD_RE = new RegExp(WORD_SOURCE, 'gu');
// Words that normWord would change beyond lower case: other scripts, accented Latin, Cyrillic
// stress marks, ё ѐ ѝ, apostrophes, invisible characters.
const NEEDS_FULL_NORM = /[^\x00-\x7f\u0400-\u04ff]|[\u0450\u0451\u045d'’ʼ\u00ad\u200b-\u200d\u2060\ufeff]/;

export function normToken(raw: string): string {
  return NEEDS_FULL_NORM.test(raw) ? normWord(raw) : raw;
}

/**
 * The words of an alias as the matcher keeps them: normalised, Cyrillic ones as stems. A word of
 * invisible characters only ("\u200b") normalises to nothing and is left out, so it can match
 * nothing on a page; an alias with no word left matches nothing at all (validation refuses it).
 */
export function aliasWords(text: string): { word: string; cyrillic: boolean }[] {
  const out: { word: string; cyrillic: boolean }[] = [];
  const lowered = text.toLowerCase();
  ALIAS_WORD_RE.lastIndex = 0;
  for (let m = ALIAS_WORD_RE.exec(lowered); m; m = ALIAS_WORD_RE.exec(lowered)) {
    const w = normToken(m[0]);
    if (!w) continue;
    const cyrillic = CYRILLIC_RE.test(w);
    out.push({ word: cyrillic ? cyrStem(w) : w, cyrillic });
  }
  return out;
}

/** Between two words of one name: only spaces, hyphens and dots. */
export function joinable(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 160 || c === 45 || c === 46 || c === 0x2010 || c === 0x2011 || c === 9 || c === 10)) return false;
  }
  return true;
}

// Character classes for the scanning loop, filled lazily: 0 not a word character, 1 a word
// character that needs no normalisation (a-z, 0-9, Cyrillic but ё), 2 one that does (accented
// Latin, ё, other scripts), 3 an apostrophe, 4 an invisible character inside a word, 5 a dot or
// comma (inside a word between digits), 6 a surrogate (the code point decides).
export const UNKNOWN = 255;
export const CLASS = new Uint8Array(65536).fill(UNKNOWN);
export function charClass(c: number): number {
  let k = CLASS[c];
  if (k !== UNKNOWN) return k;
  const ch = String.fromCharCode(c);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x430 && c <= 0x44f) || c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491) k = 1;
  else if (c === 39 || c === 0x2019 || c === 0x2bc) k = 3;
  else if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) k = 4;
  else if (c === 44 || c === 46) k = 5;
  else if (c >= 0xd800 && c <= 0xdfff) k = 6;
  else k = /[\p{L}\p{M}\p{N}]/u.test(ch) ? 2 : 0;
  CLASS[c] = k;
  return k;
}

const LETTER_RE = /^[^\P{L}\u02bc]$/u;
const LETTER_OR_MARK_RE = /^[\p{L}\p{M}]$/u;
const DIGIT_RE = /^\p{N}$/u;
const WORD_CHAR_RE = /^[^\P{L}\u02bc]$|^[\p{M}\p{N}]$/u;

/** The character (a whole surrogate pair) at i of s, or at its end when `before`. */
function charAt(s: string, i: number, before: boolean): string {
  if (before) {
    const lo = s.charCodeAt(i - 1);
    return lo >= 0xdc00 && lo <= 0xdfff && i >= 2 ? s.slice(i - 2, i) : s.slice(i - 1, i);
  }
  const hi = s.charCodeAt(i);
  return hi >= 0xd800 && hi <= 0xdbff ? s.slice(i, i + 2) : s.slice(i, i + 1);
}

/** Whether an apostrophe at i of s is inside a word: a letter (or mark) before it, a letter after. */
export function apostropheJoins(s: string, i: number): boolean {
  if (i === 0 || i + 1 >= s.length) return false;
  const p = s.charCodeAt(i - 1);
  const q = s.charCodeAt(i + 1);
  const before = (p >= 97 && p <= 122) || (p >= 65 && p <= 90) || (p > 127 && LETTER_OR_MARK_RE.test(charAt(s, i, true)));
  return before && ((q >= 97 && q <= 122) || (q >= 65 && q <= 90) || (q > 127 && LETTER_RE.test(charAt(s, i + 1, false))));
}

/** Whether a dot or comma at i of s is inside a number: a digit before it and one after. */
export function separatorJoins(s: string, i: number): boolean {
  if (i === 0 || i + 1 >= s.length) return false;
  const p = s.charCodeAt(i - 1);
  const q = s.charCodeAt(i + 1);
  return ((p >= 48 && p <= 57) || (p > 127 && DIGIT_RE.test(charAt(s, i, true)))) && ((q >= 48 && q <= 57) || (q > 127 && DIGIT_RE.test(charAt(s, i + 1, false))));
}

/** The length (1 or 2) of the word character at i of s that starts a surrogate pair, or 0. */
export function astralWordChar(s: string, i: number): number {
  const ch = charAt(s, i, false);
  return ch.length === 2 && WORD_CHAR_RE.test(ch) ? 2 : 0;
}

export function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

export const FNV_OFFSET = 0x811c9dc5;
export const FNV_PRIME = 0x01000193;
export function hashString(w: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
  return h;
}

