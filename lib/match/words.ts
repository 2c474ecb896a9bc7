// The words of names and pages as the actor matcher sees them: normalised, Cyrillic ones as stems
// that match the case endings a name takes, the character classes of the scanning loop, and the
// word hash of its lookup table. Shared by the compiler (./compile.ts) and the matcher (./actors.ts).
import { normWord } from '../text/tokens';

export const CYRILLIC_RE = /[\u0400-\u04ff]/;
// Case endings a Russian or Ukrainian name may take (nouns and adjectival surnames).
export const CASE_ENDINGS = new Set([
  '', 'а', 'я', 'у', 'ю', 'е', 'є', 'і', 'и', 'ы', 'ой', 'ей', 'ою', 'ею', 'ом', 'ем', 'ым', 'им', 'ім', 'ого', 'его', 'ому',
  'ему', 'ої', 'ій', 'ий', 'ый', 'ая', 'ую', 'ов', 'ев', 'ам', 'ям', 'ах', 'ях', 'ыми', 'ими', 'іми', 'ові', 'еві', 'ину', 'ина',
]);
export const MAX_ENDING = 3;
const NOMINATIVE = /(ий|ый|ой|ій|а|я|ь|й)$/;

/** The part of a Cyrillic name word that stays when it is inflected. */
function cyrStem(w: string): string {
  return w.length > 4 ? w.replace(NOMINATIVE, '') : w;
}

// Word characters: letters, marks, digits, and the invisible characters that may sit inside a
// word (soft hyphen, zero-width space and joiners, word joiner, zero-width no-break space);
// apostrophes inside a word ("O'Brien", "Putin’s"). normWord drops the invisible ones.
export const WORD_RE = /[\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060\ufeff]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
/** WORD_RE for aliases, apart from the one that scans pages. */
const ALIAS_WORD_RE = new RegExp(WORD_RE.source, 'gu');
const NEEDS_FULL_NORM = /[^\x00-\x7f\u0400-\u04ff]|['’ʼ\u00ad\u200b-\u200d\u2060\ufeff]/;

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
// Latin, ё, other scripts), 3 an apostrophe, 4 an invisible character inside a word.
export const UNKNOWN = 255;
export const CLASS = new Uint8Array(65536).fill(UNKNOWN);
export function charClass(c: number): number {
  let k = CLASS[c];
  if (k !== UNKNOWN) return k;
  const ch = String.fromCharCode(c);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x430 && c <= 0x44f) || c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491) k = 1;
  else if (c === 39 || c === 0x2019 || c === 0x2bc) k = 3;
  else if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) k = 4;
  else if (c >= 0xd800 && c <= 0xdfff) k = 2; // surrogate halves: letters of other planes go the slow way
  else k = /[\p{L}\p{M}\p{N}]/u.test(ch) ? 2 : 0;
  CLASS[c] = k;
  return k;
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

