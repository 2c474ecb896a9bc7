#!/usr/bin/env node
// `npm start`: builds the extension, serves a demo article of the bundled story on 127.0.0.1 and
// opens it in Chromium with the extension loaded.
// With a display (DISPLAY set, not CI): a visible window; runs until the browser is closed.
// Without one: headless; saves the page, the actor's and the claim's cards (first view and
// expanded) and the popup into demo-output/, copies them into docs/screenshots/ (the README's), then exits.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { articleHtml, escapeHtml } from './article-page.mjs';
import { ROOT, hoverText, launchWithExtension } from './launch-chromium.mjs';

const PACK_FILE = path.join(ROOT, 'assets', 'packs', 'putin-residence-claim-2025-12.json');
const OUT_DIR = path.join(ROOT, 'demo-output');
const SHOTS_DIR = path.join(ROOT, 'docs', 'screenshots');

function build() {
  console.log('Building the extension (wxt build)…');
  const r = spawnSync('npx', ['--no-install', 'wxt', 'build'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`wxt build failed (exit ${r.status ?? r.signal})`);
}

/** The demo page: one article of the bundled pack (Reuters', else the first), as plain escaped text. */
function demoPage(pack) {
  const articles = Array.isArray(pack.articles) ? pack.articles : [];
  const article = articles.find((a) => a.outlet === 'reuters') ?? articles[0];
  if (!article) throw new Error(`The bundled pack ${PACK_FILE} has no articles to show.`);
  const outlet = (pack.outlets ?? []).find((o) => o.id === article.outlet);
  const html = articleHtml(article.title, String(article.text ?? ''), {
    lang: article.language || 'en',
    byline: [outlet?.name ?? article.outlet, article.published].filter(Boolean).join(' · '),
    head: `<style>
  body { margin: 0; background: #fafafa; color: #1b1b1b; font: 18px/1.6 Georgia, 'Times New Roman', serif; }
  .banner { font: 13px/1.4 system-ui, sans-serif; background: #1f3a5f; color: #fff; padding: 8px 16px; }
  article { max-width: 720px; margin: 32px auto; padding: 0 20px; }
  h1 { font-size: 32px; line-height: 1.2; margin: 0 0 8px; }
  .byline { font: 14px/1.4 system-ui, sans-serif; color: #555; margin-bottom: 24px; }
</style>`,
    before: `<div class="banner">Crosscheck demo · ${escapeHtml(pack.title)} · a local copy of one article of the bundled story</div>`,
  });
  return { html, article };
}

/** Hovers the first occurrence of `needle` in the article and screenshots the page with its card; returns the card. */
async function hoverAndShoot(page, needle, file) {
  await page.keyboard.press('Escape');
  const card = await hoverText(page, needle);
  if (!card) return null;
  await page.waitForTimeout(200);
  await page.screenshot({ path: file });
  return card;
}

/** The card alone, as a reader sees it (its element, without the page around it). */
async function shootCard(card, file) {
  await card.screenshot({ path: file }).catch((e) => console.warn(`Could not save ${file}: ${e instanceof Error ? e.message : e}`));
  return fs.existsSync(file) ? file : null;
}

async function serve(html) {
  const server = http.createServer((req, res) => {
    const { pathname } = new URL(req.url ?? '/', 'http://127.0.0.1');
    if (pathname !== '/' && pathname !== '/article.html') {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      return res.end('not found');
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((ok, ko) => {
    server.once('error', ko);
    server.listen(Number(process.env.PORT) || 0, '127.0.0.1', ok);
  });
  return { server, url: `http://127.0.0.1:${server.address().port}/article.html` };
}

async function main() {
  build();
  const pack = JSON.parse(fs.readFileSync(PACK_FILE, 'utf8'));
  const { html, article } = demoPage(pack);
  const { server, url } = await serve(html);
  console.log(`Demo article (${article.outlet}: ${article.title}) at ${url}`);

  const visible = Boolean(process.env.DISPLAY) && !process.env.CI;
  const ext = await launchWithExtension({ headless: !visible, viewport: visible ? null : { width: 1280, height: 900 } });
  const popupUrl = `chrome-extension://${ext.extensionId}/popup.html`;
  console.log(`Extension ${ext.extensionId} loaded; its popup is at ${popupUrl}`);
  try {
    const page = ext.context.pages()[0] ?? (await ext.context.newPage());
    await page.goto(url);

    if (visible) {
      console.log('Chromium is open. Close the browser window (or press Ctrl+C) to stop.');
      const closed = new Promise((ok) => ext.context.once('close', ok));
      const stop = () => void ext.context.close().catch(() => {});
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      await closed;
      return;
    }

    fs.mkdirSync(OUT_DIR, { recursive: true });
    // Wait for the highlights, then hover a name and a claim as a reader would.
    await page
      .waitForFunction(() => globalThis.CSS?.highlights && [...CSS.highlights.values()].some((h) => h.size > 0), null, { timeout: 20_000 })
      .catch(() => console.warn('No highlights after 20 s; the screenshots show the page as it is.'));
    const pagePng = path.join(OUT_DIR, 'page.png');
    await page.screenshot({ path: pagePng }); // what a reader sees on opening the article
    const cards = [];
    const actorCard = await hoverAndShoot(page, 'Lavrov', path.join(OUT_DIR, 'page-actor-card.png'));
    if (actorCard) cards.push(await shootCard(actorCard, path.join(OUT_DIR, 'card-actor.png')));
    else console.warn('No card opened when hovering "Lavrov".');
    const claimCard = await hoverAndShoot(page, '91 long-range drones', path.join(OUT_DIR, 'page-claim-card.png'));
    if (claimCard) {
      cards.push(await shootCard(claimCard, path.join(OUT_DIR, 'card-claim.png')));
      // "Show all 5 outlets": every outlet's words.
      const more = claimCard.getByRole('button', { expanded: false }).first();
      if (await more.count()) {
        await more.click();
        await page.waitForTimeout(300);
        cards.push(await shootCard(claimCard, path.join(OUT_DIR, 'card-claim-expanded.png')));
      }
    } else console.warn('No card opened when hovering "91 long-range drones".');

    const popup = await ext.context.newPage();
    await popup.setViewportSize({ width: 360, height: 600 });
    // The popup summarises the demo tab (popup.html?tab=<id>), as it does when opened from the toolbar there.
    await page.bringToFront();
    const tabId = await ext
      .worker()
      .evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.id)
      .catch(() => undefined);
    await popup.goto(tabId ? `${popupUrl}?tab=${tabId}` : popupUrl);
    // The background installs the bundled pack at start-up; the popup updates live when it lands.
    await popup.locator('li.pack').first().waitFor({ state: 'visible', timeout: 20_000 }).catch(() => {
      console.warn('No pack listed in the popup after 20 s; saving the popup as it is.');
    });
    const popupPng = path.join(OUT_DIR, 'popup.png');
    await popup.screenshot({ path: popupPng }); // 360 x 600, the most a toolbar popup shows before it scrolls

    // The README shows these: docs/screenshots/ gets the same files.
    fs.mkdirSync(SHOTS_DIR, { recursive: true });
    for (const f of [pagePng, popupPng, ...cards.filter(Boolean)]) fs.copyFileSync(f, path.join(SHOTS_DIR, path.basename(f)));
    console.log(`Screenshot of the demo page: ${path.relative(process.cwd(), pagePng) || pagePng}`);
    console.log(`Screenshot of the popup:     ${path.relative(process.cwd(), popupPng) || popupPng}`);
    for (const c of cards.filter(Boolean)) console.log(`Screenshot of a hover card: ${path.relative(process.cwd(), c) || c}`);
    console.log(`Copied into ${path.relative(process.cwd(), SHOTS_DIR) || SHOTS_DIR} (the README's pictures).`);
  } finally {
    await ext.close();
    server.close();
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`npm start failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
