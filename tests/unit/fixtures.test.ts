// The labelled fixtures, scored as pages with both bundled packs installed (tests/helpers/fixtures.ts):
// what other outlets would write about each story in three languages, and other events of the war
// with the same people and places. `npm run quality` prints the same scores as a table.
import { describe, expect, it } from 'vitest';
import { ScanEngine } from '../../lib/scan/engine';
import { bundledPacks } from '../helpers/corpus';
import { fixtureScores, loadFixtures } from '../helpers/fixtures';

const packs = bundledPacks();
const engine = ScanEngine.fromPacks(packs);
const fixtures = loadFixtures();
// The least share of labelled sentences found, by fixture: today's figures, rounded down.
const RECALL: Record<string, number> = { en: 0.85, ru: 0.7, uk: 0.75 };

describe('the labelled fixtures, both packs installed', () => {
  it('ships both stories', () => {
    expect(packs.map((p) => p.stories[0].id).sort()).toEqual(['crocus-city-hall-attack-2024-03', 'putin-residence-claim-2025-12']);
  });

  for (const fx of fixtures) {
    it(`${fx.name}: ${fx.sentences.length ? `finds the claims of at least ${RECALL[fx.lang] * 100}% of the sentences, and ` : ''}no claim on a near miss`, () => {
      const r = fixtureScores(engine, fx);
      if (r.labelled) expect(r.found / r.labelled, `missed: ${r.missed.map((m) => m.claim).join(', ')}`).toBeGreaterThanOrEqual(RECALL[fx.lang]);
      expect(r.falseMatches).toEqual([]);
    });
  }

  it('gives the verdict an English page of a differing figure gets', () => {
    const fx = fixtures.filter((f) => f.lang === 'en');
    const wrong = fx.flatMap((f) => fixtureScores(engine, f).wrongVerdicts);
    expect(wrong).toEqual([]);
  });

  it("finds none of the other story's claims in either story's articles", () => {
    for (const p of packs) {
      for (const a of p.articles) {
        const other = engine.scanText(a.text, { lang: a.language ?? 'en' }).claims.filter((c) => c.pack !== p.id);
        expect(other.map((c) => `${a.file}: ${c.id}`)).toEqual([]);
      }
    }
  });
});
