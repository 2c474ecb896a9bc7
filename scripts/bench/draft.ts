// The drafting section of `npm run bench` (docs/drafting.md): time, memory and sentences aligned
// per second for the two six-article corpora and a deterministic synthetic corpus of 200 articles;
// and the comparison of drafted and curated packs on the project's fixtures (tests/fixtures/*.json).
// Run alone: node --expose-gc --import tsx scripts/bench/draft.ts
import fs from 'node:fs';
import path from 'node:path';
import { compileCorpus } from '../../lib/compile/compiler';
import { draftStory, type DraftInput } from '../../lib/draft/index';
import type { Pack } from '../../lib/pack/schema';
import { ScanEngine } from '../../lib/scan/engine';

const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const STORIES = ['crocus-city-hall-attack-2024-03', 'putin-residence-claim-2025-12'];
const MB = 1024 * 1024;
const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

interface Corpus { manifest: string; files: Map<string, string> }

function readDir(dir: string): Corpus {
  const files = new Map<string, string>();
  for (const f of fs.readdirSync(dir)) if (f.endsWith('.txt')) files.set(f, fs.readFileSync(path.join(dir, f), 'utf8'));
  return { manifest: fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'), files };
}

const asInput = (c: Corpus, dir: string): DraftInput => ({
  dir,
  manifestFile: `${dir}/manifest.json`,
  manifest: Buffer.from(c.manifest),
  readArticle: (f) => (c.files.has(f) ? Buffer.from(c.files.get(f)!) : null),
});

/** 200 articles by 40 outlets: the corpora's paragraphs, reshuffled and refigured by a seeded generator. */
export function syntheticCorpus(articles = 200, seed = 20240322): Corpus {
  let a = seed >>> 0;
  const rnd = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const paras: { lang: string; text: string }[] = [];
  for (const s of STORIES) {
    const dir = path.join(ROOT, 'assets/corpus', s);
    const m = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    for (const art of m.articles) for (const p of fs.readFileSync(path.join(dir, art.file), 'utf8').split(/\n+/)) if (p.length > 80) paras.push({ lang: art.language ?? 'en', text: p });
  }
  const files = new Map<string, string>();
  const list: { file: string; outlet: string; language: string; published: string }[] = [];
  for (let i = 0; i < articles; i++) {
    const lang = ['en', 'en', 'en', 'ru', 'uk'][i % 5];
    const pool = paras.filter((p) => p.lang === lang);
    const body = Array.from({ length: 12 }, () => pool[Math.floor(rnd() * pool.length)].text.replace(/\d+/g, (d) => String(Math.max(1, Number(d) + Math.floor(rnd() * 3) - 1))));
    const file = `${String(i).padStart(3, '0')}_${(i * 2654435761 >>> 0).toString(16).padStart(16, '0')}.txt`;
    files.set(file, body.join('\n\n'));
    list.push({ file, outlet: `Outlet ${i % 40}`, language: lang, published: '2024-03-25' });
  }
  return { manifest: JSON.stringify({ story: 'synthetic-200', title: 'Synthetic corpus', articles: list }), files };
}

function measure(name: string, c: Corpus) {
  const h0 = heap();
  const t0 = performance.now();
  const d = draftStory(asInput(c, name));
  const ms = performance.now() - t0;
  const mem = (heap() - h0) / MB;
  console.log(`  ${name}: ${d.stats.articles} articles, ${d.stats.sentences} sentences, ${d.stats.aligned} aligned into claims, ${d.stats.pairs} pairs compared; ${ms.toFixed(0)} ms, ${(d.stats.sentences / (ms / 1000)).toFixed(0)} sentences aligned per second, heap +${mem.toFixed(1)} MB; ${d.stats.claims} claims (${d.stats.multiOutlet} multi-outlet)`);
  return d;
}

function build(c: Corpus, storyText: string, dir: string): Pack {
  return compileCorpus({ manifestText: c.manifest, manifestFile: `${dir}/manifest.json`, storyText, storyFile: `${dir}/story.yaml`, readArticle: (f) => c.files.get(f) ?? null }).pack;
}

/** Recall and precision of claims on the fixtures, curated pack against drafted pack, per language. */
export function compareOnFixtures(): string[] {
  const rows: string[] = ['| fixture | pack | claim sentences found | recall | false matches | precision |', '| --- | --- | --- | --- | --- | --- |'];
  const packs: Record<string, { curated: Pack; drafted: Pack }> = {};
  for (const s of STORIES) {
    const dir = path.join(ROOT, 'assets/corpus', s);
    const c = readDir(dir);
    packs[s] = { curated: build(c, fs.readFileSync(path.join(dir, 'story.yaml'), 'utf8'), dir), drafted: build(c, draftStory(asInput(c, dir)).yaml, dir) };
  }
  for (const f of fs.readdirSync(path.join(ROOT, 'tests/fixtures')).filter((x) => /^(crocus|paraphrase|other-events)-\w+\.json$/.test(x)).sort()) {
    const fx = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures', f), 'utf8'));
    const story = f.startsWith('crocus') ? STORIES[0] : STORIES[1];
    for (const which of ['curated', 'drafted'] as const) {
      const pk = f.startsWith('other') ? [packs[STORIES[0]][which], packs[STORIES[1]][which]] : [packs[story][which]];
      const engine = ScanEngine.fromPacks(pk);
      let want = 0;
      let found = 0;
      let wrong = 0;
      const all: { text: string; claim: string | null }[] = [...(fx.sentences ?? []), ...(fx.nearMisses ?? []).map((x: { text: string } | string) => ({ text: typeof x === 'string' ? x : x.text, claim: null }))];
      for (const s of all) {
        const r = engine.scanText(s.text, { lang: fx.lang });
        const n = r.claims.length;
        if (s.claim) {
          want++;
          const hit = which === 'curated' ? r.claims.some((c) => c.id === s.claim) : n > 0;
          if (hit) found++;
          else if (n) wrong++;
        } else if (n) wrong++;
      }
      const prec = found + wrong ? found / (found + wrong) : 1;
      rows.push(`| ${f.replace('.json', '')} | ${which} | ${found}/${want} | ${want ? (found / want).toFixed(2) : '-'} | ${wrong} | ${prec.toFixed(2)} |`);
    }
  }
  return rows;
}

export function benchDraft(): void {
  console.log('\nDrafting story files from the articles alone (crosscheck pack draft)');
  for (const s of STORIES) measure(s, readDir(path.join(ROOT, 'assets/corpus', s)));
  measure('synthetic-200 (deterministic)', syntheticCorpus());
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  benchDraft();
  if (process.argv.includes('--fixtures')) console.log(`\n${compareOnFixtures().join('\n')}`);
}
