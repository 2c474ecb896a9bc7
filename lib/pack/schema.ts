// The claim-pack format, v1: defined once here; the TypeScript types derive from it.
// docs/pack-format.md documents every field. Limits are part of the format: a pack that
// exceeds one is refused with the path of the offending value.
import * as v from 'valibot';

export const PACK_FORMAT = 1;

/** Documented limits (docs/pack-format.md#limits). */
export const LIMITS = {
  packBytes: 32 * 1024 * 1024,
  id: 128,
  name: 300,
  shortText: 2_000,
  articleText: 300_000,
  outlets: 5_000,
  articles: 20_000,
  actors: 50_000,
  aliasesPerActor: 200,
  claims: 50_000,
  slotsPerClaim: 32,
  cuesPerClaim: 200,
  reports: 500_000,
  positions: 100_000,
  smallList: 100,
  /** Aliases of all the actors of a pack together: the matcher compiles every one of them. */
  aliases: 100_000,
  /** Words of a name or alias (the matcher reads a page's words that many deep at most). */
  wordsPerAlias: 24,
  /** Words of all the actors' names and aliases together: the matcher's trie has a node per word. */
  aliasWords: 400_000,
  /**
   * Claims with the same words, actors and values: a sentence that states one states them all, and
   * a sentence reports at most MATCH_LIMITS.claimsPerSentence (lib/match/select.ts) claims.
   */
  alikeClaims: 32,
  /**
   * Terms of all the claims together (each claim's distinct words of its statement and cues): the
   * claim index lists each claim under each of its terms, and a sentence's candidates are read there.
   */
  claimTerms: 1_000_000,
  /** Concept groups of a story, words of a group, characters of a word. */
  concepts: 2_000,
  wordsPerConcept: 100,
  conceptWord: 64,
} as const;

/**
 * Bidirectional embedding, override and isolate controls. Invisible, they reorder the text around
 * them on screen ("Reuters" + U+202E shows what follows backwards), so a name could be made to
 * read as something else. Refused in every string a pack shows, except the article texts and their
 * excerpts, which are kept verbatim.
 */
const BIDI_CONTROL = /[\u202a-\u202e\u2066-\u2069]/;
const BIDI_NAMES: Record<number, string> = {
  0x202a: 'left-to-right embedding', 0x202b: 'right-to-left embedding', 0x202c: 'pop directional formatting',
  0x202d: 'left-to-right override', 0x202e: 'right-to-left override', 0x2066: 'left-to-right isolate',
  0x2067: 'right-to-left isolate', 0x2068: 'first strong isolate', 0x2069: 'pop directional isolate',
};

/** Why a string with a bidi control is refused, naming the character and where it is; null without one. */
export function bidiControlProblem(s: string): string | null {
  const at = s.search(BIDI_CONTROL);
  if (at < 0) return null;
  const c = s.charCodeAt(at);
  return `contains U+${c.toString(16).toUpperCase()} (${BIDI_NAMES[c]}) at character ${at + 1}: an invisible control that changes the order in which text is displayed; remove it`;
}

/** Refuses strings with bidi controls (see BIDI_CONTROL). */
export const noBidiControls = v.check<string, (issue: v.CheckIssue<string>) => string>(
  (s) => !BIDI_CONTROL.test(s),
  (issue) => bidiControlProblem(issue.input) ?? 'contains a bidi control character',
);

const tooLong = (max: number) => v.maxLength<string, number, (i: v.MaxLengthIssue<string, number>) => string>(max, (i) => `too long (${i.received.replace(/\D/g, '')} characters; the limit is ${max})`);
const str = (max: number) => v.pipe(v.string(), tooLong(max), noBidiControls);
const nonEmpty = (max: number) => v.pipe(str(max), v.minLength(1, 'must not be empty'));
/** Article texts and excerpts: verbatim from the source, so bidi controls are kept (they are shown as quoted text). */
const verbatim = (max: number) => v.pipe(v.string(), tooLong(max), v.minLength(1, 'must not be empty'));
const list = <T extends v.GenericSchema>(item: T, max: number) =>
  v.pipe(v.array(item), v.maxLength(max, `too many entries (the limit is ${max})`));

