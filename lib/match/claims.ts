// Sentence-to-claim scoring, shared by the pack compiler and the page scanner.
// A claim's profile is the weighted terms of its canonical statement and its cue terms (by
// language), its actors and its slots. Term weights are inverse claim frequencies over the
// installed claims, so words every claim of a story shares ("Russia") count little. A sentence
// states a claim when it covers enough of the claim's weight, names its actors, and carries the
// values the claim requires; merely sharing names is not enough.
import type { Claim } from '../pack/schema';
import { extractValues, type Value } from '../text/values';
import type { ActorMatcher } from './actors';
import { compareSlot, type SlotOutcome } from './compare';
import { termsOf } from './terms';

export interface AnalysedSentence {
  terms: Set<string>;
  actors: Set<string>;
  values: Value[];
}

export function analyseSentence(text: string, actors: ActorMatcher, opts: { year?: number } = {}): AnalysedSentence {
  const mentions = actors.find(text);
  return {
    terms: termsOf(text, actors, mentions),
    actors: new Set(mentions.map((m) => m.actor)),
    values: extractValues(text, opts),
  };
}

interface Profile {
  claim: Claim;
  /** Terms of the canonical statement, and cue terms beyond them. */
  textTerms: string[];
  cueTerms: string[];
  /** At least one of these must be in the sentence, when the claim has anchors for the language. */
  anchorTerms: string[];
  actorIds: string[];
}

export interface ClaimMatch {
  claim: Claim;
  score: number;
  coverage: number;
  slots: { name: string; outcome: SlotOutcome }[];
}

/**
 * Weights and thresholds, documented in docs/matching.md. The score is the share of the claim's
 * term weight that the sentence covers (with its cues and the claim's values it gives), scaled
 * down when the claim's actors are not named: names support a match, they never make one.
 */
export const SCORING = {
  threshold: 0.45,
  /** Share of the score that depends on naming the claim's actors. */
  actorShare: 0.3,
  /** A sentence whose value conflicts with the claim must cover at least this share of its statement's terms. */
  minCoverageToContradict: 0.5,
} as const;

export class ClaimIndex {
  private profiles: Profile[] = [];
  private weights = new Map<string, number>();
  private postings = new Map<string, number[]>();
  /** The weight of a term found in one claim only. */
  private maxWeight = 1;

  constructor(claims: Claim[], actors: ActorMatcher, langs: string[] = ['en']) {
    const df = new Map<string, number>();
    for (const claim of claims) {
      const textTerms = [...termsOf(claim.text, actors)];
      const cueSet = new Set<string>();
      const anchorSet = new Set<string>();
      for (const lang of langs) {
        for (const cue of claim.cues?.[lang] ?? []) for (const t of termsOf(cue, actors)) cueSet.add(t);
        for (const a of claim.anchors?.[lang] ?? []) for (const t of termsOf(a, actors)) anchorSet.add(t);
      }
      const cueTerms = [...cueSet].filter((t) => !textTerms.includes(t));
      this.profiles.push({ claim, textTerms, cueTerms, anchorTerms: [...anchorSet], actorIds: [...new Set(claim.actors.map((a) => a.actor))] });
      for (const t of new Set([...textTerms, ...cueTerms])) df.set(t, (df.get(t) ?? 0) + 1);
    }
    const n = Math.max(claims.length, 1);
    this.maxWeight = Math.log(1 + n);
    for (const [t, d] of df) this.weights.set(t, Math.log(1 + n / d));
    this.profiles.forEach((p, i) => {
      for (const t of new Set([...p.textTerms, ...p.cueTerms])) {
        const list = this.postings.get(t) ?? [];
        list.push(i);
        this.postings.set(t, list);
      }
    });
  }

  weight(term: string): number {
    return this.weights.get(term) ?? 0;
  }

  /** Every claim the sentence states, best first. */
  match(s: AnalysedSentence): ClaimMatch[] {
    const cand = new Set<number>();
    for (const t of s.terms) for (const i of this.postings.get(t) ?? []) cand.add(i);
    const out: ClaimMatch[] = [];
    for (const i of cand) {
      const m = this.score(this.profiles[i], s);
      if (m) out.push(m);
    }
    return out.sort((a, b) => b.score - a.score || a.claim.id.localeCompare(b.claim.id));
  }

  /** The score of one claim for one sentence, or null below the threshold or without a required value. */
  scoreClaim(claimId: string, s: AnalysedSentence): ClaimMatch | null {
    const p = this.profiles.find((x) => x.claim.id === claimId);
    return p ? this.score(p, s) : null;
  }

  private score(p: Profile, s: AnalysedSentence): ClaimMatch | null {
    if (p.anchorTerms.length && !p.anchorTerms.some((t) => s.terms.has(t))) return null;
    // A checkable value the sentence gives counts like a rare term ("91 drones" is as telling as
    // "Novgorod"; the quoted words themselves twice that), whether it agrees or conflicts. A value
    // left out costs nothing: paraphrases often drop the figures.
    const slots = p.claim.slots.map((slot) => ({ name: slot.name, type: slot.type, outcome: compareSlot(slot, s.values) }));
    let total = 0;
    let textMatched = 0;
    for (const t of p.textTerms) {
      total += this.weight(t);
      if (s.terms.has(t)) textMatched += this.weight(t);
    }
    total ||= 1;
    let matched = textMatched;
    for (const t of p.cueTerms) if (s.terms.has(t)) matched += this.weight(t);
    for (const x of slots) {
      // Other words of the speaker's are no evidence of this quote; a conflicting figure is.
      if (x.type === 'quote' ? x.outcome.status === 'agrees' : x.outcome.status !== 'absent') matched += this.maxWeight * (x.type === 'quote' ? 2 : 1);
    }
    const coverage = Math.min(1, matched / total);
    if (coverage < SCORING.threshold) return null;
    for (const name of p.claim.requires ?? []) {
      const o = slots.find((x) => x.name === name);
      if (!o || o.outcome.status === 'absent') return null;
    }
    // A conflicting figure is only a contradiction when the words alone say it is the same claim.
    if (textMatched / total < SCORING.minCoverageToContradict && slots.some((x) => x.outcome.status === 'contradicts')) return null;
    let score = coverage;
    if (p.actorIds.length) {
      const named = p.actorIds.filter((a) => s.actors.has(a)).length / p.actorIds.length;
      score *= 1 - SCORING.actorShare + SCORING.actorShare * named;
    }
    if (score < SCORING.threshold) return null;
    return { claim: p.claim, score: Math.round(score * 1000) / 1000, coverage, slots: slots.map(({ name, outcome }) => ({ name, outcome })) };
  }
}
