// A claim's own evidence (docs/matching.md "Evidence"): what a sentence must carry of it, beyond
// covering its words, to state it; and the years of a claim's story.
import type { Claim } from '../pack/schema';
import type { SlotOutcome } from './compare';
import type { Setting } from './terms';

/**
 * Weights and thresholds, documented in docs/matching.md. The score is the share of the claim's
 * weight (its statement's terms and its actors) that the sentence covers, with its cues and the
 * claim's values it gives; names support a match, they never make one.
 */
export const SCORING = {
  threshold: 0.45,
  /** The statement's terms, cues and values a sentence gives must weigh at least this share of the statement's terms. */
  minTermCoverage: 0.4,
  /** ... or this share, where the sentence names every actor of a claim that has two or more ("Lukashenko mediated the agreement that persuaded Prigozhin to stand down"). */
  minTermCoverageAllNamed: 0.2,
  /** A sentence whose value conflicts with the claim must cover at least this share of its words (statement and cues) and actors, by its words and the actors it names. */
  minCoverageToContradict: 0.35,
} as const;

/** The share of the statement's terms a sentence's words must weigh, naming `named` of the claim's `actors`. */
export function minTermShare(named: number, actors: number): number {
  return named >= 2 && named === actors ? SCORING.minTermCoverageAllNamed : SCORING.minTermCoverage;
}

/**
 * What a sentence must carry of a claim's own evidence, beyond covering its words
 * (docs/matching.md "Evidence"): units of evidence are the claim's specific terms the sentence
 * has (a term no more common than `maxCommonness` in ordinary language; `sharedUnit` when claims of
 * several packs have it; how many claims of a pack share it, its weight says), each checkable value it gives (a quote's words count twice) and,
 * once, naming the claim's actors. At least `minUnits`, one of them a term or a value; on a page
 * about the claim's story, shared terms count in full.
 */
export const EVIDENCE = {
  minUnits: 2,
  /**
   * A match with fewer units is weak: a page shows it only beside a strong match of the same pack
   * (the page is about that story); alone it could be any story's ("Kyiv denied any involvement").
   * There, the news's setting words and those the claims of several packs share count in full, as
   * in the story's own articles: the page is known to be of the story, and they tell its claims apart.
   */
  strongUnits: 3,
  maxCommonness: 0.5,
  /** What a specific term is worth that the claims of several packs share ("Moscow"): a page of either story may have it. */
  sharedUnit: 0.25,
  /** The least weight a common term keeps, as a share of its weight among the claims. */
  commonWeight: 0.2,
  /** A sentence covering this share of a claim, weighed by its statement (statesNearlyAll), needs one unit of evidence only. */
  nearlyAll: 0.9,
  /** What a sentence in another language than the claim's statement gives of it at least (twoPieces). */
  minPiecesAcross: 2,
  /**
   * The share of its cues' weight a claim weighs in another language than its statement's, beside its
   * concepts: a third, for a report's words are many and a page tells the fact in few of them (a
   * conflicting figure's sentence must cover half: `strictByLang`).
   */
  cuesAcross: 1 / 3,
} as const;

/**
 * Whether a sentence states nearly all of a claim in the statement's own language, with one unit of
 * its own evidence that is a word of the statement (not a cue) or a value that agrees: a short
 * statement has one specific word ("Sunday was a national day of mourning" of "Putin declared a day
 * of national mourning"). Such a match is weak (EVIDENCE.strongUnits): shown only on a page of the story.
 */
export function statesNearlyAll(
  p: { specific: readonly [string, number][]; textTerms: readonly string[]; totalByLang: Map<string, number> },
  s: { terms: Set<string>; lang: string },
  slots: { type: string; outcome: SlotOutcome }[],
  coverage: number,
): boolean {
  if (coverage < EVIDENCE.nearlyAll || p.totalByLang.has(s.lang)) return false;
  if (slots.some((x) => x.type !== 'speaker' && x.type !== 'quote' && x.outcome.status === 'agrees')) return true;
  return p.specific.some(([t, unit]) => unit === 1 && s.terms.has(t) && p.textTerms.includes(t));
}

/**
 * Whether a sentence in another language than a claim's statement gives two pieces of it: its
 * words (statement or cues; a cue of several words is one) and agreeing values, and, as one, two
 * of its actors (`named`: how many it names), its speaker named, or two of the names its statement
 * writes ("Луганскую, Донецкую, Запорожскую и Херсонскую области"); one name is no piece of its own
 * (./terms.ts `settingOf`). There the claim weighs only its concepts and one report's words, and a
 * name with one such word is any sentence of the story or its places, not this claim's ("Пригожин
 * ... російського", "Губернатор Воронежской области ..." of the convoys through the Voronezh region).
 */
