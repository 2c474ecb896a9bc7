// The pack compiler: corpus (manifest + article texts) + curated story file -> claim pack.
// It does the mechanical work: finds the sentences of every article that state each claim (with
// the same scorer the page scanner uses), records them as reports with verified offsets, compares
// their values with the claim's slots to set the stance and say what differs, and reports
// coverage. Pure: the caller reads the files. The same input gives the same pack, byte for byte.
import * as v from 'valibot';
import type { Actor, Article, Claim, Outlet, Pack, Position, Report, Slot } from '../pack/schema';
import { LIMITS, PACK_FORMAT } from '../pack/schema';
import { errorText } from '../error-text';
import { Lexicon } from '../text/lexicon';
import { ActorMatcher, aliasInputs } from '../match/actors';
import { analyseSentence, ClaimIndex, type ClaimMatch } from '../match/claims';
import { splitSentences, type Sentence } from '../text/sentences';
import { extractValues } from '../text/values';
import { parseStory, StoryError, type StoryFile } from './story';

export const Manifest = v.object({
  story: v.string(),
  title: v.optional(v.string()),
  language: v.optional(v.string(), 'en'),
  event_dates: v.optional(v.array(v.string()), []),
  articles: v.pipe(
    v.array(
      v.object({
        file: v.pipe(v.string(), v.regex(/^[\w.-]+\.txt$/, 'must be a .txt file name')),
        outlet: v.string(),
        wire: v.optional(v.nullable(v.string()), null),
        published: v.optional(v.nullable(v.string()), null),
        url: v.optional(v.string()),
        title: v.optional(v.string()),
        language: v.optional(v.string()),
      }),
    ),
    v.minLength(1, 'must list at least one article'),
  ),
});
export type Manifest = v.InferOutput<typeof Manifest>;

export interface CorpusInput {
  manifestText: string;
  manifestFile: string;
  storyText: string;
  storyFile: string;
  /** Article texts by file name. */
  readArticle: (file: string) => string | null;
}

export interface Coverage {
  claims: { id: string; text: string; cells: Record<string, string> }[];
  articles: { id: string; file: string; outlet: string }[];
  unmatched: { article: string; file: string; sentences: string[] }[];
}

export interface CompileResult {
  pack: Pack;
  coverage: Coverage;
}

export function parseManifest(text: string, file: string): Manifest {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    throw new StoryError([`${file}: invalid JSON: ${errorText(e)}`]);
  }
  const r = v.safeParse(Manifest, json);
  if (!r.success) {
    throw new StoryError(
      r.issues.map((i) => `${file}: ${(i.path ?? []).map((p, n) => (typeof p.key === 'number' ? `[${p.key}]` : n ? `.${String(p.key)}` : String(p.key))).join('') || '(manifest)'}: ${i.message}`),
    );
  }
  return r.output;
}

