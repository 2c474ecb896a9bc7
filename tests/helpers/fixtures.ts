// The labelled fixtures (tests/fixtures/*.json, format in the README): sentences other outlets
// would write, each with the claim it states (and the verdict a page of it gets), and near misses
// that state no claim. Scored as a page, with every bundled pack installed.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { htmlToText } from '../../lib/extract/html';
import type { ScanEngine, ScanResult } from '../../lib/scan/engine';
import { ROOT } from './corpus';

export interface Fixture {
  name: string;
  lang: string;
  sentences: { text: string; claim: string; verdict?: string }[];
  nearMisses: string[];
}

const DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');

/** The fixtures of `dir` (default tests/fixtures; tests/fixtures/blind holds the held-out ones). */
export function loadFixtures(dir = DIR): Fixture[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.json') && f !== 'stem-pairs.json')
    .sort()
    .map((f) => {
      const j = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'));
      // A fixture of a story with no curated pack labels its sentences with the fact they state.
      const sentences = (j.sentences ?? []).map((s: { text: string; claim?: string; fact?: string; verdict?: string }) => ({ ...s, claim: s.claim ?? s.fact ?? '' }));
      return { name: f.replace(/\.json$/, ''), lang: j.lang, sentences, nearMisses: j.nearMisses ?? [] };
    });
}

export interface FixtureScore {
  labelled: number;
  found: number;
  verdicts: number;
  verdictsRight: number;
  missed: { claim: string; text: string }[];
  /** The labelled sentences found, with the claim that was matched there. */
  hits: { label: string; claim: string; text: string }[];
  wrongVerdicts: { claim: string; text: string; want: string; got: string }[];
  falseMatches: { claim: string; text: string }[];
  /** Claims the page shows that no sentence of it is labelled with: false matches, as a reader sees the page. */
  unlabelled: { claim: string; text: string }[];
}

/**
 * Scores a fixture as one page: its labelled sentences, then its near misses, a paragraph each
 * (a page of the story, with the other events' sentences in it). A claim found in a sentence's
 * paragraph is that sentence's.
 */
export function fixtureScores(engine: ScanEngine, fx: Fixture, states = (claim: string, label: string) => claim === label): FixtureScore {
  const out: FixtureScore = { labelled: 0, found: 0, verdicts: 0, verdictsRight: 0, missed: [], hits: [], wrongVerdicts: [], falseMatches: [], unlabelled: [] };
  const paras = [...fx.sentences.map((s) => s.text), ...fx.nearMisses];
  const starts: number[] = [];
  let text = '';
  for (const p of paras) {
    starts.push(text.length);
    text += `${p}\n\n`;
  }
  const res = engine.scanText(text, { lang: fx.lang });
  const claimsIn = (i: number) => {
    const from = starts[i];
    const to = from + paras[i].length;
    return res.claims.filter((c) => c.matches.some((m) => m.start < to && m.end > from));
  };
  fx.sentences.forEach((s, i) => {
    out.labelled++;
    const hit = claimsIn(i).find((c) => states(c.id, s.claim));
    if (hit) {
      out.found++;
      out.hits.push({ label: s.claim, claim: hit.id, text: s.text });
    } else out.missed.push({ claim: s.claim, text: s.text });
    if (s.verdict) {
      out.verdicts++;
      if (hit?.verdict === s.verdict) out.verdictsRight++;
      else out.wrongVerdicts.push({ claim: s.claim, text: s.text, want: s.verdict, got: hit?.verdict ?? 'not found' });
    }
  });
  const labels = new Set(fx.sentences.map((s) => s.claim));
  for (const c of res.claims) if (!labels.has(c.id)) out.unlabelled.push({ claim: c.id, text: c.match.text });
  fx.nearMisses.forEach((text, j) => {
    for (const c of claimsIn(fx.sentences.length + j)) out.falseMatches.push({ claim: c.id, text });
  });
  return out;
}

/** The saved real pages (../shared/real-pages, none about any story), each scanned as a page; null when they are not there. */
export function realPageScans(engine: ScanEngine): { file: string; claims: ScanResult['claims'] }[] | null {
  const real = path.resolve(ROOT, '..', 'shared', 'real-pages');
  if (!fs.existsSync(real)) return null;
  return fs
    .readdirSync(real)
    .filter((f) => f.endsWith('.html'))
    .map((file) => {
      const page = htmlToText(fs.readFileSync(path.join(real, file), 'utf8'));
      return { file, claims: engine.scanText(page.text, { lang: page.lang ?? 'en' }).claims };
    });
}
