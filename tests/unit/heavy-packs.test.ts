// Packs at and over the limits of what the engine carries (issue 12, item 6; docs/pack-format.md#limits):
// each is refused by validation with the limit and its JSON path, or validated, compiled, cached,
// restored and scanned with bounded work and a bounded result. Speed is measured in `npm run bench`,
// not asserted here: the timeouts are generous on a loaded machine, and the code before the fix took
// 20 to 60 s on each of these (quadratic building and restoring, every claim of a flood scored and
// reported for every sentence).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlToText } from '../../lib/extract/html';
import { ActorMatcher, aliasWords } from '../../lib/match/actors';
import { analyseSentence, ClaimIndex, MATCH_LIMITS } from '../../lib/match/claims';
import { LIMITS, type Claim, type Pack } from '../../lib/pack/schema';
import { formatProblem, validatePack } from '../../lib/pack/validate';
import { SCAN_LIMITS, ScanEngine, type ScanResult } from '../../lib/scan/engine';
import { bundledPack, ROOT } from '../helpers/corpus';

// The shapes of ../shared/checks/security.mjs (part 1b), made the same way.
const base = { format: 1, version: 1, createdAt: '2026-01-01T00:00:00Z', publisher: 'Check', title: 'Heavy', stories: [{ id: 's', title: 's' }] } as const;
// Three words of its own (drone, lakeside, residence): a match of it is strong, shown on any page.
const SENTENCE = 'Officials said the drone attack hit the lakeside residence near the city on Monday.';
const claimOf = (i: number, extra: Partial<Claim> = {}): Claim => ({ id: `c${i}`, story: 's', text: SENTENCE, kind: 'event', actors: [], slots: [], cues: {}, anchors: {}, requires: [], ...extra });
const pack = (id: string, p: Partial<Pack>): Pack => ({ ...base, id, outlets: [], articles: [], actors: [], claims: [], reports: [], positions: [], ...p }) as Pack;

function claimsFlood(): Pack {
  return pack('heavy-claims', { claims: Array.from({ length: 50_000 }, (_, i) => claimOf(i)) });
}
function reportsFlood(): Pack {
  const articles = Array.from({ length: 16_000 }, (_, i) => ({ id: `a${i}`, outlet: 'o', via: null, title: 't', published: null, language: 'en', text: SENTENCE }));
  const claims = Array.from({ length: 15 }, (_, i) => claimOf(i));
  const reports = claims.flatMap((c) => articles.map((a) => ({ claim: c.id, article: a.id, stance: 'corroborates' as const, start: 0, end: 14, quote: 'Officials said', differences: [] })));
  return pack('heavy-reports', { outlets: [{ id: 'o', name: 'O', domain: null, wire: false }], articles, claims, reports });
}
function longAliases(): Pack {
  let w = 0;
  const actors = Array.from({ length: 500 }, (_, a) => ({
    id: `p${a}`,
    kind: 'person' as const,
    name: `Name${a}`,
    aliases: Array.from({ length: 200 }, () => {
      const words: string[] = [];
      let len = 0;
      while (len < 270) {
        const s = `w${(w++).toString(36)}`;
        words.push(s);
        len += s.length + 1;
      }
      return words.join(' ');
    }),
  }));
  return pack('heavy-aliases', { actors });
}
/** The page of the check: 200 paragraphs, each the sentence and "Item i.". */
const PAGE_HTML = `<!doctype html><html lang="en"><head><meta charset="utf-8"></head><body><article>${Array.from({ length: 200 }, (_, i) => `<p>${SENTENCE} Item ${i}.</p>`).join('')}</article></body></html>`;
const PAGE = htmlToText(PAGE_HTML).text;
/** A sentence of the bundled story, 40 times: it states the claim "drone-attack". */
const STORY_SENTENCE = 'Lavrov claimed Ukraine had sent 91 drones against the presidential residence in the Novgorod region.';
const STORY_PAGE = Array(40).fill(STORY_SENTENCE).join('\n');

