// The scanning engine: a page's text and the installed packs in; the actors it names and the
// claims it states out, each claim with a verdict and the outlets' reports as sources. The same
// code runs in the extension's background and in `npx crosscheck scan`.
import type { Actor, Article, Claim, Outlet, Pack, Position, Report, Slot } from '../pack/schema';
import { ActorMatcher, aliasInputs, type CompactMatcher, type Mention } from '../match/actors';
import { analyseSentence, ClaimIndex, type ClaimMatch } from '../match/claims';
import { compareSlot, type SlotOutcome } from '../match/compare';
import { Lexicon } from '../text/lexicon';
import { splitSentences } from '../text/sentences';
import { actorKeys, byId, groupBy, key } from './records';
import { extractValues, type Value } from '../text/values';

export type Verdict = 'corroborated' | 'contradicted' | 'disputed' | 'mixed';
export type SourceStance = Report['stance'];

export interface ScanSource {
  outlet: string;
  outletId: string;
  /** The reporting article's source file name, or its id when it has none. */
  article: string;
  articleId: string;
  title: string;
  url?: string;
  /** The outlet's report relative to what this page says. */
  stance: SourceStance;
  quote: string;
  /** What differs between this outlet and the page (or, where the page gives no value, the other outlets). */
  differences: string[];
  /** Where in `quote` the differing words are ([start, end) offsets), to mark them. */
  differing: { start: number; end: number }[];
}

export interface ScanClaim {
  id: string;
  pack: string;
  text: string;
  kind: string;
  match: { text: string; start: number; end: number };
  score: number;
  verdict: Verdict;
  /** One line for readers: "Reported alike by 4 outlets, 1 differs". */
  summary: string;
  /** When the page's value conflicts with the outlets': what each says. */
  conflict?: { slot: string; page: string; outlets: string; by: string[]; note: string };
  /** The page's values that differ from the claim's canonical ones. */
  pageDifferences: string[];
  sources: ScanSource[];
  positions: { actor: string; name: string; position: 'asserts' | 'denies' | 'questions' }[];
  /** Every sentence of the page that states the claim. */
  matches: { text: string; start: number; end: number; score: number }[];
}

export interface ScanActor {
  id: string;
  pack: string;
  name: string;
  role?: string;
  mentions: { text: string; start: number; end: number }[];
}

export interface ScanResult {
  actors: ScanActor[];
  claims: ScanClaim[];
  stats: {
    chars: number;
    sentences: number;
    sentencesScored: number;
    /** Set when SCAN_LIMITS or MATCH_LIMITS left matches out (only a pack of many alike claims does). */
    truncated?: true;
  };
}

/** The most one scan reports (docs/pack-format.md#limits): the best-scoring matches of claims to
 * sentences. A page states a few dozen claims; the limit bounds a scan's result whatever the pack. */
export const SCAN_LIMITS = { matchesPerScan: 2_000 } as const;

/** The engine's compiled state, for a cache: restore it with ScanEngine.restore. */
export interface EngineCache {
  format: 1;
  matcher: CompactMatcher;
  packs: { id: string; version: number }[];
}

const unkey = (k: string) => {
  const i = k.indexOf('\u0000');
  return { pack: k.slice(0, i), id: k.slice(i + 1) };
};

/** A pack's records by id, to look up what a scan reports in constant time. */
interface PackRecords {
  pack: Pack;
  articles: Map<string, Article>;
  outlets: Map<string, Outlet>;
  actors: Map<string, Actor>;
}

interface ClaimInfo {
  records: PackRecords;
  claim: Claim;
  reports: Report[];
  positions: Position[];
}

type Hit = { m: ClaimMatch; s: { text: string; start: number; end: number }; values: Value[]; seq: number };

const SENTENCES_PER_SLICE = 200; // read before a sliced scan lets others run (an article has a few hundred)

export class ScanEngine {
  readonly matcher: ActorMatcher;
  private index: ClaimIndex;
  private claims = new Map<string, ClaimInfo>();
  private records = new Map<string, PackRecords>();
  private packs: Pack[];
  /** The installed stories' concept groups. */
  private lexicon: Lexicon;