export const Id = v.pipe(
  v.string(),
  v.maxLength(LIMITS.id, `too long (the limit is ${LIMITS.id} characters)`),
  v.regex(/^[a-z0-9][a-z0-9._-]*$/, 'must be lower-case letters, digits, ".", "_" or "-"'),
);

/** Only http(s) links: pack strings are never trusted as URLs of any other scheme. */
export const HttpUrl = v.pipe(
  str(2_000),
  v.check((s) => {
    try {
      const u = new URL(s);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an http(s) URL'),
);

const IsoDate = v.pipe(v.string(), v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date YYYY-MM-DD'));
const IsoTimestamp = v.pipe(
  v.string(),
  v.regex(/^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/, 'must be an ISO 8601 date or timestamp'),
);
const Lang = v.pipe(v.string(), v.regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "uk"'));

/**
 * Words of one meaning in the story's languages, folded to one term for matching ("drone", "UAV",
 * "беспилотник*"): a word, or a prefix of at least 3 letters ending in "*".
 */
export const ConceptWord = v.pipe(
  str(LIMITS.conceptWord),
  v.regex(/^[^\s*]+\*?$/u, 'must be one word, or a prefix ending in "*"'),
  v.check((w) => !w.endsWith('*') || [...w].length > 3, 'a prefix must have at least 3 letters before "*"'),
);
export const Concept = v.object({
  id: Id,
  words: v.pipe(list(ConceptWord, LIMITS.wordsPerConcept), v.minLength(1, 'must not be empty')),
});

export const Story = v.object({
  id: Id,
  title: nonEmpty(LIMITS.shortText),
  dates: v.optional(list(IsoDate, LIMITS.smallList)),
  /** The story's concept groups (docs/matching.md "Concepts"). */
  concepts: v.optional(list(Concept, LIMITS.concepts)),
});

export const Outlet = v.object({
  id: Id,
  name: nonEmpty(LIMITS.name),
  domain: v.nullable(v.pipe(str(253), v.regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'must be a host name such as "reuters.com"'))),
  wire: v.boolean(),
});

export const Article = v.object({
  id: Id,
  outlet: Id,
  /** Outlet id of the wire service whose copy the article is based on, if any. */
  via: v.nullable(Id),
  title: nonEmpty(LIMITS.shortText),
  url: v.optional(HttpUrl),
  published: v.nullable(IsoDate),
  language: Lang,
  file: v.optional(str(LIMITS.name)),
  text: verbatim(LIMITS.articleText),
});

export const Alias = v.union([
  nonEmpty(LIMITS.name),
  v.object({
    text: nonEmpty(LIMITS.name),
    lang: v.optional(Lang),
    /** False for a form that names the actor only in context (a first name, a common word). */
    safeAlone: v.optional(v.boolean(), true),
  }),
]);

export const ActorKind = v.picklist(['person', 'organisation', 'place']);
export const Actor = v.object({
  id: Id,
  kind: ActorKind,
  name: nonEmpty(LIMITS.name),
  role: v.optional(str(LIMITS.shortText)),
  affiliation: v.optional(str(LIMITS.name)),
  country: v.optional(str(LIMITS.name)),
  aliases: list(Alias, LIMITS.aliasesPerActor),
});

export const ClaimKind = v.picklist(['event', 'statement', 'quote', 'figure', 'attribution', 'place', 'position']);
export const ActorRole = v.picklist(['claimant', 'subject', 'speaker', 'source']);
export const SlotType = v.picklist(['count', 'percent', 'distance', 'duration', 'date', 'place', 'channel', 'quote', 'speaker']);

/** A checkable value of a claim. `text` is how a reader sees it; the rest is its normalised form. */
export const Slot = v.object({
  name: nonEmpty(LIMITS.id),
  type: SlotType,
  text: nonEmpty(LIMITS.shortText),
  /** Numbers: the value in `unit` (percent for fractions, km for distances, years for durations). */
  value: v.optional(v.number()),
  unit: v.optional(str(LIMITS.id)),
  /** Dates: the first and last day (YYYY-MM-DD). */
  from: v.optional(IsoDate),
  to: v.optional(IsoDate),
  /** Quotes and speakers: the actor who said it. */
  actor: v.optional(Id),
});

export const Claim = v.object({
  id: Id,
  story: Id,
  text: nonEmpty(LIMITS.shortText),
  kind: ClaimKind,
  actors: list(v.object({ actor: Id, role: ActorRole }), LIMITS.smallList),
  slots: list(Slot, LIMITS.slotsPerClaim),
  /** Cue terms by language that signal the claim in a sentence (used by the matcher). */
  cues: v.optional(v.record(Lang, list(nonEmpty(LIMITS.name), LIMITS.cuesPerClaim)), {}),
  /** Terms by language of which a sentence must contain one to state this claim. */
  anchors: v.optional(v.record(Lang, list(nonEmpty(LIMITS.name), LIMITS.cuesPerClaim)), {}),
  /** Slot names whose value a sentence must carry to state this claim. */
  requires: v.optional(list(nonEmpty(LIMITS.id), LIMITS.slotsPerClaim), []),
});

export const Stance = v.picklist(['corroborates', 'contradicts', 'differs']);

export const Difference = v.object({
  slot: nonEmpty(LIMITS.id),
  /** What the article says for that slot, as written. */
  says: nonEmpty(LIMITS.shortText),
  /** In words a reader understands: "says northwest of Moscow". */
  note: nonEmpty(LIMITS.shortText),
});

export const Report = v.object({
  claim: Id,
  article: Id,
  stance: Stance,
  /** Character offsets (UTF-16, end exclusive) of the excerpt in the article's text. */
  start: v.pipe(v.number(), v.integer('must be an integer'), v.minValue(0, 'must not be negative')),
  end: v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1, 'must be positive')),
  quote: verbatim(LIMITS.shortText * 4),
  differences: v.optional(list(Difference, LIMITS.slotsPerClaim), []),
  score: v.optional(v.number()),
});

export const Position = v.object({
  claim: Id,
  actor: Id,
  position: v.picklist(['asserts', 'denies', 'questions']),
  articles: list(Id, LIMITS.smallList * 10),
  /** The claim whose reports carry this actor's words, when it is not `claim` itself. */
  via: v.optional(Id),
});

export const Pack = v.object({
  format: v.literal(PACK_FORMAT, (i) => `unsupported format ${i.received}; this version of Crosscheck reads format ${PACK_FORMAT}`),
  id: Id,
  version: v.pipe(v.number(), v.integer('must be an integer'), v.minValue(1, 'must be 1 or more')),
  createdAt: IsoTimestamp,
  publisher: nonEmpty(LIMITS.name),
  title: nonEmpty(LIMITS.shortText),
  stories: list(Story, LIMITS.smallList),
  outlets: list(Outlet, LIMITS.outlets),
  articles: list(Article, LIMITS.articles),
  actors: v.pipe(
    list(Actor, LIMITS.actors),
    v.check(
      (actors) => countAliases(actors) <= LIMITS.aliases,
      (i) => `${countAliases(i.input)} aliases in all; the limit is ${LIMITS.aliases} per pack`,
    ),
  ),
  claims: list(Claim, LIMITS.claims),
  reports: list(Report, LIMITS.reports),
  positions: list(Position, LIMITS.positions),
});

function countAliases(actors: { aliases: unknown[] }[]): number {
  return actors.reduce((n, a) => n + a.aliases.length, 0);
}

export type Pack = v.InferOutput<typeof Pack>;
export type Story = v.InferOutput<typeof Story>;
export type Concept = v.InferOutput<typeof Concept>;
export type Outlet = v.InferOutput<typeof Outlet>;
export type Article = v.InferOutput<typeof Article>;
export type Alias = v.InferOutput<typeof Alias>;
export type Actor = v.InferOutput<typeof Actor>;
export type Claim = v.InferOutput<typeof Claim>;
export type Slot = v.InferOutput<typeof Slot>;
export type SlotType = v.InferOutput<typeof SlotType>;
export type Report = v.InferOutput<typeof Report>;
export type Stance = v.InferOutput<typeof Stance>;
export type Difference = v.InferOutput<typeof Difference>;
export type Position = v.InferOutput<typeof Position>;

/** An alias as an object, whichever form the pack used. */
export function aliasObject(a: Alias): { text: string; lang?: string; safeAlone: boolean } {
  return typeof a === 'string' ? { text: a, safeAlone: true } : { text: a.text, lang: a.lang, safeAlone: a.safeAlone };
}
