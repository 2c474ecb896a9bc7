// Word tokens with offsets into the original text, normalised for matching: NFKC, case folding,
// typographic apostrophes, Latin diacritics removed, possessives dropped; a light stemmer for
// English and suffix stripping for Russian and Ukrainian. Works on Latin and Cyrillic alike.

export interface Token {
  start: number;
  end: number;
  /** Case-folded, normalised surface form ("putin", "zelenskyy", "75"). */
  norm: string;
  /** Stem used for matching ("attack" for "attacked"). */
  stem: string;
  numeric: boolean;
}

export const WORD = /\p{N}+(?:[.,]\p{N}+)*|\p{L}+(?:\p{M}+\p{L}*)*(?:['’ʼ]\p{L}+)*/gu;

/** Case-folds and normalises one word: NFKC, lower case, ’ → ', Latin diacritics dropped. */
export function normWord(word: string): string {
  // Plain ASCII words (most of them) need only lower-casing and the possessive dropped.
  if (/^[A-Za-z0-9']+$/.test(word)) return word.toLowerCase().replace(/'s$/, '').replace(/s'$/, 's');
  let w = word.normalize('NFKC').toLowerCase().replace(/[’ʼ‘`´]/g, "'").replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '');
  if (/[\u00c0-\u024f]/.test(w)) w = w.normalize('NFD').replace(/[\u0300-\u036f]/g, '').normalize('NFC');
  w = w.replace(/ё/g, 'е');
  // Possessives: "putin's" -> "putin"; "ukraine's" -> "ukraine".
  return w.replace(/'s$/, '').replace(/s'$/, 's');
}

const CYRILLIC = /[\u0400-\u04ff]/;

// Russian and Ukrainian inflectional endings, longest first (nouns, adjectives, verbs).
const CYR_ENDINGS = [
  'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ими', 'ыми', 'іми', 'ого', 'ої', 'ій', 'ий', 'ый', 'ой', 'ая', 'яя', 'ое', 'ее',
  'ые', 'ие', 'ую', 'юю', 'ов', 'ев', 'ей', 'ам', 'ям', 'ах', 'ях', 'ом', 'ем', 'ою', 'ею', 'ів', 'їв', 'ти', 'ть', 'ла', 'ли',
  'ло', 'а', 'я', 'у', 'ю', 'е', 'і', 'и', 'ы', 'о', 'ь', 'й', 'ї', 'є',
];

/** Light stemmer: enough to make inflected and derived forms of one word meet. */
export function stem(norm: string): string {
  if (/^\p{N}/u.test(norm)) return norm.replace(/,/g, '');
  if (CYRILLIC.test(norm)) {
    if (norm.length <= 4) return norm;
    for (const e of CYR_ENDINGS) if (norm.length - e.length >= 4 && norm.endsWith(e)) return norm.slice(0, -e.length);
    return norm;
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
