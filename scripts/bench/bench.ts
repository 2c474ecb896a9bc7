// `npm run bench`: our figures and, in the same run on the same input, peers' figures, as ratios.
// Medians of several runs. Nothing here is asserted: the numbers are for docs/performance.md.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import AhoCorasick from 'modern-ahocorasick';
import { htmlToText } from '../../lib/extract/html';
import { ActorMatcher, aliasInputs, type AliasInput } from '../../lib/match/actors';
import type { Pack } from '../../lib/pack/schema';
import { ScanEngine } from '../../lib/scan/engine';
import { syntheticPack } from './synthetic';
import { benchDraft } from './draft';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const REAL_PAGES = process.env.CROSSCHECK_REAL_PAGES ?? path.resolve(ROOT, '../shared/real-pages');
const MB = 1024 * 1024;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median milliseconds of `runs` calls after one warm-up. */
function time(fn: () => unknown, runs: number): number {
  fn();
  const t: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

const heap = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

function row(cells: (string | number)[], widths: number[]) {
  console.log(cells.map((c, i) => String(c).padEnd(widths[i])).join('  '));
}

function main() {
  if (!fs.existsSync(REAL_PAGES)) {
    console.error(`crosscheck bench: ${REAL_PAGES} not found (set CROSSCHECK_REAL_PAGES to the folder of saved real pages)`);
    process.exit(1);
  }
  const bundled = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/packs/putin-residence-claim-2025-12.json'), 'utf8')) as Pack;
  // Every pack the extension ships: the page scan is measured with all of them installed.
  const packsDir = path.join(ROOT, 'assets/packs');
  const shipped = fs.readdirSync(packsDir).filter((f) => f.endsWith('.json')).sort().map((f) => JSON.parse(fs.readFileSync(path.join(packsDir, f), 'utf8')) as Pack);
  const pages = fs.readdirSync(REAL_PAGES).filter((f) => f.endsWith('.html')).sort();
  const texts = pages.map((f) => htmlToText(fs.readFileSync(path.join(REAL_PAGES, f), 'utf8')).text);
  let input = texts.join('\n');
  while (input.length < MB) input += `\n${input}`;
  input = input.slice(0, MB);

  console.log(`Crosscheck benchmark: node ${process.version}, ${process.arch}; medians; input ${(input.length / MB).toFixed(2)} M characters of the visible text of ${pages.length} real pages`);

  const heap0 = heap();
  const t0 = performance.now();
  const synthetic = syntheticPack();
  const genMs = performance.now() - t0;
  const synthAliases = aliasInputs(synthetic.actors);
  console.log(`synthetic pack: ${synthAliases.length} aliases, ${synthetic.claims.length} claims (generated in ${genMs.toFixed(0)} ms)`);

  // --- compile
  const compileMs = median([0, 1, 2].map(() => {
    const s = performance.now();
    new ActorMatcher(synthAliases);
    return performance.now() - s;
  }));
  const hBefore = heap();
  const synthMatcher = new ActorMatcher(synthAliases);
  const matcherHeap = heap() - hBefore;
  const restoreMs = time(() => ActorMatcher.fromCompact(structuredClone(synthMatcher.compact())), 3);
  const engineCompileMs = median([0, 1, 2].map(() => {
    const s = performance.now();
    ScanEngine.fromPacks([synthetic]);
    return performance.now() - s;
  }));

  // --- actor matching throughput, ours and peers, both packs
  const lowered = input.toLowerCase();
  // Peers get the same task (whole-word, case-insensitive matches of every alias) in their fastest
  // configuration: the text lower-cased once, patterns lower-cased.
  type Peer = { name: string; slice?: number; build: (a: AliasInput[]) => (text: string) => number };
  // (modern-ahocorasick's double-array backend, modern-ahocorasick/fast, did not finish compiling
  // 100,000 patterns in minutes here, so it is not among the peers.)
  const isWordChar = (c: string | undefined) => !!c && /[\p{L}\p{N}]/u.test(c);
  const peers: Peer[] = [
    {
      name: 'RegExp alternation (u flag, lookaround word boundaries)',
      build: (aliases) => {
        const alts = [...new Set(aliases.map((a) => a.text.toLowerCase()))].sort((x, y) => y.length - x.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
        const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alts.join('|')})(?![\\p{L}\\p{N}])`, 'gu');
        return (text) => {
          let n = 0;
          re.lastIndex = 0;
          while (re.exec(text)) n++;
          return n;
        };
      },
    },
    {
      name: 'modern-ahocorasick 3.3 (leftmost-longest, then a whole-word filter)',
      build: (aliases) => {
        const ac = new AhoCorasick([...new Set(aliases.map((a) => a.text.toLowerCase()))], { boundary: 'none' });
        return (text) => ac.search(text, { strategy: 'leftmost-longest' }).filter((m) => !isWordChar(text[m.start - 1]) && !isWordChar(text[m.end])).length;
      },
    },
    {
      name: 'modern-ahocorasick 3.3 (its own unicode word boundary)',
      build: (aliases) => {
        const ac = new AhoCorasick([...new Set(aliases.map((a) => a.text.toLowerCase()))], { boundary: 'unicode' });
        return (text) => ac.search(text, { strategy: 'leftmost-longest' }).length;
      },
    },
  ];

  const bundledAliases = aliasInputs(bundled.actors);
  const bundledMatcher = new ActorMatcher(bundledAliases);
  const packs: [string, AliasInput[], ActorMatcher][] = [
    ['bundled', bundledAliases, bundledMatcher],
    ['synthetic', synthAliases, synthMatcher],
  ];
  const mbps = (ms: number, chars = input.length) => chars / MB / (ms / 1000);
  const results: Record<string, { ours: number; peers: { name: string; mbps: number; matches: number }[]; matches: number }> = {};
  for (const [name, aliases, matcher] of packs) {
    const oursMs = time(() => matcher.find(input), 7);
    const matches = matcher.find(input).length;
    results[name] = { ours: mbps(oursMs), matches, peers: [] };
    for (const p of peers) {
      const run = p.build(aliases);
      // Peers are measured on a prefix of the same input: 16 KB, doubled while one run stays under
      // 250 ms, up to 256 KB. A peer that slows down on longer text (modern-ahocorasick does on
      // non-ASCII text) is thus measured where it is fastest.
      let text = lowered.slice(0, 16384);
      while (text.length < (p.slice ?? 262144)) {
        const t0 = performance.now();
        run(text);
        if (performance.now() - t0 > 250) break;
        text = lowered.slice(0, text.length * 2);
      }
      const ms = time(() => run(text), 3);
      results[name].peers.push({ name: `${p.name}${text.length < lowered.length ? ` [on the first ${Math.round(text.length / 1024)} KB]` : ''}`, mbps: mbps(ms, text.length), matches: run(text) });
      process.stderr.write(`  measured ${p.name} on ${name}\n`);
    }
  }

  console.log('\nActor matching throughput (MB/s of text, higher is better)');
  const w = [10, 86, 8, 8, 12];
  row(['pack', 'matcher', 'MB/s', 'matches', 'ours / peer'], w);
  for (const [name, r] of Object.entries(results)) {
    row([name, 'crosscheck word trie (ours)', r.ours.toFixed(1), r.matches, ''], w);
    for (const p of r.peers) row([name, p.name, p.mbps.toFixed(1), p.matches, (r.ours / p.mbps).toFixed(2)], w);
  }

  // --- full scan of one page's text (actors and claims), extraction on its own line
  const guardianHtml = fs.readFileSync(path.join(REAL_PAGES, 'guardian-1.html'), 'utf8');
  const extractMs = time(() => htmlToText(guardianHtml), 5);
  const guardian = htmlToText(guardianHtml).text;
  const bundledEngine = ScanEngine.fromPacks(shipped);
  const synthEngine = ScanEngine.fromPacks([synthetic]);
  const scanBundled = time(() => bundledEngine.scanText(guardian), 15);
  const scanSynth = time(() => synthEngine.scanText(guardian), 7);
  console.log(`\nOne page, guardian-1.html (${(guardianHtml.length / 1024).toFixed(0)} KB of HTML, ${guardian.length} characters of visible text)`);
  console.log(`  HTML parsing and text extraction (htmlparser2 + lib/extract): ${extractMs.toFixed(2)} ms`);
  console.log(`  full scan, the ${shipped.length} bundled packs (${shipped.reduce((n, p) => n + aliasInputs(p.actors).length, 0)} aliases, ${shipped.reduce((n, p) => n + p.claims.length, 0)} claims): ${scanBundled.toFixed(2)} ms`);
  console.log(`  full scan, synthetic pack (${synthAliases.length} aliases, ${synthetic.claims.length} claims): ${scanSynth.toFixed(2)} ms`);

  console.log('\nCompiling the synthetic pack');
  console.log(`  actor matcher: ${compileMs.toFixed(0)} ms; compact form ${(synthMatcher.size() / MB).toFixed(2)} MB; restored from a structured clone in ${restoreMs.toFixed(0)} ms`);
  console.log(`  whole engine (matcher and claim index): ${engineCompileMs.toFixed(0)} ms`);
  console.log(`  memory: matcher heap ${(matcherHeap / MB).toFixed(1)} MB; process heap ${(heap() / MB).toFixed(0)} MB (${((heap() - heap0) / MB).toFixed(0)} MB since start)`);

  benchDraft();

  const fastest = results.synthetic.peers.reduce((a, b) => (b.mbps > a.mbps ? b : a));
  console.log(`\nfastest peer on the synthetic pack: ${fastest.name} (${fastest.mbps.toFixed(1)} MB/s)`);
  console.log(`ratio_vs_fastest_peer=${(results.synthetic.ours / fastest.mbps).toFixed(2)}`);
}

main();
