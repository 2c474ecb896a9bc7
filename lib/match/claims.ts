// Sentence-to-claim scoring, shared by the pack compiler and the page scanner.
// A claim's profile is the weighted terms of its canonical statement and its cue terms (by
// language), its actors and its slots. Term weights are inverse claim frequencies over the
// installed claims, less for words common in ordinary language (../text/background.ts). A sentence
// states a claim when it covers enough of the claim's weight, carries enough of its own evidence
// (./evidence.ts) and the values it requires; merely sharing names or common words is not enough.
// A long statement's clauses are scored too, weakly (./clauses.ts): a sentence may tell one fact of a lead.
import type { Claim } from '../pack/schema';
import { termCommonness, termShared } from '../text/background';
import { type Lexicon, PLAIN } from '../text/lexicon';
import type { ValueType } from '../text/values';
import type { ActorMatcher } from './actors';
import { compareSlot } from './compare';
import { EVIDENCE, evidenceUnits, minTermShare, otherMonths, SCORING, statesNearlyAll, storyMonthsOf, storyYearsOf, twoPieces } from './evidence';
import { figureKey, heapPush, heapReplaceTop, highest, MATCH_LIMITS, pushTo, VALUE_TYPES } from './select';
import { textLang, type AnalysedSentence } from './sentence';
import { settingOf, termsOf } from './terms';
import { type ClaimMatch, CLAUSES, clauseMet, clauseProfiles, type Profile, specificOf } from './clauses';

export { MATCH_LIMITS } from './select';
export type { ClaimMatch } from './clauses';
export { EVIDENCE, SCORING, yearsOf } from './evidence';
export { analyseSentence, sentenceLang, type AnalysedSentence } from './sentence';

export class ClaimIndex {
  private profiles: Profile[] = [];
  private weights = new Map<string, number>();
  /** Term -> claims that have it, and its weight in each (statement and cue terms alike). */
  private postings = new Map<string, number[]>();
  /** Actor -> claims that name it. */
  private actorPostings = new Map<string, number[]>();
  /** A figure ("count:11") -> claims whose slots give it: a candidate for a sentence that shares no word but its figures ("затримання 11 осіб"). */
  private figurePostings = new Map<string, number[]>();
  /** The weight of a term found in one claim only. */
  private maxWeight = 1;
  // What the first, cheap test of every candidate reads, by claim, in flat arrays (tens of thousands
  // a sentence): the statement's weight (by language), the most its values add, its actors but sources.
  private totals: Float64Array;
  private totalsByLang = new Map<string, Float64Array>();
  private slotMaxes: Float64Array;
  private actorCounts: Int32Array;
  // Per sentence, by claim: its term weight, the most it could score, the round it was last seen
  // in, how many of its actors the sentence names; and the candidates.
  private acc: Float64Array;
  private bounds: Float64Array;
  private cand: Int32Array;
  private seen: Int32Array;
  private named: Int32Array;

  /** By claim: its group (the pack it is of); the limits of a sentence hold per group. */
  private groups: Int32Array | null;
  /** By claim and value type (VALUE_TYPES): the weight its slots of that type can add. */
  private slotTypeWeights: Float64Array;

  private readonly lexicon: Lexicon;

