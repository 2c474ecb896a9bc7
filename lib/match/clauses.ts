// A claim's profile (what ./claims.ts scores a sentence against), and the profiles of its clauses.
// A lead sentence tells several facts ("Lavrov said Ukraine had tried to attack Putin's residence
// in the Novgorod region with 91 long-range drones, which were all destroyed by Russian air
// defences"); another outlet's sentence often tells one of them ("Every one of the drones was
// brought down by Russian air defence systems"), and covers too little of the whole to match it.
// Each clause of a statement (cut at punctuation outside quotes) that is a fact of its own is a
// profile too: matched in the statement's language, by its own words, actors and values. A
// clause's match is weak (EVIDENCE.strongUnits): shown only on a page of the story, since the rest
// of the lead is what tells the story apart ("which were all destroyed" could be any attack's).
import type { Claim } from '../pack/schema';
import type { Lexicon } from '../text/lexicon';
import { INTRODUCTORY, REPORTING } from '../text/phrases';
import type { ActorMatcher } from './actors';
import type { SlotOutcome } from './compare';
import type { ClaimMonths } from './evidence';
import { textLang } from './sentence';
import { type Setting, termsOf } from './terms';

export interface Profile {
  claim: Claim;
  /** Terms of the canonical statement, and cue terms beyond them. */
  textTerms: string[];
  /** Of those, the ones specific enough to be evidence (EVIDENCE), with the unit each is worth. */
  specific: [string, number][];
  cueTerms: string[];
  /** By language: at least one must be in a sentence of that language, when given for it. */
  anchorTerms: Map<string, string[]>;
  actorIds: string[];
  /** The years and months the claim's story is of, and those its words name: a sentence naming only others is of another event. */
  years: Set<number> | null;
  months: ClaimMonths | null;
  /** Who says it: for an attribution (how someone said something) one must be named in the sentence. */
  speakers: string[];
  needsSpeaker: boolean;
  /** What of its words are names, cues of several words and its places' words (./terms.ts settingOf). */
  setting: Setting;
  /** Weight of the statement's terms; the most the values can add. */
  total: number;
  /** In another language than the statement's (./sentence.ts textLang), its concepts and a third of the weight of that language's cues (EVIDENCE.cuesAcross). */
  totalByLang: Map<string, number>;
  /** The same with half the cues' weight, not a third: what a sentence whose figure conflicts must cover. */
  strictByLang: Map<string, number>;
  slotMax: number;
  /** The slots the profile's text gives: the claim's, or those written in its clause. */
  slots: Claim['slots'];
  /** The clause, for a clause's profile. */
  clauseOf?: string;
  /** The claim's position in the claims given. */
  index: number;
}

export interface ClaimMatch {
  claim: Claim;
  score: number;
  coverage: number;
  slots: { name: string; outcome: SlotOutcome }[];
  /** Whether the sentence carries EVIDENCE.strongUnits of the claim's own evidence. */
  strong: boolean;
}

/** What a clause must have to be a fact of its own (docs/matching.md "Clauses"). */
export const CLAUSES = {
  /** Content terms of the clause (not in its actors' names). */
  minTerms: 3,
  /** Of those, the terms of words not capitalised: "the Donetsk and Luhansk regions" is a list of names. */
  minPlainTerms: 2,
  /** After a reporting verb, the content terms of what was said: "Lavrov said in a statement" is who said it. */
  minTermsSaid: 3,
  /** Of the clause's terms and values, how many a sentence must have: its name and one word ("Trump ... European") are not the clause. */
  minMet: 2,
  /** A clause's match scores this share of its coverage: a sentence that states the whole claim outranks one that states a clause. */
  scoreShare: 0.9,
} as const;

/** Whether a sentence has enough of a clause's own terms and values (CLAUSES.minMet). */
export function clauseMet(p: Profile, terms: Set<string>, slots: readonly { outcome: { status: string } }[]): boolean {
  let met = slots.filter((x) => x.outcome.status === 'agrees').length;
  for (const t of p.textTerms) if (terms.has(t) && ++met >= CLAUSES.minMet) return true;
  return met >= CLAUSES.minMet;
}

