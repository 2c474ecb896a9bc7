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
import { ROOT } from './corpus';
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

export interface DraftedScores {
  pages: { story: string; fixture: Fixture; score: FixtureScore; claims: number }[];
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
  const pages = stories.flatMap((s, i) => {
    const engine = ScanEngine.fromPacks([packs[i]]);
    return s.pages.map((fixture) => ({ story: s.story, fixture, score: fixtureScores(engine, fixture, () => true), claims: packs[i].claims.length }));
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