const problems = (p: unknown) => {
  const r = validatePack(p);
  return r.ok ? [] : r.problems.map(formatProblem);
};
const matchCount = (r: ScanResult) => r.claims.reduce((n, c) => n + c.matches.length, 0);
/** Letters only: digits would be words of their own, which the matcher ignores. */
const letters = (i: number) => {
  let s = '';
  do {
    s += String.fromCharCode(97 + (i % 26));
    i = Math.floor(i / 26);
  } while (i);
  return s;
};
/** A made-up word, a term of its own (no ending that stemming would take off). */
const word = (i: number) => `zq${letters(i)}x`;

describe('claims that share their words', { timeout: 30_000 }, () => {
  it('50,000 claims alike: refused, naming the limit, the first claim over it and the claim they repeat', () => {
    expect(problems(claimsFlood())).toEqual([
      `claims[${LIMITS.alikeClaims}]: 50000 claims have the same words, actors and values as claims[0] ("c0"); the limit is ${LIMITS.alikeClaims}, as a sentence that states one states them all`,
    ]);
  });

  it('as many alike claims as a sentence can report are valid', () => {
    expect(LIMITS.alikeClaims).toBeLessThanOrEqual(MATCH_LIMITS.claimsPerSentence);
    expect(problems(pack('alike', { claims: Array.from({ length: LIMITS.alikeClaims }, (_, i) => claimOf(i)) }))).toEqual([]);
    // Told apart by a value, an actor or a cue, claims are not alike.
    const apart = [claimOf(0), claimOf(1, { slots: [{ name: 'n', type: 'count', text: '91 drones', value: 91, unit: 'drone' }] }), claimOf(2, { cues: { en: ['strike'] } })];
    expect(problems(pack('apart', { claims: [...apart, ...Array.from({ length: LIMITS.alikeClaims - 1 }, (_, i) => claimOf(i + 3))] }))).toEqual([]);
  });

  it('10,000 claims told apart only by a value: valid; a sentence states the 32 best, a scan reports the 2,000 best', () => {
    // Three claims state the page's sentence word for word; 9,997 add words every one of them has.
    const claims = Array.from({ length: 10_000 }, (_, i) =>
      i % 4_000 === 7 ? claimOf(i) : claimOf(i, { text: `${SENTENCE} Witnesses said so.`, slots: [{ name: 'n', type: 'count', text: `${i} drones`, value: i, unit: 'drone' }] }),
    );
    const p = pack('heavy-alike', { claims });
    expect(problems(p)).toEqual([]);
    const engine = ScanEngine.fromPacks([p]);
    const r = engine.scanText(PAGE);
    expect(r.stats.truncated).toBe(true);
    expect(matchCount(r)).toBe(SCAN_LIMITS.matchesPerScan);
    // The best-scoring are kept: the three exact claims, on every one of the 200 sentences.
    const exact = r.claims.filter((c) => ['c7', 'c4007', 'c8007'].includes(c.id));
    expect(exact.map((c) => [c.id, c.matches.length, c.score])).toEqual(
      expect.arrayContaining([['c7', 200, 1], ['c4007', 200, 1], ['c8007', 200, 1]]),
    );
    const perSentence = new Map<number, number>();
    for (const c of r.claims) for (const m of c.matches) perSentence.set(m.start, (perSentence.get(m.start) ?? 0) + 1);
    expect(Math.max(...perSentence.values())).toBeLessThanOrEqual(MATCH_LIMITS.claimsPerSentence);
    expect(r.claims.length).toBeLessThanOrEqual(SCAN_LIMITS.matchesPerScan);
    // The result, as `scan --json` prints it, stays small (it was over 512 MB: "Invalid string length").
    expect(JSON.stringify(r, null, 1).length).toBeLessThan(4 * 1024 * 1024);
    // Restored from its cache, the engine gives the same.
    expect(ScanEngine.restore([p], structuredClone(engine.cache())).scanText(PAGE)).toEqual(r);
  });

  it('the claims\' terms in all: refused over the limit, naming it', () => {
    // 18,000 claims of 58 terms each: 57 they share and one their own, 1,044,000 in all.
    const shared = Array.from({ length: 57 }, (_, i) => word(100_000 + i)).join(' ');
    const claims = Array.from({ length: 18_000 }, (_, i) => claimOf(i, { text: `${shared} ${word(i)}` }));
    const [first, ...rest] = problems(pack('wide', { claims }));
    expect(first).toBe(`claims: 1044000 terms in the claims' statements and cues in all (the distinct words of each claim); the limit is ${LIMITS.claimTerms} per pack`);
    expect(rest).toEqual([]);
    expect(problems(pack('wide', { claims: claims.slice(0, 16_000) }))).toEqual([]);
  });

  it("one pack's alike claims do not crowd another pack's out of a sentence or a scan", () => {
    const bundled = bundledPack();
    const flood = pack('crowd', {
      actors: bundled.actors,
      // The page's sentence word for word: each scores 1, more than the bundled claim does there.
      claims: Array.from({ length: 3_000 }, (_, i) => claimOf(i, { text: STORY_SENTENCE, slots: [{ name: 'n', type: 'count', text: `${1000 + i} drones`, value: 1000 + i, unit: 'drone' }] })),
    });
    expect(problems(flood)).toEqual([]);
    const alone = ScanEngine.fromPacks([bundled]).scanText(STORY_PAGE);
    const both = ScanEngine.fromPacks([bundled, flood]).scanText(STORY_PAGE);
    expect(both.stats.truncated).toBe(true);
    const mine = (r: ScanResult) => r.claims.filter((c) => c.pack === bundled.id).map((c) => [c.id, c.matches.length]);
    expect(mine(alone)).toContainEqual(['drone-attack', 40]);
    expect(both.claims.find((c) => c.pack === 'crowd')?.score).toBe(1);
    expect(both.claims.find((c) => c.id === 'drone-attack')!.score).toBeLessThan(1);
    expect(mine(both)).toContainEqual(['drone-attack', 40]);
    expect(both.claims.filter((c) => c.pack === 'crowd').reduce((n, c) => n + c.matches.length, 0)).toBe(40 * MATCH_LIMITS.claimsPerSentence);
  });

  it('a sentence that could state hundreds of claims states the best-scoring, best first', () => {
    // 300 claims over the same words, each with a word of its own that the sentence has or not.
    const claims = Array.from({ length: 300 }, (_, i) => claimOf(i, { text: `Officials said the drone attack hit the residence, ${word(i)} said.`, cues: { en: [word(i)] } }));
    const index = new ClaimIndex(claims, new ActorMatcher([]));
    const own = claims.slice(0, 40).map((_, i) => word(i));
    const info = { truncated: false };
    const got = index.match(analyseSentence(`Officials said the drone attack hit the residence, ${own.join(' ')} said.`, new ActorMatcher([])), info);
    expect(got).toHaveLength(MATCH_LIMITS.claimsPerSentence);
    expect(info.truncated).toBe(true);
    // Every claim whose own word the sentence has outscores those without; among those, ties by id.
    const scores = got.map((m) => m.score);
    expect([...scores].sort((a, b) => b - a)).toEqual(scores);
    const withOwn = claims.slice(0, 40).map((c) => c.id).sort().slice(0, MATCH_LIMITS.claimsPerSentence);
    expect(got.map((m) => m.claim.id)).toEqual(withOwn);
  });
});

