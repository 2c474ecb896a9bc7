// How common a word is in ordinary language (0: rare, 1: as common as "said"), by language, from
// assets/lang/background.json (scripts/build-background.ts says how it is made). A claim's terms
// are weighed by it: a common word is never evidence on its own (docs/matching.md).
import data from '../../assets/lang/background.json';
import type { Lexicon } from './lexicon';
import { stem } from './tokens';

type Table = Record<string, number>;
const tables = data as unknown as { en: Table; ru: Table; uk: Table; news: string[] };
const news = new Set(tables.news);
const CYRILLIC = /[\u0400-\u04ff]/;

/** The commonness of a stem: the English table for Latin letters, the larger of Russian and Ukrainian for Cyrillic. */
export function stemCommonness(st: string): number {
  if (CYRILLIC.test(st)) return Math.max(tables.ru[st] ?? 0, tables.uk[st] ?? 0);
  return tables.en[st] ?? 0;
}

/**
 * The commonness of a term: a stem's own, or for a concept the median of its words' (its English
 * words' where it has some; a prefix read as a stem).
 */
export function termCommonness(term: string, lexicon: Lexicon): number {
  if (!term.startsWith('@')) return stemCommonness(term);
  // English words where the group has them: the English table is the one measured on millions of words.
  const members = lexicon.members(term);
  const latin = members.filter((w) => !CYRILLIC.test(w));
  const values = (latin.length ? latin : members).map((w) => stemCommonness(stem(w)));
  if (!values.length) return 0;
  values.sort((a, b) => a - b);
  return values[Math.floor(values.length / 2)];
}

/**
 * Whether the reporting of several stories uses a term (the setting of the news: "Kyiv",
 * "denied"), so that it tells no story apart: a stem of the `news` list, or a concept at least half
 * of whose words (its English ones, where it has some) are.
 */
export function termShared(term: string, lexicon: Lexicon): boolean {
  if (!term.startsWith('@')) return news.has(term);
  const members = lexicon.members(term);
  const latin = members.filter((w) => !CYRILLIC.test(w));
  const words = latin.length ? latin : members;
  return words.filter((w) => news.has(stem(w))).length * 2 >= words.length;
}
