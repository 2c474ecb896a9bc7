// lib/present: what the card and the popup show at a glance, worked out without the DOM. Each test
// is of something a reader sees: which passages are shown once, which words are marked, how the
// verdicts are counted, how outlets are named, whether the marks' colours read on any page.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  BACKGROUNDS,
  MARK,
  STANCE_TEXT,
  alike,
  chipLabel,
  claimsCoverage,
  contrast,
  diffWords,
  emphasise,
  groupName,
  groupPassages,
  mergeSpans,
  nameList,
  orderClaims,
  packCoverage,
  quietHighlightCss,
  reportedBy,
  sentenceShare,
  verdictCounts,
  words,
} from '@/lib/present';
import type { ScanClaim, ScanSource } from '@/lib/scan/engine';

const WIRE = 'Lavrov said Ukraine had tried to attack the residence on December 28-29 with 91 long-range drones which were all destroyed.';

function source(over: Partial<ScanSource>): ScanSource {
  return { outlet: 'Reuters', outletId: 'reuters', article: 'a.txt', articleId: 'a1', title: 'T', stance: 'corroborates', quote: WIRE, differences: [], differing: [], ...over };
}

const wire = [
  source({ outlet: 'Daily Maverick', outletId: 'dm', articleId: 'a0', quote: WIRE.replace('December 28-29', '28-29 December') }),
  source({ outlet: 'Reuters', outletId: 'reuters', articleId: 'a1' }),
  source({ outlet: 'Condensed', outletId: 'cr', articleId: 'a2', quote: WIRE.replace('had tried to attack', 'attempted to attack') }),
  source({ outlet: 'US copy', outletId: 'us', articleId: 'a3', quote: WIRE.replace('which were all', 'all of them') }),
  source({ outlet: 'RFE/RL', outletId: 'rferl', articleId: 'a4', quote: 'In a statement on Telegram, Lavrov claimed that Ukraine used 91 drones in a "terrorist attack".' }),
];

const marked = (quote: string, spans: { start: number; end: number }[]) => spans.map((s) => quote.slice(s.start, s.end));

describe('words compared', () => {
  it('reads words with their offsets, curly apostrophes and dashes made plain', () => {
    expect(words('Putin’s residence, 28–29 December.').map((w) => w.norm)).toEqual(["putin's", 'residence', '28-29', 'december']);
    expect(words('a 1,000 b').map((w) => [w.start, w.end])).toEqual([
      [0, 1],
      [2, 7],
      [8, 9],
    ]);
  });

  it('marks the words of one passage that are not in the other, adjacent ones as one span', () => {
    const b = 'Ukraine launched 91 long-range drones at the residence.';
    const d = diffWords('Ukraine launched 89 drones at the residence.', b);
    expect(marked(b, d.differing)).toEqual(['91 long-range']);
    expect(d.similarity).toBeCloseTo((2 * 6) / (7 + 8), 5);
  });

  it('counts identical passages as alike (1) and unrelated ones as not (0)', () => {
    expect(diffWords(WIRE, WIRE)).toEqual({ similarity: 1, differing: [] });
    expect(diffWords('one two three', 'four five six').similarity).toBe(0);
  });

  it('does not compare passages too long to compare word by word', () => {
    const long = 'word '.repeat(400);
    expect(diffWords(long, long)).toEqual({ similarity: 0, differing: [] });
  });

  it('merges overlapping spans and drops those outside the text', () => {
    expect(
      mergeSpans(
        [
          { start: 5, end: 9 },
          { start: 0, end: 3 },
          { start: 2, end: 4 },
          { start: 8, end: 20 },
        ],
        10,
      ),
    ).toEqual([
      { start: 0, end: 4 },
      { start: 5, end: 9 },
    ]);
  });

  it("prefers, among claims a sentence states equally well, the one whose words account for more of it", () => {
    const sentence = 'Lavrov said Ukraine had tried to attack Putin’s residence in the Novgorod region on December 28-29 with 91 long-range drones.';
    const specific = sentenceShare("Sergei Lavrov said Ukraine attacked Putin's residence in the Novgorod region with 91 drones on December 28-29.", sentence);
    const general = sentenceShare("Russia accused Ukraine of trying to attack President Vladimir Putin's residence.", sentence);
    expect(specific).toBeGreaterThan(general);
  });
});