  // Building is linear in the packs: every record is visited once (reports grouped by claim in
  // one pass), and restoring from a cache does the same minus compiling the actor matcher.
  private constructor(packs: Pack[], matcher?: ActorMatcher) {
    this.packs = packs;
    const actorKey = actorKeys(packs);
    this.matcher = matcher ?? new ActorMatcher(packs.flatMap((p) => aliasInputs(p.actors).map((a) => ({ ...a, actor: actorKey(p.id, a.actor) }))));
    const scoped: Claim[] = [];
    const groups: number[] = [];
    for (const p of packs) {
      if (this.records.has(p.id)) continue;
      const records: PackRecords = { pack: p, articles: byId(p.articles), outlets: byId(p.outlets), actors: byId(p.actors) };
      this.records.set(p.id, records);
      const reports = groupBy(p.reports, (r) => r.claim);
      const positions = groupBy(p.positions, (x) => x.claim);
      for (const c of p.claims) {
        const k = key(p.id, c.id);
        if (this.claims.has(k)) continue;
        this.claims.set(k, { records, claim: c, reports: reports.get(c.id) ?? [], positions: positions.get(c.id) ?? [] });
        scoped.push({ ...c, id: k, actors: c.actors.map((a) => ({ ...a, actor: actorKey(p.id, a.actor) })) });
        groups.push(this.records.size);
      }
    }
    this.lexicon = new Lexicon(packs.flatMap((p) => p.stories.flatMap((s) => s.concepts ?? [])));
    const dates = new Map(packs.flatMap((p) => p.stories.map((x) => [x.id, x.dates ?? []] as const)));
    const years = new Map([...dates].map(([id, d]) => [id, [...new Set(d.map((x) => Number(x.slice(0, 4))))]] as const));
    this.index = new ClaimIndex(scoped, this.matcher, undefined, groups, {
      lexicon: this.lexicon,
      storyYears: (c) => years.get(c.story) ?? [],
      storyDates: (c) => dates.get(c.story) ?? [],
    });
  }

  /** Compiles the packs' aliases and claims. */
  static fromPacks(packs: Pack[]): ScanEngine {
    return new ScanEngine(packs);
  }

  /** Rebuilds from a cache without recompiling the actor matcher. */
  static restore(packs: Pack[], cache: EngineCache): ScanEngine {
    const same = cache.packs.length === packs.length && cache.packs.every((c, i) => c.id === packs[i].id && c.version === packs[i].version);
    if (!same) throw new Error('the cache is of other packs');
    return new ScanEngine(packs, ActorMatcher.fromCompact(cache.matcher));
  }

  cache(): EngineCache {
    return { format: 1, matcher: this.matcher.compact(), packs: this.packs.map((p) => ({ id: p.id, version: p.version })) };
  }

  scanText(text: string, opts: { lang?: string } = {}): ScanResult {
    for (const steps = this.scanSteps(text, opts); ; ) {
      const step = steps.next();
      if (step.done) return step.value;
    }
  }

  /** The same scan, awaiting `pause` between slices of sentences, so others run meanwhile. */
  async scanTextSliced(text: string, opts: { lang?: string }, pause: () => Promise<void>): Promise<ScanResult> {
    const steps = this.scanSteps(text, opts);
    for (let step = steps.next(); ; step = steps.next()) {
      if (step.done) return step.value;
      await pause();
    }
  }

