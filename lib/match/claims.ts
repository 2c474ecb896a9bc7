// Sentence-to-claim scoring, shared by the pack compiler and the page scanner.
// A claim's profile is the weighted terms of its canonical statement and its cue terms (by
// language), its actors and its slots. Term weights are inverse claim frequencies over the
// installed claims, so words every claim of a story shares ("Russia") count little. A sentence
// states a claim when it covers enough of the claim's weight, names its actors, and carries the
// values the claim requires; merely sharing names is not enough.
import type { Claim } from '../pack/schema';
import { extractValues, type Value } from '../text/values';
import type { ActorMatcher, Mention } from './actors';
import { compareSlot, type SlotOutcome } from './compare';
import { termsOf } from './terms';

export interface AnalysedSentence {
  terms: Set<string>;
  actors: Set<string>;
  /** Values are extracted on first use: most sentences of a page never get that far. */
  readonly values: Value[];
  /** The sentence's language, for cues and anchors ("en", "ru", "uk"). */
  lang: string;
}

/** "uk" for Ukrainian letters, "ru" for other Cyrillic text, else the page's language. */
export function sentenceLang(text: string, fallback = 'en'): string {
  if (/[іїєґІЇЄҐ]/.test(text)) return 'uk';
  if (/[ыэъёЫЭЪЁ]/.test(text) || /[\u0400-\u04ff]{3}/.test(text)) return 'ru';
  return fallback.slice(0, 2).toLowerCase() || 'en';
}

export function analyseSentence(
  text: string,
  actors: ActorMatcher,
  opts: { year?: number; lang?: string; mentions?: Mention[] } = {},
): AnalysedSentence {
  const mentions = opts.mentions ?? actors.find(text);
  let values: Value[] | null = null;
  return {
    terms: termsOf(text, actors, mentions),
    actors: new Set(mentions.map((m) => m.actor)),
    get values() {
      values ??= extractValues(text, opts);
      return values;
    },
    lang: sentenceLang(text, opts.lang),
  };
}

interface Profile {
  claim: Claim;
  /** Terms of the canonical statement, and cue terms beyond them. */
  textTerms: string[];
  cueTerms: string[];
  /** By language: at least one must be in a sentence of that language, when given for it. */
  anchorTerms: Map<string, string[]>;
  actorIds: string[];
  /** Who says it: for an attribution (how someone said something) one must be named in the sentence. */
  speakers: string[];
  needsSpeaker: boolean;
  /** Weight of the statement's terms; the most the values can add. */
  total: number;
  /**
   * In another language than the statement's, only its concepts can be found; with half the
   * weight of that language's cues, they are the claim's words there.
   */
  totalByLang: Map<string, number>;
  slotMax: number;
}

export interface ClaimMatch {
  claim: Claim;
  score: number;
  coverage: number;
  slots: { name: string; outcome: SlotOutcome }[];
}

/**
 * Weights and thresholds, documented in docs/matching.md. The score is the share of the claim's
 * weight (its statement's terms and its actors) that the sentence covers, with its cues and the
 * claim's values it gives; names support a match, they never make one.
 */
export const SCORING = {
  threshold: 0.45,
  /** The statement's terms, cues and values a sentence gives must weigh at least this share of the statement's terms. */
  minTermCoverage: 0.4,
  /** A sentence whose value conflicts with the claim must cover at least this share of its statement's terms. */
  minCoverageToContradict: 0.5,
} as const;

export class ClaimIndex {
  private profiles: Profile[] = [];
  private weights = new Map<string, number>();
  /** Term -> claims that have it, and its weight in each (statement and cue terms alike). */
  private postings = new Map<string, number[]>();
  /** The weight of a term found in one claim only. */
  private maxWeight = 1;
  private acc: Float64Array;
  private seen: Int32Array;

  constructor(claims: Claim[], actors: ActorMatcher, langs: string[] = ['en', 'ru', 'uk']) {
    const df = new Map<string, number>();
    const raw: (Omit<Profile, 'total' | 'slotMax' | 'totalByLang'> & { cuesByLang: Map<string, string[]> })[] = [];
    for (const claim of claims) {
      const textTerms = [...termsOf(claim.text, actors)];
      const cueSet = new Set<string>();
      const anchorTerms = new Map<string, string[]>();
      const cuesByLang = new Map<string, string[]>();
      for (const lang of langs) {
        const own = new Set<string>();
        for (const cue of claim.cues?.[lang] ?? []) for (const t of termsOf(cue, actors)) own.add(t);
        for (const t of own) cueSet.add(t);
        cuesByLang.set(lang, [...own]);
        const anchors = (claim.anchors?.[lang] ?? []).flatMap((a) => [...termsOf(a, actors)]);
        if (anchors.length) anchorTerms.set(lang, anchors);
      }
      const cueTerms = [...cueSet].filter((t) => !textTerms.includes(t));
      const speakers = claim.actors.filter((a) => a.role === 'speaker' || a.role === 'claimant').map((a) => a.actor);
      raw.push({
        cuesByLang,
        claim,
        textTerms,
        cueTerms,
        anchorTerms,
        actorIds: [...new Set(claim.actors.map((a) => a.actor))],
        speakers,
        needsSpeaker: claim.kind === 'attribution' && speakers.length > 0,
      });
      for (const t of new Set([...textTerms, ...cueTerms])) df.set(t, (df.get(t) ?? 0) + 1);
    }
    const n = Math.max(claims.length, 1);
    this.maxWeight = Math.log(1 + n);
    for (const [t, d] of df) this.weights.set(t, Math.log(1 + n / d));
    raw.forEach(({ cuesByLang, ...p }, i) => {
      const total = p.textTerms.reduce((sum, t) => sum + this.weight(t), 0) || 1;
      const slotMax = p.claim.slots.reduce((sum, x) => sum + this.slotWeight(x.type), 0);
      const concepts = p.textTerms.filter((t) => t.startsWith('@')).reduce((sum, t) => sum + this.weight(t), 0);
      const totalByLang = new Map<string, number>();
      for (const [lang, cues] of cuesByLang) {
        if (lang === 'en') continue;
        const cueWeight = cues.filter((t) => !p.textTerms.includes(t)).reduce((sum, t) => sum + this.weight(t), 0);
        if (concepts + cueWeight > 0) totalByLang.set(lang, concepts + cueWeight / 2);
      }
      this.profiles.push({ ...p, total, slotMax, totalByLang });
      for (const t of new Set([...p.textTerms, ...p.cueTerms])) {
        const list = this.postings.get(t) ?? [];
        list.push(i);
        this.postings.set(t, list);
      }
    });
    this.acc = new Float64Array(this.profiles.length);
    this.seen = new Int32Array(this.profiles.length).fill(-1);
  }