describe('passages grouped for the first view', () => {
  it('shows the four wire copies once, led by the copy most alike to the rest, and RFE/RL on its own', () => {
    const groups = groupPassages(wire, 'Lavrov claimed Ukraine sent 91 drones against the residence.');
    expect(groups.map((g) => [g.lead.outlet, g.alike.map((a) => a.outlet)])).toEqual([
      ['Reuters', ['Daily Maverick', 'Condensed', 'US copy']],
      ['RFE/RL', []],
    ]);
    expect(groups.every((g) => !g.sameAsPage)).toBe(true);
  });

  it('never groups passages of different stances or different figures', () => {
    const other = source({ outletId: 'x', articleId: 'a5', quote: WIRE.replace('91', '98') });
    const differs = source({ outletId: 'y', articleId: 'a6', stance: 'differs' });
    expect(alike(wire[1], other)).toBe(false);
    expect(alike(wire[1], differs)).toBe(false);
    const groups = groupPassages([wire[1], other, differs], '');
    expect(groups.map((g) => g.lead.articleId)).toEqual(['a6', 'a1', 'a5']);
  });

  it("says when a group repeats the page's own sentence, and marks nothing in it", () => {
    const [g] = groupPassages(wire.slice(0, 4), WIRE);
    expect(g.sameAsPage).toBe(true);
    expect(g.differing).toEqual([]);
  });

  it("marks a passage's words that differ from the page, with the engine's differing values", () => {
    const page = WIRE.replace('91', '89');
    const [g] = groupPassages([source({ differing: [{ start: WIRE.indexOf('91'), end: WIRE.indexOf('91') + 2 }] })], page);
    expect(g.sameAsPage).toBe(false);
    expect(marked(g.lead.quote, g.differing)).toEqual(['91']);
    // A passage worded its own way: only the engine's values, not every word.
    const own = source({ quote: wire[4].quote, differing: [{ start: wire[4].quote.indexOf('91'), end: wire[4].quote.indexOf('91') + 9 }] });
    expect(marked(own.quote, groupPassages([own], page)[0].differing)).toEqual(['91 drones']);
  });

  it('names a group by its lead and how many more', () => {
    expect(groupName('Reuters', 0)).toBe('Reuters');
    expect(groupName('Reuters', 1, 'AP')).toBe('Reuters and AP');
    expect(groupName('Reuters', 3, 'AP')).toBe('Reuters and 3 more');
  });
});

describe('verdicts and stances in words', () => {
  const claims = (verdicts: ScanClaim['verdict'][]) => verdicts.map((verdict, i) => ({ verdict, i }));

  it('counts the verdicts, most telling first, leaving out those that do not occur', () => {
    expect(verdictCounts(claims(['corroborated', 'disputed', 'contradicted', 'corroborated', 'disputed'])).map((c) => c.text)).toEqual([
      '1 contradicted',
      '2 disputed',
      '2 corroborated',
    ]);
    expect(verdictCounts([])).toEqual([]);
  });

  it('orders claims contradicted, disputed, reported differently, corroborated, otherwise as found', () => {
    expect(orderClaims(claims(['corroborated', 'mixed', 'disputed', 'contradicted', 'disputed'])).map((c) => c.i)).toEqual([3, 2, 4, 1, 0]);
  });

  it('says how many outlets reported a claim, and how many do not agree', () => {
    expect(reportedBy(wire)).toBe('Reported by 5 outlets');
    expect(reportedBy([wire[0], { ...wire[1], stance: 'contradicts' }, { ...wire[2], stance: 'differs' }])).toBe('Reported by 3 outlets: 1 agrees, 1 differs, 1 contradicts');
    // Two articles of one outlet are one outlet.
    expect(reportedBy([wire[1], { ...wire[1], articleId: 'a9' }])).toBe('Reported by 1 outlet');
  });

  it('names outlets short enough for a chip', () => {
    expect(chipLabel('Reuters')).toBe('Reuters');
    expect(chipLabel('Unidentified outlet (condensed Reuters rewrite)')).toBe('condensed Reuters rewrite');
    expect(chipLabel('The Extraordinarily Long Name Of A Newspaper')).toBe('The Extraordinarily L…');
  });

  it('cuts lists of names short', () => {
    expect(nameList(['A', 'B', 'C'])).toBe('A, B, C');
    expect(nameList(['A', 'B', 'C', 'D', 'E'])).toBe('A, B, +3');
  });

  it("sets a conflict's figures apart in its note", () => {
    expect(emphasise('This page says 89 drones; Reuters and 4 more say 91 drones', ['89 drones', '91 drones'])).toEqual([
      { text: 'This page says ', value: false },
      { text: '89 drones', value: true },
      { text: '; Reuters and 4 more say ', value: false },
      { text: '91 drones', value: true },
    ]);
    expect(emphasise('no figures here', ['', '7'])).toEqual([{ text: 'no figures here', value: false }]);
  });
});