/** Of a profile's terms, the specific ones (EVIDENCE), with the unit each is worth. */
export function specificOf(terms: readonly string[], specificTerms: Map<string, number>): [string, number][] {
  return terms.flatMap((t): [string, number][] => (specificTerms.has(t) ? [[t, specificTerms.get(t)!]] : []));
}

// Where a statement is cut: as ../draft/trim.ts cuts a report into pieces.
const CUT = /,\s+|;\s+|:\s+|\s+[—–-]{1,2}\s+|\s*\(|\)/g;
const CAPITALISED = /(?<![\p{L}\p{N}])\p{Lu}[\p{L}'’-]*/gu;

/** The clauses of a statement: cut at commas, semicolons, colons, dashes and parentheses outside quotes. */
export function clausesOf(text: string): string[] {
  const out: string[] = [];
  let from = 0;
  let straight = 0;
  let open = 0;
  let last = 0;
  for (const m of text.matchAll(CUT)) {
    // Quote marks before the cut: an odd number of straight ones, or more opening than closing, is inside a quote.
    for (const ch of text.slice(last, m.index)) {
      if (ch === '"') straight++;
      else if (ch === '“' || ch === '«') open++;
      else if (ch === '”' || ch === '»') open--;
    }
    last = m.index;
    if (straight % 2 === 1 || open > 0) continue;
    out.push(text.slice(from, m.index));
    from = m.index + m[0].length;
  }
  out.push(text.slice(from));
  return out.map((x) => x.trim()).filter(Boolean);
}

/**
 * The profiles of a claim's clauses that are facts of their own (CLAUSES): none for a statement of
 * one clause. Each has the clause's terms, the claim's actors it names and the slots written in it;
 * no cues (they are the other reports' words for the whole), and no weight in other languages.
 */
export function clauseProfiles(
  p: Profile,
  ctx: { actors: ActorMatcher; lexicon: Lexicon; langs: readonly string[]; specificTerms: Map<string, number>; weight: (term: string) => number; slotWeight: (type: string) => number },
): Profile[] {
  const clauses = clausesOf(p.claim.text);
  if (clauses.length < 2) return [];
  const own = textLang(p.claim.text);
  const terms = (text: string) => termsOf(text, ctx.actors, undefined, ctx.lexicon);
  const out: Profile[] = [];
  for (const clause of clauses) {
    const textTerms = [...terms(clause)].filter((t) => ctx.weight(t) > 0);
    if (textTerms.length < CLAUSES.minTerms) continue;
    if (terms(clause.replace(CAPITALISED, ' ')).size < CLAUSES.minPlainTerms) continue;
    if (INTRODUCTORY.test(clause)) continue;
    const verb = REPORTING[own]?.exec(clause);
    if (verb && terms(clause.slice(verb.index + verb[0].length)).size < CLAUSES.minTermsSaid) continue;
    const named = new Set(ctx.actors.find(clause).map((m) => m.actor));
    const lower = clause.toLowerCase();
    const slots = p.slots.filter((x) => lower.includes(x.text.toLowerCase()));
    let total = 0;
    for (const t of textTerms) total += ctx.weight(t);
    out.push({
      ...p,
      textTerms,
      cueTerms: [],
      specific: specificOf(textTerms, ctx.specificTerms),
      // Who says the whole says each clause: its claimants, speakers and sources stay.
      actorIds: p.actorIds.filter((a) => named.has(a) || p.claim.actors.some((x) => x.actor === a && x.role !== 'subject')),
      total,
      // Never reached in another language: a sentence there meets the claim by its concepts and cues.
      totalByLang: new Map(ctx.langs.filter((l) => l !== own).map((l) => [l, Infinity])),
      slotMax: slots.reduce((t, x) => t + ctx.slotWeight(x.type), 0),
      slots,
      clauseOf: clause,
    });
  }
  return out;
}

