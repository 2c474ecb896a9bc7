// A sentence as the claim index reads it: its terms, actors, values, years, months and language.
import type { Lexicon } from '../text/lexicon';
import { extractValues, type Value } from '../text/values';
import type { ActorMatcher, Mention } from './actors';
import { type MonthTold, monthsOf, yearsOf } from './evidence';
import { termsOf } from './terms';

export interface AnalysedSentence {
  terms: Set<string>;
  actors: Set<string>;
  /** Values are extracted on first use: most sentences of a page never get that far. */
  readonly values: Value[];
  /** The sentence's language, for cues and anchors ("en", "ru", "uk"). */
  lang: string;
  /** Whether it has a digit: a figure a claim may share with it in any language. */
  figures: boolean;
  /** The years the sentence names ("in 2024", "2024-03-22"). */
  readonly years: number[];
  /** The months it names as its time ("in August", "on 23 August"). */
  readonly months: MonthTold[];
}


/** "uk" for Ukrainian letters, "ru" for other Cyrillic text, else the page's language. */
export function sentenceLang(text: string, fallback = 'en'): string {
  if (/[іїєґІЇЄҐ]/.test(text)) return 'uk';
  if (/[ыэъёЫЭЪЁ]/.test(text) || /[\u0400-\u04ff]{3}/.test(text)) return 'ru';
  return fallback.slice(0, 2).toLowerCase() || 'en';
}

/** The language a claim's statement is written in: English unless most of its letters are Cyrillic. */
export function textLang(text: string): string {
  const cyrillic = text.match(/[\u0400-\u04ff]/g)?.length ?? 0;
  const latin = text.match(/[a-z]/gi)?.length ?? 0;
  return cyrillic > latin ? sentenceLang(text) : 'en';
}

/** The months of the dates a sentence gives ("23 августа", "December 28-29, 2025"), with their year where written. */
function datesTold(values: readonly Value[]): MonthTold[] {
  return values.flatMap((v) => {
    if (v.type !== 'date' || !v.from || !v.to) return [];
    const year = v.from.startsWith('0000') ? null : Number(v.from.slice(0, 4));
    return [...new Set([v.from, v.to].map((d) => Number(d.slice(5, 7))))].map((month) => ({ month, year }));
  });
}

export function analyseSentence(
  text: string,
  actors: ActorMatcher,
  opts: { year?: number; lang?: string; mentions?: Mention[]; lexicon?: Lexicon } = {},
): AnalysedSentence {
  const mentions = opts.mentions ?? actors.find(text);
  let values: Value[] | null = null;
  let years: number[] | null = null;
  let months: MonthTold[] | null = null;
  return {
    get years() {
      years ??= yearsOf(text);
      return years;
    },
    get months() {
      months ??= [...monthsOf(text), ...datesTold(this.values)];
      return months;
    },
    terms: termsOf(text, actors, mentions, opts.lexicon),
    actors: new Set(mentions.map((m) => m.actor)),
    get values() {
      values ??= extractValues(text, opts);
      return values;
    },
    lang: sentenceLang(text, opts.lang),
    figures: /\p{Nd}/u.test(text),
  };
}