export function compileCorpus(input: CorpusInput): CompileResult {
  const manifest = parseManifest(input.manifestText, input.manifestFile);
  const story = parseStory(input.storyText, input.storyFile);
  const problems: string[] = [];
  const fail = () => {
    if (problems.length) throw new StoryError(problems);
  };
  if (story.story.id !== manifest.story) problems.push(`${input.storyFile}: story.id "${story.story.id}" is not the manifest's story "${manifest.story}"`);

  const outlets: Outlet[] = story.outlets.map((o) => ({ id: o.id, name: o.name, domain: o.domain ?? null, wire: o.wire }));
  const outletByManifest = new Map(story.outlets.map((o) => [o.manifest, o.id]));
  const articles: Article[] = [];
  [...manifest.articles]
    .sort((a, b) => a.file.localeCompare(b.file))
    .forEach((m, i) => {
      const outlet = outletByManifest.get(m.outlet);
      if (!outlet) problems.push(`${input.manifestFile}: articles[${i}].outlet: "${m.outlet}" is not an outlet of ${input.storyFile}`);
      const via = m.wire ? outletByManifest.get(m.wire) : null;
      if (m.wire && !via) problems.push(`${input.manifestFile}: articles[${i}].wire: "${m.wire}" is not an outlet of ${input.storyFile}`);
      const raw = input.readArticle(m.file);
      if (raw == null) {
        problems.push(`${input.manifestFile}: articles[${i}].file: ${m.file} not found beside the manifest`);
        return;
      }
      const text = raw.replace(/\r\n?/g, '\n').replace(/^\uFEFF/, '');
      articles.push({
        id: `art-${m.file.replace(/\.txt$/, '').replace(/_.*$/, '')}`,
        outlet: outlet ?? 'unknown',
        via: via && via !== outlet ? via : null,
        title: m.title ?? leadTitle(text),
        ...(m.url ? { url: m.url } : {}),
        published: m.published ?? null,
        language: m.language ?? manifest.language,
        file: m.file,
        text,
      });
    });

  const actors: Actor[] = story.actors.map((a) => ({
    id: a.id,
    kind: a.kind,
    name: a.name,
    ...(a.role ? { role: a.role } : {}),
    ...(a.affiliation ? { affiliation: a.affiliation } : {}),
    ...(a.country ? { country: a.country } : {}),
    aliases: a.aliases.map((x) => (typeof x === 'string' ? x : { text: x.text, ...(x.lang ? { lang: x.lang } : {}), safeAlone: x.safeAlone })),
  }));
  const actorIds = new Set(actors.map((a) => a.id));
  const claims: Claim[] = story.claims.map((c, ci) => {
    for (const a of Object.keys(c.actors)) if (!actorIds.has(a)) problems.push(`${input.storyFile}: claims[${ci}].actors: unknown actor "${a}"`);
    const slots = Object.entries(c.slots).map(([name, s]) => normaliseSlot(name, s, story.story.year, (msg) => problems.push(`${input.storyFile}: claims[${ci}].slots.${name}: ${msg}`)));
    for (const r of c.requires) if (!Object.hasOwn(c.slots, r)) problems.push(`${input.storyFile}: claims[${ci}].requires: unknown slot "${r}"`);
    return {
      id: c.id,
      story: story.story.id,
      text: c.text,
      kind: c.kind,
      actors: Object.entries(c.actors).map(([actor, role]) => ({ actor, role })),
      slots,
      cues: c.cues,
      anchors: c.anchors,
      requires: c.requires,
    };
  });
  fail();

  const concepts = Object.entries(story.concepts).map(([id, words]) => ({ id, words }));
  const lexicon = new Lexicon(concepts);
  const matcher = new ActorMatcher(aliasInputs(actors));
  const index = new ClaimIndex(claims, matcher, undefined, undefined, { lexicon, storyYears: () => [story.story.year], ownStory: true });
  const reports: Report[] = [];
  const unmatched: Coverage['unmatched'] = [];
  const best = new Map<string, { s: Sentence; m: Ranked }>();
  for (const article of articles) {
    const noMatch: string[] = [];
    for (const s of splitSentences(article.text, article.language)) {
      const analysed = analyseSentence(s.text, matcher, { year: story.story.year, lexicon });
      const matches = index.match(analysed);
      if (!matches.length && /\p{L}{3}/u.test(s.text)) noMatch.push(s.text);
      for (const match of matches) {
        const types = new Set(match.claim.slots.map((x) => x.type));
        const m = { ...match, detail: analysed.values.filter((x) => types.has(x.type)).length };
        const key = `${m.claim.id}\u0000${article.id}`;
        const prev = best.get(key);
        if (!prev || better(m, prev.m)) best.set(key, { s, m });
      }
    }
    unmatched.push({ article: article.id, file: article.file ?? '', sentences: noMatch });
  }
  for (const claim of claims) {
    for (const article of articles) {
      const hit = best.get(`${claim.id}\u0000${article.id}`);
      if (!hit) continue;
      const differences = hit.m.slots.flatMap(({ name, outcome }) =>
        outcome.status === 'differs' || outcome.status === 'contradicts' ? [{ slot: name, says: outcome.says, note: outcome.note }] : [],
      );
      const stance = hit.m.slots.some((x) => x.outcome.status === 'contradicts') ? 'contradicts' : differences.length ? 'differs' : 'corroborates';
      reports.push({ claim: claim.id, article: article.id, stance, start: hit.s.start, end: hit.s.end, quote: hit.s.text, differences, score: hit.m.score });
    }
  }

  const positions: Position[] = story.positions.map((p, i) => {
    const via = p.via ?? p.claim;
    if (!claims.some((c) => c.id === p.claim)) problems.push(`${input.storyFile}: positions[${i}].claim: unknown claim "${p.claim}"`);
    if (!claims.some((c) => c.id === via)) problems.push(`${input.storyFile}: positions[${i}].via: unknown claim "${via}"`);
    if (!actorIds.has(p.actor)) problems.push(`${input.storyFile}: positions[${i}].actor: unknown actor "${p.actor}"`);
    const arts = reports.filter((r) => r.claim === via).map((r) => r.article);
    return { claim: p.claim, actor: p.actor, position: p.position, articles: arts, ...(p.via ? { via: p.via } : {}) };
  });
  fail();

  const pack: Pack = {
    format: PACK_FORMAT,
    id: story.pack.id,
    version: story.pack.version,
    createdAt: story.pack.createdAt,
    publisher: story.pack.publisher,
    title: story.pack.title,
    stories: [
      {
        id: story.story.id,
        title: story.story.title ?? manifest.title ?? story.pack.title,
        dates: manifest.event_dates.length ? manifest.event_dates : publishedDays(articles),
        ...(concepts.length ? { concepts } : {}),
      },
    ],
    outlets,
    articles,
    actors,
    claims,
    reports,
    positions,
  };
  const mark = { corroborates: '+', differs: '~', contradicts: 'x' } as const;
  const coverage: Coverage = {
    articles: articles.map((a) => ({ id: a.id, file: a.file ?? '', outlet: a.outlet })),
    claims: claims.map((c) => ({
      id: c.id,
      text: c.text,
      cells: Object.fromEntries(articles.map((a) => [a.id, ((r) => (r ? mark[r.stance] : '.'))(reports.find((r) => r.claim === c.id && r.article === a.id))])),
    })),
    unmatched,
  };
  return { pack, coverage };
}

