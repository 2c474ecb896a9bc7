// One definition of a word for the whole engine: the claim terms (lib/text/tokens.ts WORD, normWord)
// and the actor matcher (lib/match/words.ts and the scanning loop of lib/match/actors.ts) split and
// normalise text the same way. And the stemmers, measured on labelled pairs of words from the
// corpus and fixtures (tests/fixtures/stem-pairs.json) against the hand-written ones they replaced.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActorMatcher, aliasWords } from '../../lib/match/actors';
import { languageOfWord, stemCyrillic } from '../../lib/text/language';
import { normWord, stem, tokenize, WORD } from '../../lib/text/tokens';
import { ROOT } from '../helpers/corpus';

// ---- the definitions before this change, kept to show where the two paths disagreed ----------
const OLD_TOKEN_WORD = /\p{N}+(?:[.,]\p{N}+)*|\p{L}+(?:\p{M}+\p{L}*)*(?:['’ʼ]\p{L}+)*/gu;
const OLD_ACTOR_WORD = /[\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060\ufeff]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
const OLD_CYR_ENDINGS = [
  'ями', 'ами', 'ого', 'его', 'ому', 'ему', 'ими', 'ыми', 'іми', 'ого', 'ої', 'ій', 'ий', 'ый', 'ой', 'ая', 'яя', 'ое', 'ее',
  'ые', 'ие', 'ую', 'юю', 'ов', 'ев', 'ей', 'ам', 'ям', 'ах', 'ях', 'ом', 'ем', 'ою', 'ею', 'ів', 'їв', 'ти', 'ть', 'ла', 'ли',
  'ло', 'а', 'я', 'у', 'ю', 'е', 'і', 'и', 'ы', 'о', 'ь', 'й', 'ї', 'є',
];
/** The hand-written Russian and Ukrainian suffix stripper that lib/text/tokens.ts had. */
function oldCyrillicStem(norm: string): string {
  if (norm.length <= 4) return norm;
  for (const e of OLD_CYR_ENDINGS) if (norm.length - e.length >= 4 && norm.endsWith(e)) return norm.slice(0, -e.length);
  return norm;
}
// The actor path used to keep ё and Cyrillic stress marks (normWord was called only for other scripts).
const oldActorNorm = (w: string) => (/[^\x00-\x7f\u0400-\u04ff]|['’ʼ\u00ad\u200b-\u200d\u2060\ufeff]/.test(w) ? w.normalize('NFKC').replace(/[’ʼ]/g, "'").replace(/[\u00ad\u200b-\u200d\u2060\ufeff]/g, '').replace(/'s$/, '') : w);

const oldTokenWords = (s: string) => [...s.matchAll(OLD_TOKEN_WORD)].map((m) => normWord(m[0])).filter(Boolean);
const oldActorWords = (s: string) => [...s.toLowerCase().matchAll(OLD_ACTOR_WORD)].map((m) => oldActorNorm(m[0])).filter(Boolean);
const tokenWords = (s: string) => tokenize(s).map((t) => t.norm);

/**
 * The words the actor matcher's scanning loop sees in `text`, as normalised words: every word of
 * the text made a one-word alias of its own actor, each mention is one word the loop found.
 */
function scannedWords(text: string): string[] {
  const words = [...new Set(tokenize(text).map((t) => text.slice(t.start, t.end)))];
  const m = new ActorMatcher(words.map((w, i) => ({ actor: `a${i}`, text: w, safeAlone: true })));
  return m.find(text).map((x) => normWord(x.text));
}

// Each case: the text, the words both paths now see.
const CASES: [string, string, string[]][] = [
  ['letters and digits', 'The G7 met', ['the', 'g7', 'met']],
  ['thousands separator', '5,000 people', ['5,000', 'people']],
  ['decimal point', '1.5 million', ['1.5', 'million']],
  ['a date', 'on 28.12.2025.', ['on', '28.12.2025']],
  ['comma then a word', 'in 2025,the', ['in', '2025', 'the']],
  ['soft hyphen', 'resi\u00addence', ['residence']],
  ['zero-width space', 'Pu\u200btin', ['putin']],
  ['word joiner and BOM', 'Zel\u2060ensky\ufeff', ['zelensky']],
  ['Ukrainian apostrophe', "п'ять м’ята пʼять", ["п'ять", "м'ята", "п'ять"]],
  ['possessive', 'Putin’s residence, officials’ view', ['putin', 'residence', 'officials', 'view']],
  ['name with an apostrophe', "O'Brien", ["o'brien"]],
  ['apostrophe after a digit', "5'000 in the 90's", ['5', '000', 'in', 'the', '90', 's']],
  ['ё and a stress mark', 'Королёв и Пу́тин', ['королев', 'и', 'путин']],
  ['hyphenated words', 'north-west Ivano-Frankivsk', ['north', 'west', 'ivano', 'frankivsk']],
  ['an emoji glued to a name', 'Putin😀 said', ['putin', 'said']],
  ['a letter of another plane', 'x𝐀y', ['xay']],
  ['accented Latin', 'Zelenskyy’s café', ['zelenskyy', 'cafe']],
];

describe('one definition of a word', () => {
  it.each(CASES)('%s: the claim terms and the actor matcher see the same words', (_, text, want) => {
    expect(tokenWords(text)).toEqual(want);
    expect(scannedWords(text)).toEqual(want);
    // The words of an alias are the same words too (Cyrillic ones as the stems names are matched by).
    expect(aliasWords(text).filter((w) => !w.cyrillic).map((w) => w.word)).toEqual(want.filter((w) => !/[\u0400-\u04ff]/.test(w)));
  });

  it('the two paths disagreed before on each kind of case', () => {
    const disagreed = (text: string) => JSON.stringify(oldTokenWords(text)) !== JSON.stringify(oldActorWords(text));
    for (const text of ['The G7 met', '5,000 people', '1.5 million', 'resi\u00addence', 'Pu\u200btin', 'Zel\u2060ensky', 'Королёв', 'Пу́тин'])
      expect(disagreed(text), text).toBe(true);
    expect(oldTokenWords('The G7 met')).toEqual(['the', 'g', '7', 'met']);
    expect(oldActorWords('5,000 people')).toEqual(['5', '000', 'people']);
    expect(oldTokenWords('resi\u00addence')).toEqual(['resi', 'dence']);
    expect(oldActorWords('Королёв')).toEqual(['королёв']);
  });

  it('an alias does not match part of a word: "5" in "5,000", "G" in "G7", "resi" in "resi\u00addence"', () => {
    const m = new ActorMatcher([
      { actor: 'five', text: '5', safeAlone: true },
      { actor: 'g', text: 'G', safeAlone: true },
      { actor: 'resi', text: 'resi', safeAlone: true },
      { actor: 'g7', text: 'G7', safeAlone: true },
      { actor: 'korolev', text: 'Королев', safeAlone: true },
    ]);
    expect(m.find('5,000 troops at the G7 near the resi\u00addence').map((x) => x.actor)).toEqual(['g7']);
    expect(m.find('Королёва видели').map((x) => x.text)).toEqual(['Королёва']);
  });

  it('a Cyrillic name matches in the nominative too, where its stem dropped й or ь', () => {
    const m = new ActorMatcher([
      { actor: 'lavrov', text: 'Сергей Лавров', safeAlone: true },
      { actor: 'kremlin', text: 'Кремль', safeAlone: true },
    ]);
    expect(m.find('Сергей Лавров и Кремль; Сергея Лаврова, Кремля').map((x) => x.text)).toEqual(['Сергей Лавров', 'Кремль', 'Сергея Лаврова', 'Кремля']);
  });

  it('agrees on random text of the characters where the rules differ', () => {
    const alphabet = ['a', 'b', 'G', '7', '5', ',', '.', "'", '’', 'ʼ', 'п', 'я', 'ё', 'і', '\u0301', '\u00ad', '\u200b', '-', ' ', ' ', 's', 'é', '😀', '𝐀', '١'];
    let seed = 7;
    const rand = (n: number) => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) >>> 8) % n;
    for (let k = 0; k < 1000; k++) {
      let text = '';
      for (let i = 0, n = 1 + rand(24); i < n; i++) text += alphabet[rand(alphabet.length)];
      expect(scannedWords(text), JSON.stringify(text)).toEqual(tokenWords(text));
    }
  });

  it('stays linear on long runs of joiners', () => {
    for (const unit of ["a'", '1,', '1.', 'a\u00ad', "a'1"]) {
      const text = unit.repeat(100_000);
      const t = performance.now();
      const n = [...text.matchAll(WORD)].length;
      new ActorMatcher([{ actor: 'x', text: 'a', safeAlone: true }]).find(text);
      expect(n).toBeGreaterThan(0);
      expect(performance.now() - t, unit).toBeLessThan(1500);
    }
  });
});

// ---- stemmers -------------------------------------------------------------------------------
interface Pairs {
  fold: [string, string][];
  apart: [string, string][];
}
const PAIRS = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/stem-pairs.json'), 'utf8')) as Record<'en' | 'ru' | 'uk', Pairs>;

function score(pairs: Pairs, st: (norm: string) => string) {
  const s = (w: string) => st(normWord(w));
  const tp = pairs.fold.filter(([a, b]) => s(a) === s(b)).length;
  const fp = pairs.apart.filter(([a, b]) => s(a) === s(b)).length;
  return { precision: tp / (tp + fp), recall: tp / pairs.fold.length };
}

describe('stemmers, on labelled pairs of the corpus and fixtures', () => {
  it('has at least 60 labelled pairs per language', () => {
    for (const lang of ['en', 'ru', 'uk'] as const) expect(PAIRS[lang].fold.length + PAIRS[lang].apart.length).toBeGreaterThanOrEqual(60);
  });

  it('Russian: Snowball folds more inflections than the old suffix stripper, running no two words together', () => {
    const now = score(PAIRS.ru, stem);
    const old = score(PAIRS.ru, oldCyrillicStem);
    expect(now.precision).toBe(1);
    expect(now.recall).toBeGreaterThanOrEqual(0.9);
    expect(now.recall).toBeGreaterThan(old.recall + 0.15);
  });

  it('Ukrainian: the nlp.js stemmer (and Snowball for words without a Ukrainian letter) beats the old one', () => {
    const now = score(PAIRS.uk, stem);
    const old = score(PAIRS.uk, oldCyrillicStem);
    expect(now.precision).toBe(1);
    expect(now.recall).toBeGreaterThanOrEqual(0.8);
    expect(now.recall).toBeGreaterThan(old.recall + 0.05);
  });

  it('English: the light stemmer stays, precise and folding nearly every inflection', () => {
    const now = score(PAIRS.en, stem);
    expect(now.precision).toBeGreaterThanOrEqual(0.95);
    expect(now.recall).toBeGreaterThanOrEqual(0.95);
  });

  it('folds the outlets’ wordings of one word', () => {
    const same = (a: string, b: string) => stem(normWord(a)) === stem(normWord(b));
    for (const [a, b] of [['погибли', 'погибло'], ['беспилотник', 'беспилотников'], ['загинули', 'загинуло'], ['заявив', 'заявила'], ['drones', 'drone'], ['attacked', 'attacking'], ['Лаврова', 'Лаврову']])
      expect(same(a, b), `${a} ~ ${b}`).toBe(true);
    for (const [a, b] of [['shot', 'shooting'], ['union', 'unit'], ['мир', 'мирный'], ['police', 'policy']]) expect(same(a, b), `${a} ≁ ${b}`).toBe(false);
  });

  it('chooses the stemmer by the letters of the word', () => {
    expect(languageOfWord('україна')).toBe('uk');
    expect(languageOfWord("п'ять")).toBe('uk');
    expect(languageOfWord('россия')).toBe('ru');
    expect(languageOfWord('drone')).toBe('en');
    expect(stemCyrillic('беспилотников')).toBe(stem('беспилотников'));
    expect(stem('5,000')).toBe('5000');
  });
});
