// The words matching reads: stop words (language rules, here) and concept groups (story knowledge,
// from the installed packs: a story file's `concepts:`). A concept group folds words of one
// meaning, in English, Russian and Ukrainian, to one term, so that a paraphrase meets the claim.
// Group entries are words (stemmed here) or prefixes of normalised words ending in "*".
import { stem } from './tokens';

export interface ConceptGroup {
  id: string;
  words: readonly string[];
}

/** Function words, reporting verbs, calendar and unit words: no evidence of what a sentence says. */
const STOP = new Set(
  `a an the and or but if of in on at to for from by with about as into over after before during than then that this these those
  there here it its it's is are was were be been being has have had do does did not no nor so such can could would should will
  may might must shall also only just even still yet very more most much many some any all each both other another same own
  nobody nothing none one neither don't doesn't didn't isn't wasn't aren't won't can't couldn't wouldn't it's
  i'm i've we'll we're we've they're they've you're he's she's that's there's let's
  he she they them his her their we us our you your i me my who whom whose which what when where why how while
  said says say told tell tells telling according added adding asked noted stated reported reports report
  mr mrs ms monday tuesday wednesday thursday friday saturday sunday yesterday today
  january february march april may june july august september october november december
  year years month months week weeks day days hour hours km kilometre kilometres kilometer kilometers mile miles percent
  лет года год років роки рік днів дней км відсотків процентов
  и в во не на с со что как а по к у из за от до о об для же ли бы то это его её ее их но или при так уже
  і й в у на з із що як а по до від за про для же чи би то це його її їх але або при так вже`.split(/\s+/).filter(Boolean),
);

/** Whether a normalised word is a stop word. */
export function isStopWord(norm: string): boolean {
  return STOP.has(norm);
}

/** The shortest and longest prefix a group may give ("атак*"). */
export const PREFIX_LENGTH = { min: 3, max: 24 } as const;

/**
 * Words to terms: a word's stem, or the concept its group folds it to ("@attack"). Where two
 * groups claim one word, the first given keeps it. Terms are remembered per lexicon.
 */
export class Lexicon {
  private exact = new Map<string, string>();
  private prefixes = new Map<string, string>();
  private longest = 0;
  private memo = new Map<string, string | null>();
  private readonly membersOf = new Map<string, string[]>();

  constructor(groups: readonly ConceptGroup[] = []) {
    for (const g of groups) {
      const concept = `@${g.id}`;
      const members = this.membersOf.get(concept) ?? [];
      this.membersOf.set(concept, members);
      for (const raw of g.words) {
        const w = raw.trim().toLowerCase();
        if (w.endsWith('*')) {
          const p = w.slice(0, -1);
          if (p.length < PREFIX_LENGTH.min || p.length > PREFIX_LENGTH.max || this.prefixes.has(p)) continue;
          this.prefixes.set(p, concept);
          this.longest = Math.max(this.longest, p.length);
          members.push(p);
        } else if (w) {
          const st = stem(w);
          if (!this.exact.has(st)) this.exact.set(st, concept);
          members.push(w);
        }
      }
    }
  }

  /** The words a concept's group gives (prefixes without their "*"), for measuring how common it is. */
  members(concept: string): readonly string[] {
    return this.membersOf.get(concept) ?? [];
  }

  get concepts(): string[] {
    return [...this.membersOf.keys()];
  }

  /** The term a normalised word and its stem contribute to matching, or null for a stop word. */
  termOf(norm: string, st: string): string | null {
    const key = `${norm}\u0000${st}`;
    const hit = this.memo.get(key);
    if (hit !== undefined) return hit;
    const term = this.compute(norm, st);
    if (this.memo.size > 100_000) this.memo.clear();
    this.memo.set(key, term);
    return term;
  }

  private compute(norm: string, st: string): string | null {
    if (STOP.has(norm) || norm.length < 2) return null;
    const c = this.exact.get(st);
    if (c) return c;
    // The longest prefix first: at most PREFIX_LENGTH.max lookups a word.
    for (let n = Math.min(norm.length, this.longest); n >= PREFIX_LENGTH.min; n--) {
      const p = this.prefixes.get(norm.slice(0, n));
      if (p) return p;
    }
    return st;
  }
}

/** No concept groups: words are their stems. */
export const PLAIN = new Lexicon();