/** A match with how many values of the claim's kinds its sentence gives. */
type Ranked = ClaimMatch & { detail: number };
const contradicts = (m: ClaimMatch) => m.slots.some((x) => x.outcome.status === 'contradicts');
const valuesGiven = (m: ClaimMatch) => m.slots.filter((x) => x.outcome.status !== 'absent').length;
/**
 * Of two sentences of one article that state a claim, the report quotes the one that does not
 * conflict with the claim's values (an article that gives the figure right once and differently
 * in passing is not recorded as contradicting it), then the one that gives more of the claim's
 * values (the quote itself rather than its paraphrase), then the higher-scoring one, then the one
 * in more detail ("the Novgorod region northwest of Moscow" over "the Novgorod region").
 */
function better(a: Ranked, b: Ranked): boolean {
  if (contradicts(a) !== contradicts(b)) return !contradicts(a);
  if (valuesGiven(a) !== valuesGiven(b)) return valuesGiven(a) > valuesGiven(b);
  if (a.score !== b.score) return a.score > b.score;
  return a.detail > b.detail;
}

/** The opening words of an article without a headline, for its title. */
function leadTitle(text: string): string {
  const first = splitSentences(text)[0]?.text ?? text.slice(0, 120);
  const clean = first.replace(/^\s*date \d{4}-\d{2}-\d{2}\s*/, '');
  if (clean.length <= 160) return clean;
  const cut = clean.slice(0, 160);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), 80)).replace(/[\s,;:–—-]+$/, '')}…`;
}

function normaliseSlot(name: string, s: StoryFile['claims'][number]['slots'][string], year: number, problem: (m: string) => void): Slot {
  const given = typeof s === 'string' ? { text: s } : s;
  const values = extractValues(given.text, { year });
  const type = 'type' in given && given.type ? given.type : values.find((x) => x.type !== 'place')?.type ?? (values[0]?.type as Slot['type'] | undefined);
  if (!type) {
    problem(`cannot tell the type of "${given.text}": give a type`);
    return { name, type: 'quote', text: given.text };
  }
  const found = values.find((x) => x.type === type);
  const slot: Slot = { name, type, text: given.text };
  const g = given as Partial<Slot>;
  const value = g.value ?? found?.value;
  if (value != null && ['count', 'percent', 'distance', 'duration'].includes(type)) slot.value = value;
  const unit = g.unit ?? found?.unit?.split(' ').find((u) => !/^(long|short|range|main|more|than)$/.test(u));
  if (unit && ['count', 'distance', 'duration', 'percent'].includes(type)) slot.unit = unit;
  if (type === 'date') {
    slot.from = g.from ?? found?.from;
    slot.to = g.to ?? found?.to;
    if (!slot.from) problem(`no date found in "${given.text}"`);
  }
  if (['count', 'percent', 'distance', 'duration'].includes(type) && slot.value == null) problem(`no number found in "${given.text}"`);
  if (g.actor) slot.actor = g.actor;
  return slot;
}

/**
 * A story's dates when the manifest gives no `event_dates`: the days its articles were published
 * (what tells a sentence of this story from one of another month or year, lib/match/evidence.ts),
 * or, past the pack's limit of them, the first day of each month they span.
 */
function publishedDays(articles: { published: string | null }[]): string[] {
  const days = [...new Set(articles.flatMap((a) => (a.published && /^\d{4}-\d{2}-\d{2}/.test(a.published) ? [a.published.slice(0, 10)] : [])))].sort();
  if (days.length <= LIMITS.smallList) return days;
  return [...new Set(days.map((d) => `${d.slice(0, 7)}-01`))].slice(0, LIMITS.smallList);
}
