// `crosscheck pack draft`: a story file (docs/story-format.md) written from a corpus's manifest and
// articles alone. The steps: read the corpus (./corpus.ts), find the actors (./actors.ts), align
// the sentences of different outlets (./features.ts, ./align.ts), make claims of them
// (./claims.ts), read positions (./positions.ts), write YAML with comments (./yaml.ts). Pure: the
// caller reads the files. The same corpus gives the same bytes. docs/drafting.md has the method.
import { ActorMatcher } from '../match/actors';
import { parseStory } from '../compile/story';
import { LIMITS } from '../pack/schema';
import { draftActors, slug, type DraftActor } from './actors';
import { align } from './align';
import { draftClaims, type DraftClaim } from './claims';
import { draftConcepts, spelledNames, swaps, type DraftConcept } from './concepts';
import { readCorpus, type DraftCorpus, type DraftInput } from './corpus';
import { analyse } from './features';
import { translatedConcepts } from './lexicon';
import { draftPositions, type DraftPosition } from './positions';
import { comment, flowList, scalar } from './yaml';

export { DraftError, type DraftInput } from './corpus';

export interface DraftResult {
  yaml: string;
  /** One-line notes for the user (a single outlet: nothing is corroborated). */
  warnings: string[];
  stats: { articles: number; outlets: number; sentences: number; aligned: number; pairs: number; actors: number; claims: number; multiOutlet: number; singleSource: number; positions: number };
}

export function draftStory(input: DraftInput): DraftResult {
  const corpus = readCorpus(input);
  const year = Number(createdAt(corpus).slice(0, 4));
  const { actors, leftOut: namesLeftOut } = draftActors(corpus);
  const matcher = new ActorMatcher(actors.flatMap((a) => [{ actor: a.id, text: a.name, safeAlone: true }, ...a.aliases.map((x) => ({ actor: a.id, ...x }))]));
  const space = analyse(corpus, matcher, year);
  const alignment = align(space);
  const { claims, leftOut } = draftClaims(corpus, space, alignment.groups, actors);
  const concepts = [...draftConcepts(corpus, space, alignment.groups)];
  const inGroup = (w: string) => concepts.some((c) => c.words.some((x) => (x.endsWith('*') ? w.startsWith(x.slice(0, -1)) : w === x)));
  for (const g of swaps(space, claims, inGroup)) {
    let id = g.id;
    for (let k = 2; concepts.some((c) => c.id === id); k++) id = `${g.id}-${k}`;
    concepts.push({ id, words: g.words, seen: g.words });
  }
  // The dictionary's Russian and Ukrainian for the words of the claims the corpus reports in
  // English only (./lexicon.ts); a claim its Russian or Ukrainian reports tell is weighed there by
  // their words, and its own words are left as they are.
  const english = (c: DraftClaim) => [c.text, ...(c.cues.en ?? [])];
  const told = (c: DraftClaim) => c.langs.some((l) => l !== 'en');
  const [onlyEnglish, toldElsewhere] = [claims.filter((c) => !told(c)).flatMap(english), claims.filter(told).flatMap(english)];
  // And the nouns of every claim's counts: a figure in another language is checked by its noun (compareSlot).
  const units = claims.flatMap((c) => Object.values(c.slots).flatMap((x) => (x.type === 'count' ? (x.unit ?? '').split(' ').filter((u) => /^[a-z]+$/.test(u)) : [])));
  const translated = translatedConcepts(onlyEnglish, toldElsewhere, concepts, inGroup, LIMITS.concepts - concepts.length, units);
  for (const c of translated.extended) concepts[concepts.findIndex((x) => x.id === c.id)] = c;
  concepts.push(...translated.added);
  for (const c of spelledNames(space, onlyEnglish, toldElsewhere, inGroup, actors)) {
    if (concepts.length >= LIMITS.concepts || concepts.some((x) => x.id === c.id)) continue;
    concepts.push(c);
  }
  const positions = draftPositions(space, claims);
  const warnings: string[] = [];
  if (corpus.outlets.length < 2) warnings.push(`only one outlet (${corpus.outlets[0]}): nothing is corroborated; every claim drafted is single-source`);
  const yaml = write(corpus, actors, namesLeftOut, claims, positions, leftOut.length, concepts);
  // The draft is a story file the compiler accepts as it is: checked here, not at build time.
  parseStory(yaml, `${input.dir}/story.yaml (draft)`);
  const multiOutlet = claims.filter((c) => c.outlets.length >= 2).length;
  return {
    yaml,
    warnings,
    stats: {
      articles: corpus.articles.length,
      outlets: corpus.outlets.length,
      sentences: corpus.sentences.length,
      aligned: alignment.groups.filter((g) => g.length > 1).reduce((n, g) => n + g.length, 0),
      pairs: alignment.pairs,
      actors: actors.length,
      claims: claims.length,
      multiOutlet,
      singleSource: claims.length - multiOutlet,
      positions: positions.length,
    },
  };
}

/** The pack's date: the latest article's, else the story's last date. */
function createdAt(corpus: DraftCorpus): string {
  const dates = [...corpus.articles.map((a) => a.published ?? ''), ...corpus.manifest.event_dates].filter((d) => /^\d{4}-\d{2}-\d{2}/.test(d)).map((d) => d.slice(0, 10)).sort();
  return `${dates[dates.length - 1] ?? '2000-01-01'}T00:00:00Z`;
}

