// Packs drafted from the articles alone (`crosscheck pack draft`, no story file), scored on the
// held-out pages of their story: tests/fixtures/blind for the two bundled stories, and
// tests/fixtures/unseen/pages for a third story nobody here curated (its corpus is
// tests/fixtures/unseen/corpus). A drafted pack has its own claim ids, so a labelled sentence is
// found when some claim of the pack is matched in its paragraph (the claim is given, to read whether
// it is the right one). False matches: claims on the near misses; then, with every drafted pack
// installed, the claims on other events and ordinary text. `npm run quality -- --drafted` prints it.
import fs from 'node:fs';
import path from 'node:path';
import { compileCorpus } from '../../lib/compile/compiler';
import { draftStory } from '../../lib/draft/index';
import type { Pack } from '../../lib/pack/schema';
import { ScanEngine } from '../../lib/scan/engine';
import { bundledPacks, ROOT } from './corpus';
import { fixtureScores, loadFixtures, type Fixture, type FixtureScore } from './fixtures';

/** The corpus drafted and built, as `pack build` does for a folder without a story file. */
export function draftedPack(dir: string): Pack {
  const read = (f: string) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f)) : null);
  const manifestFile = path.join(dir, 'manifest.json');
  const manifest = fs.readFileSync(manifestFile);
  const { yaml } = draftStory({ dir, manifestFile, manifest, readArticle: read });
  const storyFile = `${dir}/story.yaml (draft)`;
  return compileCorpus({ manifestText: manifest.toString('utf8'), manifestFile, storyText: yaml, storyFile, readArticle: (f) => read(f)?.toString('utf8') ?? null }).pack;
}

/** Where an article tells something: its span. */
type Span = { article: string; start: number; end: number };

/** Whether some report of the drafted claim overlaps one of the spans that tell the labelled fact. */
function reportedAt(drafted: Pack, spansOf: (label: string) => readonly Span[]): (claim: string, label: string) => boolean {
  return (claim, label) => {
    const spans = spansOf(label);
    return drafted.reports.some((d) => d.claim === claim && spans.some((c) => c.article === d.article && c.start < d.end && d.start < c.end));
  };
}

/**
 * Whether a drafted claim is the curated claim a sentence is labelled with: some report of it, in
 * its own story's articles, overlaps a report of the curated claim. What a reader would call the
 * right claim, where "found" counts any claim of the pack in the sentence's paragraph.
 */
export function sameClaim(drafted: Pack, curated: Pack): (claim: string, label: string) => boolean {
  return reportedAt(drafted, (label) => curated.reports.filter((r) => r.claim === label));
}

/**
 * The same for a story with no curated pack: where its corpus reports each fact, as excerpts of
 * its articles (`facts.json`: "000: words the article writes"). An excerpt not in its article is
 * an error of the fixture, said as such.
 */
export function factClaim(drafted: Pack, factsFile: string): (claim: string, label: string) => boolean {
  const { facts } = JSON.parse(fs.readFileSync(factsFile, 'utf8')) as { facts: Record<string, string[]> };
  const spans = new Map<string, Span[]>();
  for (const [fact, excerpts] of Object.entries(facts)) {
    spans.set(
      fact,
      excerpts.map((x) => {
        const [, prefix, words] = /^(\d+): (.*)$/s.exec(x) ?? [];
        const article = drafted.articles.find((a) => a.file?.startsWith(prefix ?? '\u0000'));
        const start = article?.text.indexOf(words) ?? -1;
        if (!article || start < 0) throw new Error(`${factsFile}: ${fact}: "${x}" is not in its article`);
        return { article: article.id, start, end: start + words.length };
      }),
    );
  }
  return reportedAt(drafted, (label) => spans.get(label) ?? []);
}

export interface DraftedScores {
  /** `right`: the labelled sentences matched to the right claim, where the story's facts are known (sameClaim, factClaim). */
  pages: { story: string; fixture: Fixture; score: FixtureScore; right: FixtureScore | null; claims: number }[];
  /** Other events and ordinary text, every drafted pack installed: the claims shown there. */
  elsewhere: { fixture: Fixture; claims: { pack: string; id: string; text: string }[] }[];
  /** Every drafted pack installed. */
  engine: ScanEngine;
}

export function draftedScores(): DraftedScores {
  const blind = loadFixtures(path.join(ROOT, 'tests/fixtures/blind'));
  const stories = [
    { story: 'crocus', corpus: path.join(ROOT, 'assets/corpus/crocus-city-hall-attack-2024-03'), pages: blind.filter((f) => f.name.startsWith('crocus')) },
    { story: 'drone', corpus: path.join(ROOT, 'assets/corpus/putin-residence-claim-2025-12'), pages: blind.filter((f) => f.name.startsWith('drone')) },
    { story: 'unseen', corpus: path.join(ROOT, 'tests/fixtures/unseen/corpus'), pages: loadFixtures(path.join(ROOT, 'tests/fixtures/unseen/pages')).map((f) => ({ ...f, name: `unseen-${f.name}` })) },
  ];
  const packs = stories.map((s) => draftedPack(s.corpus));
  const curated = bundledPacks();
  const pages = stories.flatMap((s, i) => {
    const engine = ScanEngine.fromPacks([packs[i]]);
    const story = curated.find((p) => p.stories.some((x) => path.basename(s.corpus) === x.id));
    const facts = path.join(s.corpus, '..', 'facts.json');
    const right = story ? sameClaim(packs[i], story) : fs.existsSync(facts) ? factClaim(packs[i], facts) : null;
    return s.pages.map((fixture) => ({ story: s.story, fixture, score: fixtureScores(engine, fixture, () => true), right: right && fixtureScores(engine, fixture, right), claims: packs[i].claims.length }));
  });
  const all = ScanEngine.fromPacks(packs);
  const elsewhere = blind
    .filter((f) => /^(other|ordinary)-/.test(f.name))
    .map((fixture) => {
      const text = [...fixture.sentences.map((x) => x.text), ...fixture.nearMisses].join('\n\n');
      return { fixture, claims: all.scanText(text, { lang: fixture.lang }).claims.map((c) => ({ pack: c.pack, id: c.id, text: c.match.text })) };
    });
  return { pages, elsewhere, engine: all };
}
