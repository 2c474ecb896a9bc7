// `crosscheck pack draft` (lib/draft): a story file from the articles alone, deterministic, that
// the compiler accepts; bad corpora refused with one line naming the file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../lib/compile/compiler';
import { parseStory } from '../../lib/compile/story';
import { DraftError, draftStory, type DraftInput } from '../../lib/draft/index';
import { sameNameWord } from '../../lib/draft/actors';
import { decodeText } from '../../lib/draft/corpus';

const CORPUS = path.resolve(__dirname, '../../assets/corpus');

function input(dir: string): DraftInput {
  const manifestFile = path.join(dir, 'manifest.json');
  return {
    dir,
    manifestFile,
    manifest: fs.existsSync(manifestFile) ? fs.readFileSync(manifestFile) : null,
    readArticle: (f) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f)) : null),
  };
}

describe('pack draft', () => {
  const dir = path.join(CORPUS, 'crocus-city-hall-attack-2024-03');
  const draft = draftStory(input(dir));
  const story = parseStory(draft.yaml, 'draft.yaml');

  it('writes a story file the compiler builds, the same bytes each time', () => {
    expect(draftStory(input(dir)).yaml).toBe(draft.yaml);
    const { pack } = compileCorpus({
      manifestText: fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
      manifestFile: 'manifest.json',
      storyText: draft.yaml,
      storyFile: 'draft.yaml',
      readArticle: (f) => fs.readFileSync(path.join(dir, f), 'utf8'),
    });
    expect(pack.claims.length).toBeGreaterThan(15);
    expect(draft.stats.multiOutlet).toBeGreaterThanOrEqual(15);
  });

  it('finds actors with their spellings in three languages, first names not safe alone', () => {
    const putin = story.actors.find((a) => /Putin/.test(a.name))!;
    const texts = putin.aliases.map((x) => (typeof x === 'string' ? x : x.text));
    expect(texts).toEqual(expect.arrayContaining(['Putin', 'Путин', 'Путін']));
    expect(putin.aliases).toContainEqual({ text: 'Vladimir', safeAlone: false });
    expect(story.actors.find((a) => /Peskov/.test(a.name))?.role).toBe('Kremlin spokesman');
    expect(story.actors.find((a) => a.name === 'FSB')?.kind).toBe('organisation');
  });

  it('keeps the figure most outlets give and says which differ', () => {
    expect(draft.yaml).toMatch(/figures differ: .*115 .*133 |figures differ: .*133 .*115 /);
  });

  it(`writes a claim of one fact each: a lead's second figure is a claim of its own, both figures of "11 people, including the four gunmen" required`, () => {
    const detained = story.claims.find((c) => /detained 11 people, including all four gunmen\.$/.test(c.text));
    expect(detained?.requires).toEqual(['people', 'gunmen']);
    expect(detained?.anchors ?? {}).toEqual({});
    expect(story.claims.some((c) => c.text !== detained?.text && /that killed at least 133 people\.$/.test(c.text))).toBe(true);
    // Appositions no other outlet repeats are left out; datelines too.
    expect(story.claims.some((c) => c.text === 'Islamic State has claimed the attack on Crocus City Hall in Krasnogorsk through its Amaq news agency.')).toBe(true);
    expect(story.claims.every((c) => !/^[A-Z]{3,},/.test(c.text))).toBe(true);
  });

  it(`gives concept groups from the corpus: the language's denial verbs, names across scripts, words the outlets swap`, () => {
    expect(story.concepts.deny).toEqual(expect.arrayContaining(['denied', 'reject*', 'відкида*', 'отверг*']));
    expect(story.concepts.krasnogorsk).toEqual(expect.arrayContaining(['krasnogorsk', 'красногорск*', 'красногорськ*']));
    expect(story.concepts.picnic).toEqual(expect.arrayContaining(['picnic', 'пикник*', 'пікнік*']));
    expect(Object.values(story.concepts).some((ws) => ws.includes('scum') && ws.includes('thugs'))).toBe(true);
    // Common words' cognates are every story's: not folded.
    expect(Object.values(story.concepts).flat()).not.toContain('president');
  });

  it('folds a name across scripts by its consonants, and keeps common abbreviations out', () => {
    const watson = story.actors.find((a) => a.name === 'Adrienne Watson')!;
    expect(watson.aliases.map((x) => (typeof x === 'string' ? x : x.text))).toEqual(expect.arrayContaining(['Уотсон', 'Вотсон']));
    expect(story.actors.some((a) => a.name === 'ЗМІ')).toBe(false);
  });

  it('folds spellings by their letters', () => {
    for (const [a, b] of [['Zelenskiy', 'Zelenskyy'], ['Zelensky', 'Зеленського'], ['Peskov', 'Пєсков'], ['Putin', 'Путіна'], ['Watson', 'Уотсон'], ['Watson', 'Вотсон']]) expect(sameNameWord(a, b), `${a} ~ ${b}`).toBe(true);
    for (const [a, b] of [['Putin', 'Путь'], ['Lavrov', 'Lavrentiy']]) expect(sameNameWord(a, b), `${a} !~ ${b}`).toBe(false);
  });
});

describe('pack draft, the bundled story', () => {
  const dir = path.join(CORPUS, 'putin-residence-claim-2025-12');
  const story = parseStory(draftStory(input(dir)).yaml, 'draft.yaml');
  it('reads a count up to its noun, and gives the denial and lie groups the corpus uses', () => {
    expect(story.claims.some((c) => Object.values(c.slots).some((x) => typeof x !== 'string' && x.type === 'count' && x.text === '91 long-range drones'))).toBe(true);
    expect(Object.keys(story.concepts)).toEqual(expect.arrayContaining(['deny', 'lie']));
  });
});

describe('bad corpora', () => {
  it('refuses a folder without manifest, naming the file', () => {
    expect(() => draftStory({ dir: 'x', manifestFile: 'x/manifest.json', manifest: null, readArticle: () => null })).toThrow(/x\/manifest\.json: no manifest\.json/);
  });
  it('refuses a missing article and one that is not UTF-8, with its line', () => {
    const manifest = Buffer.from(JSON.stringify({ story: 'x', articles: [{ file: '000_a.txt', outlet: 'A', language: 'en' }] }));
    expect(() => draftStory({ dir: 'x', manifestFile: 'x/manifest.json', manifest, readArticle: () => null })).toThrow(/000_a\.txt not found/);
    expect(() => decodeText(Buffer.from([0x61, 0x0a, 0xff, 0xfe]), 'a.txt')).toThrow(DraftError);
    expect(() => decodeText(Buffer.from([0x61, 0x0a, 0xff, 0xfe]), 'a.txt')).toThrow(/a\.txt:2: not UTF-8/);
  });
  it('drafts a single outlet, saying nothing is corroborated', () => {
    const d = draftStory(input(path.resolve(__dirname, '../fixtures/draft/one-outlet')));
    expect(d.warnings.join(' ')).toMatch(/nothing is corroborated/);
    expect(d.yaml).toMatch(/single-source/);
    parseStory(d.yaml, 'one.yaml');
  });
});
