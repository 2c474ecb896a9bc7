// Language rules for words: which stemmer a word goes to. Chosen by measurement against the
// hand-written stemmers this replaced (tests/fixtures/stem-pairs.json, docs/matching.md "Stemmers"):
// - Russian: the Snowball Russian stemmer (nlp.js's port, @nlpjs/lang-ru; the same output as the
//   snowball-stemmers package on every labelled pair, a tenth of its size in the bundle);
// - Ukrainian: nlp.js's Ukrainian stemmer (@nlpjs/lang-uk), for words that show a Ukrainian letter
//   (і ї є ґ or an apostrophe); a Cyrillic word without one may be either language and goes to the
//   Russian stemmer, which handles the endings the two languages share;
// - English: the light stemmer of ./tokens.ts stays (Porter and Porter2 run derived words together:
//   security/secure, nationality/national, organization/organ, which costs precision in matching).
//
// Only the stemmer modules are imported, not the packages' indexes (tokenizers, sentiment, trigrams).
// The stemmers are called below their cache (which grows without bound); ./tokens.ts memoises.
import StemmerRu from '@nlpjs/lang-ru/src/stemmer-ru.js';
import StemmerUk from '@nlpjs/lang-uk/src/stemmer-uk.js';

export type Language = 'en' | 'ru' | 'uk' | 'other';

const CYRILLIC = /[\u0400-\u04ff]/;
// Letters Russian does not have (and the apostrophe inside a word, "п'ять", "пов'язаний").
const UKRAINIAN = /[іїєґ']/;

/** The language a normalised word's stemmer is chosen by: its script and its letters. */
export function languageOfWord(norm: string): Language {
  if (CYRILLIC.test(norm)) return UKRAINIAN.test(norm) ? 'uk' : 'ru';
  return /^[a-z]/.test(norm) ? 'en' : 'other';
}

interface SnowballLike {
  setCurrent(w: string): void;
  innerStem(): void;
  getCurrent(): string;
}

let ru: SnowballLike | undefined;
let uk: SnowballLike | undefined;

function run(s: SnowballLike, w: string): string {
  s.setCurrent(w);
  s.innerStem();
  return s.getCurrent();
}

/** Snowball Russian stem of a lower-case Russian word (ё already folded to е). */
export function stemRussian(norm: string): string {
  ru ??= new StemmerRu() as unknown as SnowballLike;
  return run(ru, norm);
}

/** nlp.js Ukrainian stem of a lower-case Ukrainian word. */
export function stemUkrainian(norm: string): string {
  uk ??= new StemmerUk() as unknown as SnowballLike;
  return run(uk, norm);
}

/** The stem of a lower-case Cyrillic word: by its letters, Ukrainian or Russian. */
export function stemCyrillic(norm: string): string {
  return UKRAINIAN.test(norm) ? stemUkrainian(norm) : stemRussian(norm);
}
