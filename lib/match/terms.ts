// The content terms of a text for matching: concepts and stems, names and numbers left out.
import { type Lexicon, PLAIN } from '../text/lexicon';
import { normWord, stem, WORD } from '../text/tokens';
import type { ActorMatcher } from './actors';

/**
 * Content terms of a text, through a lexicon (the installed packs' concept groups). Words inside
 * actor mentions are left out: actors are scored on their own, so a sentence that merely shares
 * names gains nothing here.
 */
export function termsOf(text: string, actors?: ActorMatcher, mentions = actors?.find(text) ?? [], lexicon: Lexicon = PLAIN): Set<string> {
  const out = new Set<string>();
  const memo = memoOf(lexicon);
  let m = 0;
  WORD.lastIndex = 0;
  for (let t = WORD.exec(text); t; t = WORD.exec(text)) {
    const start = t.index;
    const end = start + t[0].length;
    while (m < mentions.length && mentions[m].end <= start) m++;
    if (m < mentions.length && mentions[m].start <= start && end <= mentions[m].end) continue;
    for (const term of wordTerms(t[0], lexicon, memo)) out.add(term);
  }
  return out;
}

// Words recur on a page and across pages: their terms are remembered, per lexicon.
const memos = new WeakMap<Lexicon, Map<string, string[]>>();
const NONE: string[] = [];

function memoOf(lexicon: Lexicon): Map<string, string[]> {
  let memo = memos.get(lexicon);
  if (!memo) memos.set(lexicon, (memo = new Map()));
  return memo;
}

/** The terms one word contributes: none for function words and numbers, two for "northwest". */
function wordTerms(raw: string, lexicon: Lexicon, memo: Map<string, string[]>): string[] {
  let terms = memo.get(raw);
  if (terms) return terms;
  const norm = normWord(raw);
  if (!norm || /^\p{N}/u.test(norm)) terms = NONE;
  else {
    // "northwest" is north and west, as "north-west" is.
    const compass = /^(north|south)(east|west)(ern)?$/.exec(norm);
    if (compass) terms = [compass[1], compass[2]];
    else {
      const term = lexicon.termOf(norm, stem(norm));
      terms = term ? [term] : NONE;
    }
  }
  if (memo.size > 200_000) memo.clear();
  memo.set(raw, terms);
  return terms;
}

/**
 * What of a claim's words tell where or who rather than what (./evidence.ts twoPieces): the
 * concepts its statement writes as names, capitalised past its first word and not a title before
 * another ("through the Voronezh region", "the rock band Picnic"; not "President Vladimir Putin"),
 * and the terms of each cue of several words ("міністр закордонних справ"), which is one piece.
 */
export interface Setting {
  names: ReadonlySet<string>;
  phrases: readonly (readonly string[])[];
  /** The terms of its place slots' texts ("Novgorod region, west of Moscow"): where the sentence's place differs, they tell the place, not the claim (./evidence.ts evidenceUnits). */
  places: ReadonlySet<string>;
}

/** `cues`: the terms of each of the claim's cues (termsOf), in every language. */
export function settingOf(text: string, cues: readonly ReadonlySet<string>[], lexicon: Lexicon = PLAIN, places: readonly string[] = []): Setting {
  const names = new Set<string>();
  const memo = memoOf(lexicon);
  const words = [...text.matchAll(WORD)];
  words.forEach((t, i) => {
    const title = /^\p{Lu}/u.test(words[i + 1]?.[0] ?? '') && /^\s+$/.test(text.slice(t.index + t[0].length, words[i + 1]?.index));
    if (!i || title || !/^\p{Lu}/u.test(t[0]) || /[.!?:]\s*["“'‘«]?$/.test(text.slice(0, t.index))) return;
    for (const term of wordTerms(t[0], lexicon, memo)) if (term.startsWith('@')) names.add(term);
  });
  const phrases = new Map<string, string[]>();
  for (const cue of cues) if (cue.size > 1) phrases.set([...cue].sort().join(' '), [...cue]);
  return { names, phrases: [...phrases.values()], places: new Set(places.flatMap((x) => [...x.matchAll(WORD)].flatMap((t) => wordTerms(t[0], lexicon, memo)))) };
}