function write(corpus: DraftCorpus, actors: DraftActor[], namesLeftOut: string[], claims: DraftClaim[], positions: DraftPosition[], sentencesLeftOut: number, concepts: DraftConcept[]): string {
  const m = corpus.manifest;
  const L: string[] = [];
  const multi = claims.filter((c) => c.outlets.length >= 2).length;
  L.push(
    ...comment(
      `Drafted by "crosscheck pack draft" from manifest.json and the ${corpus.articles.length} article texts alone (docs/drafting.md). ` +
        `${actors.length} actors, ${claims.length} claims (${multi} reported by two outlets or more, ${claims.length - multi} single-source), ${positions.length} positions. ` +
        'Review it: merge or drop claims, fix roles, add spellings, then build it with "crosscheck pack build".',
    ),
  );
  if (corpus.outlets.length < 2) L.push(...comment('Only one outlet: nothing is corroborated; every claim is single-source.'));
  L.push(...comment(`Left out: ${sentencesLeftOut} sentences only one outlet reports, with no figure or quote.`));
  if (namesLeftOut.length) L.push(...comment(`Names seen but not made actors (places, peoples, channels, or too rare): ${namesLeftOut.join(', ')}.`));
  const id = /^[a-z0-9][a-z0-9._-]*$/.test(m.story) ? m.story : slug(m.story) || 'story';
  const date = createdAt(corpus);
  L.push('pack:', `  id: ${scalar(id)}`, '  version: 1', `  createdAt: ${date}`, '  publisher: Crosscheck draft', `  title: ${scalar((m.title ?? m.story).slice(0, 300) || id)}`);
  L.push('story:', `  id: ${scalar(m.story)}`, `  year: ${Number(date.slice(0, 4))}`, '');
  if (concepts.length) {
    L.push(...comment('Words of one meaning across the languages, folded to one term when matching (docs/story-format.md).'), 'concepts:');
    for (const c of concepts) L.push(...comment(`the corpus writes: ${c.seen.join(', ')}`, '  '), `  ${c.id}: ${flowList(c.words)}`);
    L.push('');
  }
  L.push('outlets:');
  const outletIds = new Map<string, string>();
  for (const o of corpus.outlets) {
    let oid = slug(o) || 'outlet';
    for (let k = 2; [...outletIds.values()].includes(oid); k++) oid = `${slug(o) || 'outlet'}-${k}`;
    outletIds.set(o, oid);
    const wire = corpus.articles.some((a) => a.outlet === o && a.wire === o);
    L.push(`  - { id: ${oid}, name: ${flowScalar(o)}, manifest: ${flowScalar(o)}${wire ? ', wire: true' : ''} }`);
  }
  L.push('', actors.length ? 'actors:' : 'actors: []');
  for (const a of actors) {
    L.push(...comment(`${a.mentions} mention${a.mentions === 1 ? '' : 's'} in ${a.articles} article${a.articles === 1 ? '' : 's'}`, '  '));
    L.push(`  - id: ${a.id}`);
    if (a.kind !== 'person') L.push(`    kind: ${a.kind}`);
    L.push(`    name: ${scalar(a.name)}`);
    if (a.role) L.push(`    role: ${scalar(a.role)}`);
    L.push(`    aliases: ${flowList(a.aliases.map((x) => (x.safeAlone ? x.text : x)))}`);
  }
  L.push('', claims.length ? 'claims:' : 'claims: []');
  for (const c of claims) {
    const lines = [c.outlets.length >= 2 ? `${c.outlets.length} outlets: ${c.outlets.join(', ')}; in ${c.langs.join(', ')}` : `single-source: only ${c.outlets[0]} reports it (${c.langs.join(', ')})`];
    for (const d of c.differs) lines.push(`figures differ: ${d}`);
    L.push(...comment(lines.join('\n'), '  '));
    L.push(`  - id: ${c.id}`, `    text: ${scalar(c.text)}`, `    kind: ${c.kind}`);
    const acts = Object.entries(c.actors);
    if (acts.length) L.push(`    actors: { ${acts.map(([k, v]) => `${k}: ${v}`).join(', ')} }`);
    const slots = Object.entries(c.slots);
    if (slots.length) {
      L.push('    slots:');
      for (const [name, s] of slots)
        L.push(`      ${name}: { type: ${s.type}, text: ${flowScalar(s.text)}${s.unit ? `, unit: ${flowScalar(s.unit)}` : ''}${s.actor ? `, actor: ${s.actor}` : ''} }`);
    }
    if (c.requires.length) L.push(`    requires: [${c.requires.join(', ')}]`);
    const cues = Object.entries(c.cues);
    if (cues.length) {
      L.push('    cues:');
      for (const [lang, words] of cues) L.push(`      ${lang}: ${flowList(words)}`);
    }
    const anchors = Object.entries(c.anchors);
    if (anchors.length) {
      L.push('    anchors:');
      for (const [lang, words] of anchors) L.push(`      ${lang}: ${flowList(words)}`);
    }
  }
  L.push('');
  if (positions.length) {
    L.push('positions:');
    for (const p of positions) {
      L.push(...comment(`from "${p.because}"`, '  '));
      L.push(`  - { claim: ${p.claim}, actor: ${p.actor}, position: ${p.position}${p.via && p.via !== p.claim ? `, via: ${p.via}` : ''} }`);
    }
  } else L.push('positions: []');
  return `${L.join('\n')}\n`;
}

function flowScalar(s: string): string {
  const plain = scalar(s);
  return plain.startsWith('"') || /[,()]/.test(s) ? JSON.stringify(s) : plain;
}