  private *scanSteps(text: string, opts: { lang?: string }): Generator<void, ScanResult, void> {
    const mentions = this.matcher.find(text);
    const actors = this.actorsOf(mentions);
    const sentences = splitSentences(text, opts.lang ?? 'en');
    // Every match, by pack, in page order; past the limit only a pack's best-scoring are kept
    // (pruned in batches, so the work stays linear in the matches found), and one pack's many
    // matches never crowd another's out.
    const byPack = new Map<PackRecords, Hit[]>();
    const limit = SCAN_LIMITS.matchesPerScan;
    const info = { truncated: false };
    const prune = (list: Hit[]): Hit[] => {
      info.truncated = true;
      return [...list].sort((a, b) => b.m.score - a.m.score || a.seq - b.seq).slice(0, limit).sort((a, b) => a.seq - b.seq);
    };
    let seq = 0;
    let scored = 0;
    let mi = 0;
    for (const [n, s] of sentences.entries()) {
      if (n > 0 && n % SENTENCES_PER_SLICE === 0) yield;
      while (mi < mentions.length && mentions[mi].end <= s.start) mi++;
      const inside: Mention[] = [];
      for (let j = mi; j < mentions.length && mentions[j].start < s.end; j++) inside.push({ ...mentions[j], start: mentions[j].start - s.start, end: mentions[j].end - s.start });
      const analysed = analyseSentence(s.text, this.matcher, { lang: opts.lang, mentions: inside, lexicon: this.lexicon });
      if (!analysed.terms.size) continue;
      scored++;
      for (const m of this.index.match(analysed, info)) {
        const records = this.claims.get(m.claim.id)!.records;
        let list = byPack.get(records);
        if (!list) byPack.set(records, (list = []));
        list.push({ m, s, values: analysed.values, seq: seq++ });
        if (list.length >= 2 * limit) byPack.set(records, prune(list));
      }
    }
    // A pack's weak matches are shown only on a page that is about its story: one with a strong
    // match of the pack (lib/match/claims.ts EVIDENCE).
    const hits = [...byPack.values()].flatMap((list) => (list.some((h) => h.m.strong) ? (list.length > limit ? prune(list) : list) : []));
    if (byPack.size > 1) hits.sort((a, b) => a.seq - b.seq);
    const found = groupBy(hits, (h) => h.m.claim.id);
    // Reports that quote the same words read the same values: each excerpt is read once a scan.
    const quoteValues = new Map<string, Value[]>();
    const valuesOf = (quote: string) => {
      let v = quoteValues.get(quote);
      if (!v) quoteValues.set(quote, (v = extractValues(quote)));
      return v;
    };
    const claims = [...found.entries()].map(([k, list]) => this.claimResult(k, list, valuesOf));
    const rank: Record<Verdict, number> = { contradicted: 0, disputed: 1, mixed: 2, corroborated: 3 };
    claims.sort((a, b) => rank[a.verdict] - rank[b.verdict] || a.match.start - b.match.start);
    const stats: ScanResult['stats'] = { chars: text.length, sentences: sentences.length, sentencesScored: scored };
    if (info.truncated) stats.truncated = true;
    return { actors, claims, stats };
  }

  private actorsOf(mentions: Mention[]): ScanActor[] {
    const byActor = new Map<string, ScanActor>();
    for (const m of mentions) {
      let a = byActor.get(m.actor);
      if (!a) {
        const { pack, id } = unkey(m.actor);
        const actor = this.records.get(pack)?.actors.get(id);
        a = { id, pack, name: actor?.name ?? id, ...(actor?.role ? { role: actor.role } : {}), mentions: [] };
        byActor.set(m.actor, a);
      }
      a.mentions.push({ text: m.text, start: m.start, end: m.end });
    }
    return [...byActor.values()];
  }

  private claimResult(k: string, hits: Hit[], valuesOf: (quote: string) => Value[]): ScanClaim {
    const { records, claim, reports, positions: stated } = this.claims.get(k)!;
    const { pack } = records;
    const id = claim.id;
    // The sentence that shows the page's position best: a conflict first, then the best score.
    const conflictOf = (h: (typeof hits)[number]) => h.m.slots.some((x) => x.outcome.status === 'contradicts');
    const best = [...hits].sort((a, b) => Number(conflictOf(b)) - Number(conflictOf(a)) || b.m.score - a.m.score)[0];
    const pageOutcomes = new Map(best.m.slots.map((x) => [x.name, x.outcome]));
    const pageDifferences = best.m.slots.flatMap((x) => (x.outcome.status === 'differs' || x.outcome.status === 'contradicts' ? [x.outcome.note] : []));

    const sources: ScanSource[] = reports.map((r) => {
      const article = records.articles.get(r.article)!;
      const outlet = records.outlets.get(article.outlet);
      const { stance, differences, differing } = stanceVsPage(claim.slots, pageOutcomes, r, valuesOf, this.lexicon);
      return {
        outlet: outlet?.name ?? article.outlet,
        outletId: article.outlet,
        article: article.file ?? article.id,
        articleId: article.id,
        title: article.title,
        ...(article.url ? { url: article.url } : {}),
        stance,
        quote: r.quote,
        differences,
        differing,
      };
    });

    let conflict: ScanClaim['conflict'];
    for (const x of best.m.slots) {
      if (x.outcome.status !== 'contradicts') continue;
      const slot = claim.slots.find((s) => s.name === x.name)!;
      const by = sources.filter((s) => s.stance === 'contradicts').map((s) => s.outlet);
      conflict = {
        slot: x.name,
        page: x.outcome.says,
        outlets: slot.text,
        by,
        note: `This page says ${x.outcome.says}; ${names(by.length ? by : sources.map((s) => s.outlet))} ${by.length === 1 ? 'says' : 'say'} ${slot.text}`,
      };
      break;
    }
    const positions = stated.map((p) => ({ actor: p.actor, name: records.actors.get(p.actor)?.name ?? p.actor, position: p.position }));
    const outletsConflict = reports.some((r) => r.stance === 'contradicts');
    const verdict: Verdict = conflict || outletsConflict
      ? 'contradicted'
      : positions.some((p) => p.position === 'denies' || p.position === 'questions')
        ? 'disputed'
        : sources.some((s) => s.stance !== 'corroborates')
          ? 'mixed'
          : 'corroborated';
    return {
      id,
      pack: pack.id,
      text: claim.text,
      kind: claim.kind,
      match: { text: best.s.text, start: best.s.start, end: best.s.end },
      score: best.m.score,
      verdict,
      summary: summarise(sources),
      ...(conflict ? { conflict } : {}),
      pageDifferences,
      sources,
      positions,
      matches: hits.map((h) => ({ text: h.s.text, start: h.s.start, end: h.s.end, score: h.m.score })),
    };
  }
}