export function twoPieces(
  p: { speakers: readonly string[]; setting: Setting },
  s: { actors: Set<string>; terms: Set<string> },
  named: number,
  words: number,
  slots: { outcome: SlotOutcome }[],
): boolean {
  const { names, phrases } = p.setting;
  let [own, joined] = [0, 0];
  const inPhrase = new Set<string>();
  for (const t of names) if (s.terms.has(t)) own++;
  // The words of one cue are one piece, and so are those of cues that share a word ("foreign minister", "міністр закордонних справ").
  for (const ph of phrases) {
    const hit = ph.filter((t) => s.terms.has(t) && !names.has(t));
    const fresh = hit.filter((t) => !inPhrase.has(t)).length;
    if (hit.length) joined += fresh - (fresh === hit.length ? 1 : 0);
    for (const t of hit) inPhrase.add(t);
  }
  const who = named >= 2 || own >= 2 || p.speakers.some((a) => s.actors.has(a));
  return words - own - joined + slots.filter((x) => x.outcome.status === 'agrees').length + (who ? 1 : 0) >= EVIDENCE.minPiecesAcross;
}

// A year as the time of what a sentence tells: "in 2024", "during 2022", "в 2024 году", "у 2024 році",
// "March 2024", "22 марта 2024": not "the 2022 invasion" or "since 2014", which tell the background.
const MONTH = '(?:january|february|march|april|may|june|july|august|september|october|november|december|январ|феврал|март|апрел|ма[йя]|июн|июл|август|сентябр|октябр|ноябр|декабр|січ|лют|берез|квіт|трав|черв|лип|серп|верес|жовт|листопад|груд)\\p{L}{0,3}';
const YEAR = new RegExp(`(?<!\\p{L})(?:(?:in|during|в|у|во)\\s+|${MONTH}\\s+(?:\\d{1,2},?\\s+)?)(1[89]\\d\\d|20\\d\\d)(?![\\p{N}]|[.,:]\\p{N})`, 'giu');

/** The years a text names as the time of what it tells (1800 to 2099). */
export function yearsOf(text: string): number[] {
  return [...text.matchAll(YEAR)].map((m) => Number(m[1]));
}

// A month as the time of what a sentence tells: "in August", "в августе", "у серпні" (the forms
// those words take after "in"), month 1 to 12 by position, with the year written after it ("in
// August 2023"): in the story's year the month tells; in another year it is the background ("which
// invaded Ukraine in February 2022"), which the year rule reads.
const MONTHS_EN = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
const MONTHS_IN = [
  ['январе', 'феврале', 'марте', 'апреле', 'мае', 'июне', 'июле', 'августе', 'сентябре', 'октябре', 'ноябре', 'декабре'],
  ['січні', 'лютому', 'березні', 'квітні', 'травні', 'червні', 'липні', 'серпні', 'вересні', 'жовтні', 'листопаді', 'грудні'],
];
const MONTH_NUMBER = new Map([...MONTHS_EN.map((m, i) => [m, i + 1] as const), ...MONTHS_IN.flatMap((l) => l.map((m, i) => [m, i + 1] as const))]);
const IN_MONTH = new RegExp(`(?<!\\p{L})(?:[Ii]n|[Dd]uring|[Вв]|[Вв]о|[Уу])\\s+(?:early\\s+|late\\s+|mid-)?(${[...MONTH_NUMBER.keys()].join('|')})(?!\\p{L})(?:,?\\s+(1[89]\\d\\d|20\\d\\d)(?!\\p{N}))?`, 'gu');

/** A month a text names as the time of what it tells (1 to 12), with its year when one follows. */
export interface MonthTold {
  month: number;
  year: number | null;
}

/** The months a text names as the time of what it tells: "in August", "в августе 2023 года". */
export function monthsOf(text: string): MonthTold[] {
  return [...text.matchAll(IN_MONTH)].map((m) => ({ month: MONTH_NUMBER.get(m[1])!, year: m[2] ? Number(m[2]) : null }));
}

/** A claim's months (storyMonthsOf), and the years of its story's dates they are of. */
export interface ClaimMonths {
  months: Set<number>;
  years: Set<number>;
}

/** Whether a sentence's months place it in other months than a claim's: those it names with no year or with a year of the story's dates. */
export function otherMonths(told: readonly MonthTold[], claim: ClaimMonths | null): boolean {
  if (!claim || !told.length) return false;
  const inYear = told.filter((x) => x.year == null || claim.years.has(x.year));
  return inYear.length > 0 && !inYear.some((x) => claim.months.has(x.month));
}

