// `npm run bench:browser`: the extension's cost on real pages in real Chromium, and, in the same run
// on the same pages, mark.js (a well-known highlighter) highlighting the same aliases in its fastest
// mode (markRegExp, one combined expression, whole words, case-insensitive). Medians of several runs.
// Nothing is asserted: the figures go into docs/performance.md. Last line: ratio_vs_markjs=...
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { articleHtml } from '../article-page.mjs';
import { CHROME_PATH, ROOT, launchWithExtension } from '../launch-chromium.mjs';

const REAL_PAGES = process.env.CROSSCHECK_REAL_PAGES ?? path.resolve(ROOT, '../shared/real-pages');
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

if (!fs.existsSync(REAL_PAGES)) {
  console.error(`crosscheck bench:browser: ${REAL_PAGES} not found (set CROSSCHECK_REAL_PAGES)`);
  process.exit(1);
}
if (!fs.existsSync(path.join(ROOT, '.output/chrome-mv3/manifest.json'))) {
  console.error('crosscheck bench:browser: build the extension first (npm run build)');
  process.exit(1);
}

const pack = JSON.parse(fs.readFileSync(path.join(ROOT, 'assets/packs/putin-residence-claim-2025-12.json'), 'utf8'));
const aliases = [...new Set(pack.actors.flatMap((a) => [a.name, ...a.aliases.map((x) => (typeof x === 'string' ? x : x.text))]))];
const aliasRe = `(?<![\\p{L}\\p{N}])(?:${aliases.sort((a, b) => b.length - a.length).map((s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})(?![\\p{L}\\p{N}])`;

// Pages: the real pages that mention an actor (by the same aliases), and one corpus article.
const routes = {};
const pages = [];
for (const f of fs.readdirSync(REAL_PAGES).filter((x) => x.endsWith('.html')).sort()) {
  const html = fs.readFileSync(path.join(REAL_PAGES, f), 'utf8');
  routes[`/real/${f}`] = html;
  if (new RegExp(aliasRe, 'iu').test(html.replace(/<[^>]*>/g, ' '))) pages.push(`/real/${f}`);
}
const corpusText = fs.readFileSync(path.join(ROOT, 'assets/corpus/putin-residence-claim-2025-12/001_f4f02270bf5ef5c7.txt'), 'utf8');
routes['/corpus.html'] = articleHtml('Corpus', corpusText);
if (!pages.includes('/real/guardian-1.html')) pages.push('/real/guardian-1.html');
pages.push('/corpus.html');

const server = http.createServer((req, res) => {
  const body = routes[new URL(req.url ?? '/', 'http://x').pathname];
  res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body ?? '');
});
await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
const base = `http://127.0.0.1:${server.address().port}`;

// Ours: the content script's own main-thread time and the time to highlights, from its mark.
const ours = {};
const ext = await launchWithExtension();
try {
  for (const p of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await ext.context.newPage();
      await page.goto(base + p, { waitUntil: 'domcontentloaded' });
      const d = await page
        .waitForFunction(() => performance.getEntriesByName('crosscheck-done')[0]?.detail ?? null, null, { timeout: 20000, polling: 50 })
        .then((h) => h.jsonValue())
        .catch(() => null);
      if (d) {
        // The hover card: the pointer on the first actor mention, then on the first claim, each
        // timed by the content script from the hover intent to the card painted.
        d.cardMs = [];
        // The hover card in the first two runs (each try waits for the card).
        if (i < 2) for (const name of ['crosscheck-actor', 'crosscheck-claim', 'crosscheck-disputed', 'crosscheck-contradicted']) {
          const at = await page.evaluate(async (n) => {
            // The first mention that is on screen once scrolled to (not in a hidden carousel).
            for (const range of CSS.highlights.get(n) ?? []) {
              range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
              await new Promise((ok) => requestAnimationFrame(() => setTimeout(ok, 0)));
              const r = range.getClientRects()[0];
              if (!r || r.width < 2 || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) continue;
              const x = r.left + Math.min(r.width / 2, 4);
              const y = r.top + r.height / 2;
              // Not under another element (a sticky banner, a cookie notice).
              const hit = document.caretPositionFromPoint?.(x, y);
              if (hit && range.isPointInRange(hit.offsetNode, hit.offset)) return { x, y };
            }
            return null;
          }, name);
          if (!at) continue;
          const before = await page.evaluate(() => performance.getEntriesByName('crosscheck-card').length);
          await page.mouse.move(1, 1);
          await page.mouse.move(at.x, at.y, { steps: 2 });
          const ms = await page
            .waitForFunction((k) => performance.getEntriesByName('crosscheck-card')[k]?.duration ?? null, before, { timeout: 3000, polling: 20 })
            .then((h) => h.jsonValue())
            .catch(() => null);
          if (ms !== null) d.cardMs.push(ms);
          if (d.cardMs.length >= 2) break;
        }
        runs.push(d);
      }
      await page.close();
    }
    const cards = runs.flatMap((r) => r.cardMs);
    if (runs.length)
      ours[p] = {
        mainThreadMs: median(runs.map((r) => r.mainThreadMs)),
        longestTaskMs: median(runs.map((r) => r.longestTaskMs)),
        sinceStartMs: median(runs.map((r) => r.sinceStartMs)),
        cardMs: cards.length ? median(cards) : null,
        highlights: runs[0].highlights,
      };
  }
} finally {
  await ext.close();
}