  /** `groups` gives each claim's group (the engine: its pack): one pack's claims cannot crowd another's out of a sentence's limits. */
  constructor(
    claims: Claim[],
    actors: ActorMatcher,
    langs: string[] = ['en', 'ru', 'uk'],
    groups?: ArrayLike<number>,
    opts: {
      lexicon?: Lexicon;
      storyYears?: (claim: Claim) => readonly number[];
      /** The dates of the claim's story (YYYY-MM-DD), for its months. */
      storyDates?: (claim: Claim) => readonly string[];
      /** The text is of the claims' own story (the compiler reads its corpus): the news's setting words count in full. */
      ownStory?: boolean;
    } = {},
  ) {
    const lexicon = (this.lexicon = opts.lexicon ?? PLAIN);
    // One pass over the claims for their terms (and the postings), one for the weights: linear in the claims' terms.
    const raw: (Omit<Profile, 'total' | 'slotMax' | 'totalByLang' | 'strictByLang' | 'specific' | 'years' | 'months' | 'slots' | 'index'> & { cuesByLang: Map<string, string[]>; textSet: Set<string> })[] = [];
    for (const claim of claims) {
      const i = raw.length;
      const textSet = termsOf(claim.text, actors, undefined, lexicon);
      const textTerms = [...textSet];
      const cueSet = new Set<string>();
      const anchorTerms = new Map<string, string[]>();
      const cuesByLang = new Map<string, string[]>();
      const perCue: Set<string>[] = [];
      for (const lang of langs) {
        const cues = claim.cues?.[lang];
        const anchors = claim.anchors?.[lang];
        if (!cues?.length) cuesByLang.set(lang, []);
        else {
          const terms = cues.map((cue) => termsOf(cue, actors, undefined, lexicon));
          perCue.push(...terms);
          const own = new Set(terms.flatMap((x) => [...x]));
          for (const t of own) cueSet.add(t);
          cuesByLang.set(lang, [...own]);
        }
        if (anchors?.length) {
          const terms = anchors.flatMap((x) => [...termsOf(x, actors, undefined, lexicon)]);
          if (terms.length) anchorTerms.set(lang, terms);
        }
      }
      const cueTerms = cueSet.size ? [...cueSet].filter((t) => !textSet.has(t)) : [];
      const speakers = claim.actors.filter((x) => x.role === 'speaker' || x.role === 'claimant').map((x) => x.actor);
      raw.push({
        cuesByLang,
        textSet,
        claim,
        textTerms,
        cueTerms,
        anchorTerms,
        actorIds: [...new Set(claim.actors.map((x) => x.actor))],
        speakers,
        needsSpeaker: claim.kind === 'attribution' && speakers.length > 0,
        setting: settingOf(claim.text, perCue, lexicon, claim.slots.flatMap((x) => (x.type === 'place' ? [x.text] : []))),
      });
      // textTerms are distinct, and cueTerms are none of them: a term's postings hold a claim once.
      for (const t of [...textTerms, ...cueTerms]) pushTo(this.postings, t, i);
    }
    const n = Math.max(claims.length, 1);
    this.maxWeight = Math.log(1 + n);
    // A term's weight: how rare it is among the installed claims, less for a word common in
    // ordinary language ("clear", "information"), which is never specific evidence.
    const specificTerms = new Map<string, number>();
    // A term the claims of several packs share, or the reporting of several stories ("Moscow",
    // "denied"), tells the stories apart less.
    const oneGroup = (list: number[]) => !groups || list.every((i) => groups[i] === groups[list[0]]);
    for (const [t, list] of this.postings) {
      const common = termCommonness(t, lexicon);
      this.weights.set(t, Math.log(1 + n / list.length) * (1 - (1 - EVIDENCE.commonWeight) * common));
      if (common <= EVIDENCE.maxCommonness) specificTerms.set(t, oneGroup(list) && (opts.ownStory || !termShared(t, lexicon)) ? 1 : EVIDENCE.sharedUnit);
    }
    for (const { cuesByLang, textSet, ...r } of raw) {
      let total = 0;
      let concepts = 0;
      for (const t of r.textTerms) {
        const w = this.weight(t);
        total += w;
        if (t.startsWith('@')) concepts += w;
      }
      let slotMax = 0;
      for (const x of r.claim.slots) slotMax += this.slotWeight(x.type);
      const slots = r.claim.slots;
      const [totalByLang, strictByLang] = [new Map<string, number>(), new Map<string, number>()];
      // The statement is weighed in its own language; in the others by its concepts and cues there.
      const own = textLang(r.claim.text);
      for (const [lang, cues] of cuesByLang) {
        if (lang === own) continue;
        let cueWeight = 0;
        for (const t of cues) if (!textSet.has(t)) cueWeight += this.weight(t);
        if (concepts + cueWeight <= 0) continue;
        totalByLang.set(lang, concepts + cueWeight * EVIDENCE.cuesAcross);
        strictByLang.set(lang, concepts + cueWeight / 2);
      }
      this.profiles.push({
        ...r,
        years: storyYearsOf(r.claim, opts.storyYears),
        months: storyMonthsOf(r.claim, opts.storyDates),
        specific: specificOf([...r.textTerms, ...r.cueTerms], specificTerms),
        total: total || 1,
        totalByLang,
        strictByLang,
        slotMax,
        slots,
        index: this.profiles.length,
      });
    }
    // A long statement's clauses are profiles of their own (./clauses.ts), after the weights: a claim's terms are counted once.
    for (let i = 0; i < claims.length; i++) {
      for (const c of clauseProfiles(this.profiles[i], { actors, lexicon, langs, specificTerms, weight: (t) => this.weight(t), slotWeight: (t) => this.slotWeight(t) })) {
        const j = this.profiles.push(c) - 1;
        for (const t of c.textTerms) pushTo(this.postings, t, j);
      }
    }
    const count = this.profiles.length;
    this.groups = groups && count ? Int32Array.from(this.profiles, (p) => groups[p.index] ?? 0) : null;
    this.slotTypeWeights = new Float64Array(count * VALUE_TYPES.length);
    this.profiles.forEach((p, i) => {
      for (const x of p.slots) {
        const t = VALUE_TYPES.indexOf(x.type as ValueType);
        if (t >= 0) this.slotTypeWeights[i * VALUE_TYPES.length + t] += this.slotWeight(x.type);
      }
    });
    this.totals = Float64Array.from(this.profiles, (p) => p.total);
    this.slotMaxes = Float64Array.from(this.profiles, (p) => p.slotMax);
    this.actorCounts = Int32Array.from(this.profiles, (p) => p.actorIds.length - p.claim.actors.filter((x) => x.role === 'source').length);
    for (const lang of langs) {
      if (this.totalsByLang.has(lang) || !this.profiles.some((p) => p.totalByLang.has(lang))) continue;
      this.totalsByLang.set(lang, Float64Array.from(this.profiles, (p) => p.totalByLang.get(lang) ?? p.total));
    }
    this.profiles.forEach((p, i) => {
      for (const a of p.actorIds) pushTo(this.actorPostings, a, i);
      for (const k of p.clauseOf ? [] : p.slots.map(figureKey)) if (k) pushTo(this.figurePostings, k, i);
    });
    this.acc = new Float64Array(count);
    this.bounds = new Float64Array(count);
    this.cand = new Int32Array(count);
    this.seen = new Int32Array(count).fill(-1);
    this.named = new Int32Array(count);
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

  /**
   * The claims the sentence states, best first: at most `MATCH_LIMITS.claimsPerSentence`, the
   * best-scoring. `info.truncated` is set when the limits left a candidate out.
   */
  match(s: AnalysedSentence, info?: { truncated: boolean }): ClaimMatch[] {
    // Accumulate each candidate's term weight from the postings, then score fully only the
    // claims that could still reach the threshold with all their values, most promising first.
    // A sentence of a pack of many alike claims has tens of thousands of candidates: they are
    // kept in a scratch buffer, filtered in place.
    const round = ++this.round;
    const { acc, seen, named, bounds, cand } = this;
    let n = 0;
    for (const t of s.terms) {
      const list = this.postings.get(t);
      if (!list) continue;
      const w = this.weight(t);
      for (const i of list) {
        if (seen[i] !== round) {
          seen[i] = round;
          acc[i] = 0;
          named[i] = 0;
          cand[n++] = i;
        }
        acc[i] += w;
      }
    }
    if (this.figurePostings.size && s.figures) {
      for (const v of s.values) {
        for (const i of this.figurePostings.get(figureKey(v) ?? '') ?? []) {
          if (seen[i] === round) continue;
          seen[i] = round;
          acc[i] = 0;
          named[i] = 0;
          cand[n++] = i;
        }
      }
    }
    for (const a of s.actors) {
      const list = this.actorPostings.get(a);
      if (list) for (const i of list) if (seen[i] === round) named[i]++;
    }
    // The most each candidate could score, with every value and actor of the claim: values are
    // extracted only for the claims that pass this.
    const totals = this.totalsByLang.get(s.lang) ?? this.totals;
    const { slotMaxes, actorCounts, maxWeight } = this;
    let open = 0;
    for (let j = 0; j < n; j++) {
      const i = cand[j];
      const total = totals[i];
      if (acc[i] + slotMaxes[i] < minTermShare(named[i], this.profiles[i].actorIds.length) * total) continue;
      const bound = (acc[i] + slotMaxes[i] + named[i] * maxWeight) / (total + actorCounts[i] * maxWeight);
      if (bound < SCORING.threshold) continue;
      bounds[i] = bound;
      cand[open++] = i;
    }
    if (open <= MATCH_LIMITS.claimsPerSentence) return this.best(highest(cand, open, bounds, open), s, info);
    // Many candidates: bound their values by the kinds of value the sentence has (a count slot
    // adds nothing to a sentence without a count), so that the scored are the likeliest best.
    const present = new Uint8Array(VALUE_TYPES.length);
    for (const v of s.values) present[VALUE_TYPES.indexOf(v.type)] = 1;
    const T = VALUE_TYPES.length;
    const weights = this.slotTypeWeights;
    let likely = 0;
    for (let j = 0; j < open; j++) {
      const i = cand[j];
      let slots = 0;
      for (let t = 0; t < T; t++) if (present[t]) slots += weights[i * T + t];
      // The same tests as above, with what the values can add now known better.
      if (acc[i] + slots < minTermShare(named[i], this.profiles[i].actorIds.length) * totals[i]) continue;
      const bound = (acc[i] + slots + named[i] * maxWeight) / (totals[i] + actorCounts[i] * maxWeight);
      if (bound < SCORING.threshold) continue;
      if (bound < bounds[i]) bounds[i] = bound;
      cand[likely++] = i;
    }
    const { groups } = this;
    let mixed = false;
    if (groups) for (let j = 1; j < likely && !mixed; j++) mixed = groups[cand[j]] !== groups[cand[0]];
    if (!mixed) return this.best(highest(cand, likely, this.bounds, MATCH_LIMITS.scoredPerSentence), s, info);
    const byGroup = new Map<number, number[]>();
    for (let j = 0; j < likely; j++) {
      const i = cand[j];
      const list = byGroup.get(groups![i]);
      if (list) list.push(i);
      else byGroup.set(groups![i], [i]);
    }
    const out = [...byGroup.values()].flatMap((ids) => this.best(highest(ids, ids.length, this.bounds, MATCH_LIMITS.scoredPerSentence), s, info));
    return out.sort((x, y) => y.score - x.score || x.claim.id.localeCompare(y.claim.id));
  }

  /**
   * Of candidates whose bounds are in `bounds`, the best-scoring `claimsPerSentence`, best first:
   * scored in the order of their bounds. `ids` holds at most `scoredPerSentence` (./select.ts
   * highest); `truncated` says some were left out.
   */
  private best(ids: number[] & { truncated?: boolean }, s: AnalysedSentence, info?: { truncated: boolean }): ClaimMatch[] {
    const keep = MATCH_LIMITS.claimsPerSentence;
    let truncated = !!ids.truncated;
    if (ids.length > keep) ids.sort((a, b) => this.bounds[b] - this.bounds[a] || a - b);
    const out: ClaimMatch[] = [];
    const clauses = new Set<ClaimMatch>();
    // The best `keep` scores so far, the lowest first (a min-heap).
    const best: number[] = [];
    for (const i of ids) {
      // Scores are rounded to thousandths: a bound below the keep-th best score by more than that
      // cannot enter the best `keep`, nor can any after it (they are in descending order).
      if (best.length >= keep && this.bounds[i] + 0.001 < best[0]) {
        truncated = true;
        break;
      }
      const p = this.profiles[i];
      const m = this.score(p, s);
      if (!m) continue;
      // A claim's clauses are profiles of their own: the claim is kept once, as the whole statement
      // matched (its strength, all its values), else as its best clause.
      const twin = out.findIndex((x) => x.claim === m.claim);
      if (twin < 0) out.push(m);
      else if (!p.clauseOf || (clauses.has(out[twin]) && m.score > out[twin].score)) out[twin] = m;
      else continue;
      // The bound counts whole statements only: a clause's match may yet give way to its claim's.
      if (p.clauseOf) {
        clauses.add(m);
        continue;
      }
      if (best.length < keep) heapPush(best, m.score);
      else if (m.score > best[0]) heapReplaceTop(best, m.score);
    }
    out.sort((a, b) => b.score - a.score || a.claim.id.localeCompare(b.claim.id));
    if (out.length > keep) {
      out.length = keep;
      truncated = true;
    }
    if (info && truncated) info.truncated = true;
    return out;
  }

  private score(p: Profile, s: AnalysedSentence): ClaimMatch | null {
    if (p.years && s.years.length && !s.years.some((y) => p.years!.has(y))) return null;
    if (otherMonths(s.months, p.months)) return null;
    const anchors = p.anchorTerms.get(s.lang);
    if (anchors && !anchors.some((t) => s.terms.has(t))) return null;
    // A checkable value the sentence gives counts like a rare term ("91 drones" is as telling as
    // "Novgorod"; the quoted words themselves twice that), whether it agrees or conflicts. A value
    // left out costs nothing: paraphrases often drop the figures.
    const slots = p.slots.map((slot) => ({ name: slot.name, type: slot.type, outcome: compareSlot(slot, s.values, this.lexicon) }));
    let [matched, hits] = [0, 0];
    for (const t of p.textTerms) if (s.terms.has(t)) (matched += this.weight(t)), hits++;
    for (const t of p.cueTerms) if (s.terms.has(t)) (matched += this.weight(t)), hits++;
    const wordsMatched = matched;
    const named = p.actorIds.filter((a) => s.actors.has(a)).length;
    if (p.totalByLang.has(s.lang) && !twoPieces(p, s, named, hits, slots)) return null;
    for (const x of slots) {
      // Other words of the speaker's are no evidence of this quote; a conflicting figure is.
      if (x.type === 'quote' ? x.outcome.status === 'agrees' : x.outcome.status !== 'absent') matched += this.slotWeight(x.type);
    }
    // The claim's actors are part of what it says: each counts like a rare term of the statement.
    // Names alone never make a match: the words must cover a share of the statement too, and in
    // another language than the statement's give two pieces of it (./evidence.ts twoPieces).
    const total = p.totalByLang.get(s.lang) ?? p.total;
    if (matched < minTermShare(named, p.actorIds.length) * total) return null;
    if (p.clauseOf && !clauseMet(p, s.terms, slots)) return null;
    // An attribution is about who said something and how: the speaker must be named, unless the sentence gives the quote.
    if (p.needsSpeaker && !p.speakers.some((a) => s.actors.has(a)) && !slots.some((x) => x.type === 'quote' && x.outcome.status === 'agrees')) return null;
    // A source the sentence leaves out ("officials said" for "the governor said") costs nothing.
    const sourcesLeftOut = p.claim.actors.filter((x) => x.role === 'source' && !s.actors.has(x.actor)).length;
    const coverage = Math.min(1, (matched + named * this.maxWeight) / (total + (p.actorIds.length - sourcesLeftOut) * this.maxWeight));
    if (coverage < SCORING.threshold) return null;
    // A weak match (below EVIDENCE.strongUnits) is kept beside a strong one, where setting words count in full.
    const { units, inStory } = evidenceUnits(p, s, slots, named);
    if (units < EVIDENCE.minUnits && inStory < EVIDENCE.minUnits && !statesNearlyAll(p, s, slots, coverage)) return null;
    for (const name of p.claim.requires ?? []) {
      // A clause needs the required values it gives.
      if (p.clauseOf && !p.slots.some((x) => x.name === name)) continue;
      const o = slots.find((x) => x.name === name);
      if (!o || o.outcome.status === 'absent') return null;
    }
    // A conflicting figure is only a contradiction when the words and names alone say it is the same claim.
    if ((wordsMatched + named * this.maxWeight) / ((p.strictByLang.get(s.lang) ?? total) + p.actorIds.length * this.maxWeight) < SCORING.minCoverageToContradict && slots.some((x) => x.outcome.status === 'contradicts')) return null;
    const score = p.clauseOf ? coverage * CLAUSES.scoreShare : coverage;
    return {
      claim: p.claim,
      score: Math.round(score * 1000) / 1000,
      coverage,
      slots: slots.map(({ name, outcome }) => ({ name, outcome })),
      // A clause's match is weak: the rest of the lead may be another event's (./clauses.ts).
      strong: units >= EVIDENCE.strongUnits && !p.clauseOf,
    };
  }
}