/**
 * The units of a claim's own evidence a sentence carries (EVIDENCE): its specific terms, the
 * values that agree with the claim's (a quote's words count twice), the values that conflict with
 * them when a specific term says it is the same claim, and naming its actors, once. `inStory`: the
 * same on a page about the claim's story, where shared terms count in full.
 */
export function evidenceUnits(
  p: { specific: readonly [string, number][]; anchorTerms: Map<string, string[]>; setting: Setting },
  s: { terms: Set<string>; lang: string },
  slots: { type: string; outcome: SlotOutcome }[],
  named: number,
): { units: number; inStory: number } {
  let terms = 0;
  let termsInStory = 0;
  // Where the sentence's place differs, the words of the claim's place ("region", "Moscow" of
  // "Novgorod region, west of Moscow") tell that place, not the claim: "the Donetsk region that
  // Moscow has failed to occupy" is no sentence of where the residence is.
  const placeDiffers = slots.some((x) => x.type === 'place' && x.outcome.status === 'contradicts');
  // Of the claim's own: a specific term no other story shares, an anchor or a value. On a page of
  // the story the setting's words count in full, beside one of those.
  let own = 0;
  for (const [t, unit] of p.specific) {
    if (!s.terms.has(t) || (placeDiffers && p.setting.places.has(t))) continue;
    terms += unit;
    termsInStory += 1;
    if (unit === 1) own++;
  }
  // An anchor is a word the claim's reports in that language all have ("погибших" of a death
  // toll): common in ordinary language, it is one unit beside others, once.
  const anchors = p.anchorTerms.get(s.lang);
  if (anchors?.some((t) => s.terms.has(t) && !p.specific.some((x) => x[0] === t))) {
    terms += 1;
    termsInStory += 1;
    own++;
  }
  let agree = 0;
  let conflict = 0;
  for (const x of slots) {
    if (x.type === 'speaker' || x.outcome.status === 'absent') continue;
    if (x.outcome.status === 'agrees') agree += x.type === 'quote' ? 2 : 1;
    // Another channel ("on Telegram" for "a statement") is how, not whether, it was said.
    else if (x.type !== 'quote' && x.type !== 'channel') conflict++;
  }
  const name = named > 0 ? 1 : 0;
  const total = (t: number) => {
    const units = t + agree + (t > 0 ? conflict : 0);
    if (!units) return 0;
    // A figure that conflicts is a contradiction only of a claim the sentence otherwise plainly
    // states: two units without it ("eight drones over the region" is another event's count).
    if (conflict && t + agree + name < EVIDENCE.minUnits) return 0;
    return units + name;
  };
  return { units: total(terms), inStory: !own && !agree && !conflict && !named ? 0 : total(termsInStory) };
}

/** A claim's years (EVIDENCE): its story's, and any its statement and slots name; null when unknown. */
export function storyYearsOf(claim: Claim, storyYears?: (claim: Claim) => readonly number[]): Set<number> | null {
  const story = storyYears?.(claim) ?? [];
  if (!story.length) return null;
  return new Set([...story, ...yearsOf(claim.text), ...claim.slots.flatMap((x) => yearsOf(x.text ?? ''))]);
}

/**
 * A claim's months: those of its story's dates and the months beside them ("talks in November"
 * of a December story), any its statement names and those of its date slots; null when its story
 * has no dates. A sentence that places what it tells in other months only ("in August") is of
 * another event.
 */
export function storyMonthsOf(claim: Claim, storyDates?: (claim: Claim) => readonly string[]): ClaimMonths | null {
  const dates = (storyDates?.(claim) ?? []).filter((d) => /^\d{4}-(0[1-9]|1[0-2])/.test(d));
  if (!dates.length) return null;
  const years = new Set(dates.map((d) => Number(d.slice(0, 4))));
  const named = monthsOf(claim.text).filter((x) => x.year == null || years.has(x.year));
  const months = dates.map((d) => Number(d.slice(5, 7)));
  // And the months of its date slots ("remanded them in custody until May 22").
  const slotted = claim.slots.flatMap((x) => (x.type === 'date' ? [x.from, x.to] : [])).filter((d): d is string => !!d && /^\d{4}-(0[1-9]|1[0-2])/.test(d)).map((d) => Number(d.slice(5, 7)));
  return { months: new Set([...months.flatMap((m) => [((m + 10) % 12) + 1, m, (m % 12) + 1]), ...named.map((x) => x.month), ...slotted]), years };
}