/** "Reuters, RFE/RL and 3 more" */
export function names(list: string[]): string {
  const uniq = [...new Set(list)];
  if (uniq.length <= 2) return uniq.join(' and ');
  return `${uniq.slice(0, 2).join(', ')} and ${uniq.length - 2} more`;
}

function summarise(sources: ScanSource[]): string {
  const n = (s: SourceStance) => new Set(sources.filter((x) => x.stance === s).map((x) => x.outletId)).size;
  const parts = [`Reported alike by ${n('corroborates')} outlet${n('corroborates') === 1 ? '' : 's'}`];
  if (n('differs')) parts.push(`${n('differs')} differ${n('differs') === 1 ? 's' : ''}`);
  if (n('contradicts')) parts.push(`${n('contradicts')} contradict${n('contradicts') === 1 ? 's' : ''}`);
  return parts.join(', ');
}

/**
 * An outlet's stance relative to the page: for each value the page gives, the outlet's own value
 * (read from its excerpt) is compared with the page's; where the page gives none, the report's
 * stance against the other outlets stands.
 */
function stanceVsPage(
  slots: Slot[],
  page: Map<string, SlotOutcome>,
  r: Report,
  valuesOf: (quote: string) => Value[],
  lexicon: Lexicon,
): { stance: SourceStance; differences: string[]; differing: { start: number; end: number }[] } {
  let worst: SourceStance = 'corroborates';
  const differences: string[] = [];
  const differing: { start: number; end: number }[] = [];
  const mark = (start: number, end: number) => {
    if (start >= 0 && end > start && end <= r.quote.length && !differing.some((d) => d.start < end && start < d.end)) differing.push({ start, end });
  };
  const bump = (s: SourceStance) => {
    if (s === 'contradicts' || (s === 'differs' && worst === 'corroborates')) worst = s;
  };
  let outletValues: Value[] | null = null;
  for (const slot of slots) {
    const p = page.get(slot.name);
    if (p && p.status !== 'absent') {
      outletValues ??= valuesOf(r.quote);
      const asSlot = slotFromValue(slot, p.value);
      const o = compareSlot(asSlot, outletValues, lexicon);
      if (o.status === 'differs' || o.status === 'contradicts') {
        bump(o.status);
        differences.push(o.note);
        // The outlet's value was read from its own words: its offsets are in the quote.
        mark(o.value.start, o.value.end);
      }
    } else {
      for (const d of r.differences.filter((x) => x.slot === slot.name)) {
        bump(r.stance);
        differences.push(d.note);
        const at = r.quote.toLowerCase().indexOf(d.says.toLowerCase());
        if (at >= 0) mark(at, at + d.says.length);
      }
    }
  }
  differing.sort((a, b) => a.start - b.start);
  return { stance: worst, differences, differing };
}

/** The page's value as a slot, to compare an outlet's value with it. */
function slotFromValue(slot: Slot, v: Value): Slot {
  const s: Slot = { name: slot.name, type: slot.type, text: v.text };
  if (v.value !== undefined) s.value = v.value;
  if (slot.unit) s.unit = slot.unit;
  else if (v.unit) s.unit = v.unit;
  if (v.from) s.from = v.from;
  if (v.to) s.to = v.to;
  return s;
}