  weight(term: string): number {
    return this.weights.get(term) ?? 0;
  }

  get size(): number {
    return this.profiles.length;
  }

  private slotWeight(type: string): number {
    return type === 'speaker' ? 0 : this.maxWeight * (type === 'quote' ? 2 : 1);
  }

  private round = 0;

  /** Every claim the sentence states, best first. */
  match(s: AnalysedSentence): ClaimMatch[] {
    // Accumulate each candidate's term weight from the postings, then score fully only the
    // claims that could still reach the threshold with all their values.
    const round = ++this.round;
    const cand: number[] = [];
    for (const t of s.terms) {
      const list = this.postings.get(t);
      if (!list) continue;
      const w = this.weight(t);
      for (const i of list) {
        if (this.seen[i] !== round) {
          this.seen[i] = round;
          this.acc[i] = 0;
          cand.push(i);
        }
        this.acc[i] += w;
      }
    }
    const out: ClaimMatch[] = [];
    for (const i of cand) {
      const p = this.profiles[i];
      const total = p.totalByLang.get(s.lang) ?? p.total;
      if (this.acc[i] + p.slotMax < SCORING.minTermCoverage * total) continue;
      // The most the sentence could score, with every value and actor of the claim: values are
      // extracted only for the claims that pass this.
      const named = p.actorIds.reduce((n, a) => n + (s.actors.has(a) ? 1 : 0), 0);
      if ((this.acc[i] + p.slotMax + named * this.maxWeight) / (total + p.actorIds.length * this.maxWeight) < SCORING.threshold) continue;
      const m = this.score(p, s);
      if (m) out.push(m);
    }
    return out.sort((a, b) => b.score - a.score || a.claim.id.localeCompare(b.claim.id));
  }

  private score(p: Profile, s: AnalysedSentence): ClaimMatch | null {
    const anchors = p.anchorTerms.get(s.lang);
    if (anchors && !anchors.some((t) => s.terms.has(t))) return null;
    // A checkable value the sentence gives counts like a rare term ("91 drones" is as telling as
    // "Novgorod"; the quoted words themselves twice that), whether it agrees or conflicts. A value
    // left out costs nothing: paraphrases often drop the figures.
    const slots = p.claim.slots.map((slot) => ({ name: slot.name, type: slot.type, outcome: compareSlot(slot, s.values) }));
    let textMatched = 0;
    for (const t of p.textTerms) if (s.terms.has(t)) textMatched += this.weight(t);
    let matched = textMatched;
    for (const t of p.cueTerms) if (s.terms.has(t)) matched += this.weight(t);
    for (const x of slots) {
      // Other words of the speaker's are no evidence of this quote; a conflicting figure is.
      if (x.type === 'quote' ? x.outcome.status === 'agrees' : x.outcome.status !== 'absent') matched += this.slotWeight(x.type);
    }
    // The claim's actors are part of what it says: each counts like a rare term of the statement.
    // Names alone never make a match: the words must cover a share of the statement too.
    const total = p.totalByLang.get(s.lang) ?? p.total;
    if (matched < SCORING.minTermCoverage * total) return null;
    const named = p.actorIds.filter((a) => s.actors.has(a)).length;
    // An attribution is about who said something and how: the speaker must be named, unless the
    // sentence gives the quote itself.
    if (p.needsSpeaker && !p.speakers.some((a) => s.actors.has(a)) && !slots.some((x) => x.type === 'quote' && x.outcome.status === 'agrees')) return null;
    const coverage = Math.min(1, (matched + named * this.maxWeight) / (total + p.actorIds.length * this.maxWeight));
    if (coverage < SCORING.threshold) return null;
    for (const name of p.claim.requires ?? []) {
      const o = slots.find((x) => x.name === name);
      if (!o || o.outcome.status === 'absent') return null;
    }
    // A conflicting figure is only a contradiction when the words alone say it is the same claim.
    if (textMatched / total < SCORING.minCoverageToContradict && slots.some((x) => x.outcome.status === 'contradicts')) return null;
    const score = coverage;
    if (score < SCORING.threshold) return null;
    return { claim: p.claim, score: Math.round(score * 1000) / 1000, coverage, slots: slots.map(({ name, outcome }) => ({ name, outcome })) };
  }
}
