// The scanning engine: a page's text and the installed packs in; the actors it names and the
// claims it states out, each claim with a verdict and the outlets' reports as sources. The same
// code runs in the extension's background and in `npx crosscheck scan`.
import type { Pack, Report, Slot } from '../pack/schema';
import { ActorMatcher, aliasInputs, type CompactMatcher, type Mention } from '../match/actors';
import { analyseSentence, ClaimIndex, type ClaimMatch } from '../match/claims';
import { compareSlot, type SlotOutcome } from '../match/compare';
import { splitSentences } from '../text/sentences';
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
  stats: { chars: number; sentences: number; sentencesScored: number };
}

/** The engine's compiled state, for a cache: restore it with ScanEngine.restore. */
export interface EngineCache {
  format: 1;
  matcher: CompactMatcher;
  packs: { id: string; version: number }[];
}

const key = (pack: string, id: string) => `${pack}\u0000${id}`;
const unkey = (k: string) => {
  const i = k.indexOf('\u0000');
  return { pack: k.slice(0, i), id: k.slice(i + 1) };
};

interface ClaimInfo {
  pack: Pack;
  reports: Report[];
}

export class ScanEngine {
  readonly matcher: ActorMatcher;
  private index: ClaimIndex;
  private claims = new Map<string, ClaimInfo>();
  private packs: Pack[];
  private year: number;

  private constructor(packs: Pack[], matcher?: ActorMatcher) {
    this.packs = packs;
    this.matcher = matcher ?? new ActorMatcher(packs.flatMap((p) => aliasInputs(p.actors).map((a) => ({ ...a, actor: key(p.id, a.actor) }))));
    const scoped = packs.flatMap((p) => {
      const reports = new Map<string, Report[]>();
      for (const r of p.reports) reports.set(r.claim, [...(reports.get(r.claim) ?? []), r]);
      return p.claims.map((c) => {
        const k = key(p.id, c.id);
        this.claims.set(k, { pack: p, reports: reports.get(c.id) ?? [] });
        return { ...c, id: k, actors: c.actors.map((a) => ({ ...a, actor: key(p.id, a.actor) })) };
      });
    });
    this.index = new ClaimIndex(scoped, this.matcher);
    const dates = packs.flatMap((p) => p.stories.flatMap((s) => s.dates ?? []));
    this.year = Number((dates[0] ?? new Date().toISOString()).slice(0, 4));
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
    const mentions = this.matcher.find(text);
    const actors = this.actorsOf(mentions);
    const sentences = splitSentences(text, opts.lang ?? 'en');
    const found = new Map<string, { m: ClaimMatch; s: { text: string; start: number; end: number }; values: Value[] }[]>();
    let scored = 0;
    let mi = 0;
    for (const s of sentences) {
      while (mi < mentions.length && mentions[mi].end <= s.start) mi++;
      const inside: Mention[] = [];
      for (let j = mi; j < mentions.length && mentions[j].start < s.end; j++) inside.push({ ...mentions[j], start: mentions[j].start - s.start, end: mentions[j].end - s.start });
      const analysed = analyseSentence(s.text, this.matcher, { year: this.year, lang: opts.lang, mentions: inside });
      if (!analysed.terms.size) continue;
      scored++;
      for (const m of this.index.match(analysed)) {
        const list = found.get(m.claim.id) ?? [];
        list.push({ m, s, values: analysed.values });
        found.set(m.claim.id, list);
      }
    }
    const claims = [...found.entries()].map(([k, hits]) => this.claimResult(k, hits));
    const rank: Record<Verdict, number> = { contradicted: 0, disputed: 1, mixed: 2, corroborated: 3 };
    claims.sort((a, b) => rank[a.verdict] - rank[b.verdict] || a.match.start - b.match.start);
    return { actors, claims, stats: { chars: text.length, sentences: sentences.length, sentencesScored: scored } };
  }

  private actorsOf(mentions: Mention[]): ScanActor[] {
    const byActor = new Map<string, ScanActor>();
    for (const m of mentions) {
      let a = byActor.get(m.actor);
      if (!a) {
        const { pack, id } = unkey(m.actor);
        const actor = this.packs.find((p) => p.id === pack)?.actors.find((x) => x.id === id);
        a = { id, pack, name: actor?.name ?? id, ...(actor?.role ? { role: actor.role } : {}), mentions: [] };
        byActor.set(m.actor, a);
      }
      a.mentions.push({ text: m.text, start: m.start, end: m.end });
    }
    return [...byActor.values()];
  }

  private claimResult(k: string, hits: { m: ClaimMatch; s: { text: string; start: number; end: number }; values: Value[] }[]): ScanClaim {
    const { pack, reports } = this.claims.get(k)!;
    const { id } = unkey(k);
    const claim = pack.claims.find((c) => c.id === id)!;
    // The sentence that shows the page's position best: a conflict first, then the best score.
    const conflictOf = (h: (typeof hits)[number]) => h.m.slots.some((x) => x.outcome.status === 'contradicts');
    const best = [...hits].sort((a, b) => Number(conflictOf(b)) - Number(conflictOf(a)) || b.m.score - a.m.score)[0];
    const pageOutcomes = new Map(best.m.slots.map((x) => [x.name, x.outcome]));
    const pageDifferences = best.m.slots.flatMap((x) => (x.outcome.status === 'differs' || x.outcome.status === 'contradicts' ? [x.outcome.note] : []));

    const sources: ScanSource[] = reports.map((r) => {
      const article = pack.articles.find((a) => a.id === r.article)!;
      const outlet = pack.outlets.find((o) => o.id === article.outlet);
      const { stance, differences, differing } = stanceVsPage(claim.slots, pageOutcomes, r, this.year);
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
    const positions = pack.positions
      .filter((p) => p.claim === id)
      .map((p) => ({ actor: p.actor, name: pack.actors.find((a) => a.id === p.actor)?.name ?? p.actor, position: p.position }));
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
  year: number,
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
      outletValues ??= extractValues(r.quote, { year });
      const asSlot = slotFromValue(slot, p.value);
      const o = compareSlot(asSlot, outletValues);
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