describe('a flood of reports', { timeout: 30_000 }, () => {
  it('240,000 reports: built and restored in one pass, every report a source of its claim', () => {
    const p = reportsFlood();
    expect(problems(p)).toEqual([]);
    const engine = ScanEngine.fromPacks([p]);
    const restored = ScanEngine.restore([p], structuredClone(engine.cache()));
    for (const e of [engine, restored]) {
      const r = e.scanText(PAGE);
      expect(r.claims).toHaveLength(15);
      for (const c of r.claims) {
        expect(c.sources).toHaveLength(16_000);
        expect(c.summary).toBe('Reported alike by 1 outlet');
        expect(c.verdict).toBe('corroborated');
      }
      expect(r.claims[0].sources[15_999]).toMatchObject({ articleId: 'a15999', outletId: 'o', outlet: 'O', quote: 'Officials said', stance: 'corroborates' });
    }
  });
});

describe('names and aliases', { timeout: 30_000 }, () => {
  it('100,000 aliases of 280 characters: refused by the words in all, and each alias by its own words', () => {
    const p = longAliases();
    const words = p.actors.reduce((n, a) => n + aliasWords(a.name).length + a.aliases.reduce((m, x) => m + aliasWords(x as string).length, 0), 0);
    const got = problems(p);
    expect(got[0]).toBe(`actors: ${words} words in the actors' names and aliases in all; the limit is ${LIMITS.aliasWords} per pack`);
    expect(got[1]).toBe(`actors[0].aliases[0]: ${aliasWords(p.actors[0].aliases[0] as string).length} words; a name or alias may have at most ${LIMITS.wordsPerAlias}`);
  });

  it('a name or alias of 25 words is refused where it is; of 24, valid', () => {
    const name = (n: number) => Array.from({ length: n }, (_, i) => `w${letters(i)}`).join(' ');
    const p = pack('names', { actors: [{ id: 'a', kind: 'organisation', name: name(25), aliases: ['A', { text: name(25), safeAlone: true }, name(24)] }] });
    expect(problems(p)).toEqual([
      'actors[0].name: 25 words; a name or alias may have at most 24',
      'actors[0].aliases[1].text: 25 words; a name or alias may have at most 24',
    ]);
  });

  it('a pack at the words limit (24-word aliases) is compiled, cached, restored and scanned', () => {
    let k = 0;
    const actors = Array.from({ length: 84 }, (_, a) => ({
      id: `p${a}`,
      kind: 'person' as const,
      name: `N${letters(a)}`,
      aliases: Array.from({ length: 198 }, () => Array.from({ length: 24 }, () => `w${letters(k++)}`).join(' ')),
    }));
    const p = pack('deep', { actors });
    const words = actors.reduce((n, a) => n + 1 + a.aliases.length * 24, 0);
    expect(words).toBeLessThanOrEqual(LIMITS.aliasWords);
    expect(words).toBeGreaterThan(LIMITS.aliasWords - 1_000);
    expect(problems(p)).toEqual([]);
    const engine = ScanEngine.fromPacks([p]);
    const last = actors[83].aliases[197];
    const text = `${PAGE}\nWe met ${last} and N${letters(0)} today.`;
    const r = engine.scanText(text);
    expect(r.actors.map((a) => [a.id, a.mentions[0].text])).toEqual([['p83', last], ['p0', `N${letters(0)}`]]);
    expect(ScanEngine.restore([p], structuredClone(engine.cache())).scanText(text)).toEqual(r);
  });
});