describe('coverage: who reported what', () => {
  const claim = (id: string, sources: ScanSource[]) => ({ pack: 'p', id, text: `Claim ${id}`, sources });

  it('is a row per outlet and a cell per claim: the stance, or empty where the outlet did not report it', () => {
    const grid = claimsCoverage([claim('a', [wire[0], { ...wire[1], stance: 'contradicts' }]), claim('b', [{ ...wire[1], stance: 'differs' }])]);
    expect(grid.outlets.map((o) => [o.name, o.reported])).toEqual([
      ['Daily Maverick', 1],
      ['Reuters', 2],
    ]);
    expect(grid.cells).toEqual([
      ['corroborates', null],
      ['contradicts', 'differs'],
    ]);
    expect(grid.alt).toBe('Who reported what: 2 claims by 2 outlets. Daily Maverick reported 1 of 2 (1 agree); Reuters reported 2 of 2 (1 differ, 1 contradict).');
  });

  it("shows an outlet's strongest disagreement when several of its articles report a claim", () => {
    const grid = claimsCoverage([claim('a', [wire[1], { ...wire[1], articleId: 'a9', stance: 'differs' }])]);
    expect(grid.cells).toEqual([['differs']]);
  });

  it("pictures an installed pack from its JSON: the bundled pack's claims by its outlets; anything else is no picture", () => {
    const json = fs.readFileSync(path.join(__dirname, '../../assets/packs/putin-residence-claim-2025-12.json'), 'utf8');
    const pack = JSON.parse(json);
    const grid = packCoverage(json)!;
    expect(grid.claims.map((c) => c.key)).toEqual(pack.claims.map((c: { id: string }) => c.id));
    expect(grid.outlets.map((o) => o.name)).toEqual(expect.arrayContaining(['Reuters', 'RFE/RL']));
    const reported = grid.cells.flat().filter((x) => x !== null).length;
    expect(reported).toBeGreaterThan(grid.claims.length);
    expect(packCoverage('not json')).toBeNull();
    expect(packCoverage('{"claims": []}')).toBeNull();
  });

  it('says so when no outlet reported the claims', () => {
    expect(claimsCoverage([claim('a', [])]).alt).toBe('No outlet reported these claims.');
  });
});

describe('colours', () => {
  it('keeps every mark at 3:1 or more against light and dark pages (WCAG non-text contrast)', () => {
    for (const [kind, m] of Object.entries(MARK))
      for (const bg of [...BACKGROUNDS.light, ...BACKGROUNDS.dark]) expect(contrast(m.colour, bg), `${kind} on ${bg}`).toBeGreaterThanOrEqual(3);
  });

  it('tells the marks apart without colour: a line style each', () => {
    expect(new Set(Object.values(MARK).map((m) => m.line)).size).toBe(Object.keys(MARK).length);
    expect(quietHighlightCss()).toContain('::highlight(crosscheck-contradicted) { text-decoration: underline wavy');
    expect(quietHighlightCss()).not.toMatch(/background/);
  });

  it('keeps stance text at 4.5:1 on the card and popup backgrounds', () => {
    for (const [scheme, colours] of Object.entries(STANCE_TEXT))
      for (const bg of BACKGROUNDS[scheme as 'light' | 'dark'].filter((b) => b !== '#000000'))
        for (const [stance, c] of Object.entries(colours)) expect(contrast(c, bg), `${stance} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });

  it('computes contrast as WCAG does', () => {
    expect(contrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
