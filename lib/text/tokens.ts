// Words, the one definition of a word for the whole engine (claim terms here, actor names in
// ../match/words.ts): where a word starts and ends, and its normal form. Tokens carry offsets into
// the original text. A word is a run of letters, combining marks and digits ("G7", "COVID", "15km"),
// with the invisible characters that may sit inside one (soft hyphen, zero-width space and joiners,
// word joiner, BOM: dropped from the normal form), an apostrophe between letters ("O'Brien",
// "п'ять", "мʼята", "Putin’s"), and a dot or comma between digits ("5,000", "1.5", "28.12.2025").
// A hyphen, a dash and every other character end a word ("north-west" is two words). Normal form:
// NFKC, lower case, ’ ʼ ‘ ` ´ → ', Latin diacritics and Cyrillic stress marks dropped, ё → е,
// possessive 's dropped. Stems: ./language.ts for Russian and Ukrainian, a light stemmer for English.
import { stemCyrillic } from './language';

export interface Token {
  start: number;
  end: number;
  /** Case-folded, normalised surface form ("putin", "zelenskyy", "75"). */
  norm: string;
  /** Stem used for matching ("attack" for "attacked"). */
  stem: string;
  numeric: boolean;
}

// Word characters: letters but ʼ (an apostrophe, though Unicode calls it a letter), marks, digits
// and the invisible ones; between them, an apostrophe after a letter and before one, or a dot or
// comma between digits. Each piece is one character wide and the pieces are disjoint: linear time.
const WORD_CHAR = '(?:[^\\P{L}\\u02bc]|[\\p{M}\\p{N}\\u00ad\\u200b-\\u200d\\u2060\\ufeff])';
const WORD_JOIN = "(?:(?<=[\\p{L}\\p{M}])['\u2019\u02bc](?=\\p{L})|(?<=\\p{N})[.,](?=\\p{N}))";
export const WORD_SOURCE = `${WORD_CHAR}+(?:${WORD_JOIN}${WORD_CHAR}+)*`;
export const WORD = new RegExp(WORD_SOURCE, 'gu');
const CYRILLIC = /[\u0400-\u04ff]/;
/** Soft hyphen, zero-width space and joiners, word joiner, zero-width no-break space. */
export const INVISIBLE_RE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * Case-folds and normalises one word: NFKC, lower case, ’ ʼ ‘ ` ´ → ', invisible characters
 * dropped, Latin diacritics and Cyrillic stress marks dropped, ё → е, possessive 's dropped.
 */
export function normWord(word: string): string {
  // Plain ASCII words (most of them) need only lower-casing and the possessive dropped.
  if (/^[A-Za-z0-9']+$/.test(word)) return word.toLowerCase().replace(/'s$/, '').replace(/s'$/, 's');
  let w = word.normalize('NFKC').toLowerCase().replace(/[’ʼ‘`´]/g, "'").replace(INVISIBLE_RE, '');
  if (/[\u00c0-\u024f]/.test(w)) w = w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  if (CYRILLIC.test(w)) {
    // Stress marks ("Пу́тин") stay combining after NFKC: dropped; ѐ ѝ are е и with a grave.
    w = w.replace(/[\u0300-\u036f]/g, '').replace(/[ёѐ]/g, 'е').replace(/ѝ/g, 'и');
  }
  // Possessives: "putin's" -> "putin"; "ukraine's" -> "ukraine".
  return w.replace(/'s$/, '').replace(/s'$/, 's');
}

// Stems of Cyrillic words, remembered: the Snowball stemmers are slower than the English one.
const cyrStems = new Map<string, string>();

/**
 * The stem of a normalised word, for matching inflected forms of one word: numbers without their
 * thousands commas; Russian and Ukrainian words by ./language.ts; others (English) by a light
 * stemmer that strips plural and verb endings.
 */
export function stem(norm: string): string {
  if (/^\p{N}/u.test(norm)) return norm.replace(/,/g, '');
  if (CYRILLIC.test(norm)) {
    let st = cyrStems.get(norm);
    if (st === undefined) {
      st = stemCyrillic(norm) || norm;
      if (cyrStems.size > 50_000) cyrStems.clear();
      cyrStems.set(norm, st);
    }
    return st;
  }
  let w = norm;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.endsWith('sses')) w = w.slice(0, -2);
  else if (w.length > 3 && w.endsWith('s') && !/(ss|us|is)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 5 && w.endsWith('ied')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 4 && w.endsWith('ed') && !w.endsWith('eed')) w = w.slice(0, -2);
  else if (w.length > 5 && w.endsWith('ing')) w = w.slice(0, -3);
  if (w.length > 3 && /([^aeiouy])\1$/.test(w) && !/(ll|ss|zz)$/.test(w)) w = w.slice(0, -1);
  if (w.length > 3 && w.endsWith('e')) w = w.slice(0, -1);
  return w;
}

export function tokenize(text: string, from = 0, to = text.length): Token[] {
  const out: Token[] = [];
  const slice = text.slice(from, to);
  for (const m of slice.matchAll(WORD)) {
    const norm = normWord(m[0]);
    if (!norm) continue;
    const start = from + (m.index ?? 0);
    const numeric = /^\p{N}/u.test(norm);
    out.push({ start, end: start + m[0].length, norm, stem: stem(norm), numeric });
  }
  return out;
}

/** Normalised text for display-independent comparison of short strings (quotes, places). */
export function normPhrase(s: string): string {
  return tokenize(s).map((t) => t.norm).join(' ');
}