// The command line as ../shared/checks/security.mjs runs it: each pack refused by `scan --pack` with
// its limit (exit 1, one clear line, no stack trace), or scanned.
describe('npx crosscheck scan --pack, with the heavy packs', { timeout: 120_000 }, () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-heavy-'));
  const page = path.join(tmp, 'page.html');
  fs.writeFileSync(page, PAGE_HTML);
  const run = (p: Pack) => {
    const f = path.join(tmp, `${p.id}.json`);
    fs.writeFileSync(f, JSON.stringify(p));
    const r = spawnSync(process.execPath, [path.join(ROOT, 'scripts/crosscheck.mjs'), 'scan', page, '--pack', f, '--json'], { cwd: ROOT, encoding: 'utf8', timeout: 60_000, maxBuffer: 256 * 1024 * 1024 });
    return { code: r.status, stdout: r.stdout, stderr: r.stderr, file: f };
  };

  it.each([
    ['claims', claimsFlood, /claims\[32\]: 50000 claims have the same words, actors and values as claims\[0\] \("c0"\); the limit is 32/],
    ['aliases', longAliases, /actors: \d+ words in the actors' names and aliases in all; the limit is 400000 per pack/],
  ] as const)('the %s flood: refused with the limit and its path', (_, make, message) => {
    const r = run(make());
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(message);
    expect(r.stderr).not.toMatch(/^\s+at |internal error/m);
  });

  it('the reports flood: scanned, 15 claims of 16,000 sources each', () => {
    const r = run(reportsFlood());
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout) as ScanResult;
    expect(result.claims.map((c) => c.sources.length)).toEqual(Array(15).fill(16_000));
  });
});