// mark.js, in a browser without the extension, on the same pages.
const markjs = {};
const markPath = path.join(ROOT, 'node_modules/mark.js/dist/mark.min.js');
const browser = await chromium.launch({ executablePath: CHROME_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
try {
  for (const p of pages) {
    const runs = [];
    for (let i = 0; i < RUNS; i++) {
      const page = await browser.newPage();
      await page.goto(base + p, { waitUntil: 'domcontentloaded' });
      await page.addScriptTag({ path: markPath });
      const r = await page.evaluate(
        (src) =>
          new Promise((resolve) => {
            const t0 = performance.now();
            let n = 0;
            new Mark(document.body).markRegExp(new RegExp(src, 'giu'), { each: () => n++, done: () => resolve({ ms: performance.now() - t0, n }) });
          }),
        aliasRe,
      );
      runs.push(r);
      await page.close();
    }
    markjs[p] = { ms: median(runs.map((r) => r.ms)), marks: runs[0].n };
  }
} finally {
  await browser.close();
  server.close();
}

console.log(`Crosscheck in-browser benchmark: Chromium at ${CHROME_PATH}; medians of ${RUNS} runs; ${aliases.length} aliases`);
const w = [34, 14, 14, 12, 10, 8, 12, 8];
const row = (c) => console.log(c.map((x, i) => String(x).padEnd(w[i])).join(' '));
row(['page', 'ours main ms', 'longest task', 'highlights', 'card ms', 'marks', 'mark.js ms', 'ratio']);
const ratios = [];
for (const p of pages) {
  const o = ours[p];
  const m = markjs[p];
  const ratio = o && m ? m.ms / Math.max(o.mainThreadMs, 0.01) : NaN;
  if (Number.isFinite(ratio) && p.startsWith('/real/')) ratios.push(ratio);
  const f = (x, d = 1) => (x === null || x === undefined ? 'n/a' : x.toFixed(d));
  row([p, o ? f(o.mainThreadMs, 2) : 'n/a', o ? f(o.longestTaskMs) : 'n/a', o ? f(o.sinceStartMs) : 'n/a', o ? f(o.cardMs) : 'n/a', o ? o.highlights : '', m ? f(m.ms, 2) : 'n/a', Number.isFinite(ratio) ? ratio.toFixed(2) : '']);
}
const all = Object.values(ours);
const worst = (k) => Math.max(...all.map((o) => o[k]).filter((x) => typeof x === 'number'));
const cardAll = all.map((o) => o.cardMs).filter((x) => typeof x === 'number');
console.log(`longest main-thread task of the extension, worst page (median of runs): ${worst('longestTaskMs').toFixed(1)} ms (goal: none over 50)`);
console.log(`hover intent to card painted: median ${cardAll.length ? median(cardAll).toFixed(1) : 'n/a'} ms, worst page ${cardAll.length ? Math.max(...cardAll).toFixed(1) : 'n/a'} ms (goal: within 50)`);
console.log(`highlights registered after the script starts, worst page: ${worst('sinceStartMs').toFixed(1)} ms (goal: within 50)`);
const bundle = fs.statSync(path.join(ROOT, '.output/chrome-mv3/content-scripts/content.js')).size;
console.log(`content script bundle: ${(bundle / 1024).toFixed(1)} KB`);
console.log(`ratio_vs_markjs=${ratios.length ? median(ratios).toFixed(2) : 'none'}`);
