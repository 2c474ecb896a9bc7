#!/usr/bin/env node
// `npm run smoke:firefox`: the Firefox MV3 build in a real, headless Firefox (docs/firefox.md).
// Not part of `npm test`: CI machines have no Firefox. Needs Firefox 140 or later (Debian:
// `apt-get install -y firefox-esr`), or the browser named by FIREFOX_PATH.
//
// No driver is needed: Firefox speaks WebDriver BiDi itself (--remote-debugging-port), and BiDi's
// webExtension.install loads the unpacked build as a temporary add-on, like about:debugging.
// The checks: the content script marks the demo article (which needs the background to have
// installed the bundled pack and answered the scan), a hover card opens on an actor's name, and
// the options page and the popup, opened in a tab (a moz-extension:// sender with a tab), list the
// bundled pack. Screenshots of each step go to demo-output/firefox-*.png. `--no-build` uses the
// existing .output/firefox-mv3.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { articleHtml } from './article-page.mjs';

// Node 20 has WebSocket behind a flag (on by default from Node 22): run again with it.
if (typeof WebSocket === 'undefined') {
  const r = spawnSync(process.execPath, ['--experimental-websocket', ...process.execArgv, ...process.argv.slice(1)], { stdio: 'inherit' });
  process.exit(r.status ?? 1);
}

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const EXTENSION_DIR = path.join(ROOT, '.output', 'firefox-mv3');
const PACK_FILE = path.join(ROOT, 'assets', 'packs', 'putin-residence-claim-2025-12.json');
// A fixed internal UUID, so the extension's pages have a known moz-extension:// origin.
const EXTENSION_UUID = '6f1c2b7e-8a4d-4e0b-9c3a-5d2e7f9a1b04';
const OUT_DIR = path.join(ROOT, 'demo-output');
const TIMEOUT_MS = 30_000;

function firefoxPath() {
  const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean);
  const found = candidates.find((p) => fs.existsSync(p));
  if (!found) throw new Error(`No Firefox found (tried ${candidates.join(', ')}); install firefox-esr or set FIREFOX_PATH.`);
  return found;
}

function build() {
  console.log('Building the Firefox extension (wxt build -b firefox --mv3)…');
  const r = spawnSync('npx', ['--no-install', 'wxt', 'build', '-b', 'firefox', '--mv3'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`wxt build failed (exit ${r.status ?? r.signal})`);
}

async function serve(html) {
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((ok, ko) => server.once('error', ko).listen(0, '127.0.0.1', ok));
  return { server, url: `http://127.0.0.1:${server.address().port}/article.html` };
}

/** A fresh profile: no first-run pages, no telemetry, our add-on's UUID fixed. */
function makeProfile(addonId) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'crosscheck-firefox-'));
  const prefs = {
    'extensions.webextensions.uuids': JSON.stringify({ [addonId]: EXTENSION_UUID }),
    'browser.shell.checkDefaultBrowser': false,
    'browser.aboutwelcome.enabled': false,
    'datareporting.policy.dataSubmissionEnabled': false,
    'toolkit.telemetry.reportingpolicy.firstRun': false,
    'app.update.disabledForTesting': true,
  };
  fs.writeFileSync(path.join(dir, 'user.js'), Object.entries(prefs).map(([k, v]) => `user_pref(${JSON.stringify(k)}, ${JSON.stringify(v)});\n`).join(''));
  return dir;
}

/** Starts Firefox and resolves with the process and its WebDriver BiDi address. */
function launch(binary, profile) {
  // --remote-allow-system-access: from Firefox 153, WebDriver may navigate to moz-extension:// pages
  // only with it (older versions ignore it).
  const args = ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0', '--remote-allow-system-access'];
  const child = spawn(binary, args, { stdio: ['ignore', 'ignore', 'pipe'] });
  return new Promise((ok, ko) => {
    let err = '';
    const timer = setTimeout(() => ko(new Error(`Firefox printed no WebDriver BiDi address in 30 s:\n${err.slice(-2000)}`)), 30_000);
    child.stderr.on('data', (d) => {
      err += d;
      const m = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(err);
      if (m) {
        clearTimeout(timer);
        ok({ child, ws: m[1] });
      }
    });
    child.once('exit', (code) => ko(new Error(`Firefox exited (${code}) before listening:\n${err.slice(-2000)}`)));
  });
}

/** A minimal WebDriver BiDi client: one command at a time is all this needs. */
async function connect(address) {
  const socket = new WebSocket(`${address}/session`);
  await new Promise((ok, ko) => {
    socket.onopen = ok;
    socket.onerror = () => ko(new Error(`Cannot connect to ${address}/session`));
  });
  let next = 0;
  const waiting = new Map();
  socket.onmessage = (e) => {
    const msg = JSON.parse(String(e.data));
    const w = msg.id !== undefined && waiting.get(msg.id);
    if (!w) return;
    waiting.delete(msg.id);
    if (msg.type === 'error') w.ko(new Error(`${w.method}: ${msg.error}: ${msg.message}`));
    else w.ok(msg.result);
  };
  const send = (method, params = {}) =>
    new Promise((ok, ko) => {
      const id = ++next;
      waiting.set(id, { ok, ko, method });
      socket.send(JSON.stringify({ id, method, params }));
    });
  return { send, close: () => socket.close() };
}

async function main() {
  if (!process.argv.includes('--no-build')) build();
  const manifest = JSON.parse(fs.readFileSync(path.join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
  const addonId = manifest.browser_specific_settings?.gecko?.id;
  if (!addonId) throw new Error(`${EXTENSION_DIR}/manifest.json has no browser_specific_settings.gecko.id`);

  const pack = JSON.parse(fs.readFileSync(PACK_FILE, 'utf8'));
  const article = pack.articles.find((a) => a.outlet === 'reuters') ?? pack.articles[0];
  const { server, url } = await serve(articleHtml(article.title, article.text, { lang: article.language || 'en' }));
  const binary = firefoxPath();
  const version = spawnSync(binary, ['--version'], { encoding: 'utf8' }).stdout.trim();
  console.log(`${version} (${binary}), headless`);

  const profile = makeProfile(addonId);
  const { child, ws } = await launch(binary, profile);
  const bidi = await connect(ws);
  const failures = [];
  const shots = [];
  const check = (ok, what, detail = '') => {
    console.log(`${ok ? 'ok  ' : 'FAIL'} ${what}${detail ? `: ${detail}` : ''}`);
    if (!ok) failures.push(what);
  };
  try {
    await bidi.send('session.new', { capabilities: {} });
    const { extension } = await bidi.send('webExtension.install', { extensionData: { type: 'path', path: EXTENSION_DIR } });
    check(extension === addonId, 'the build installs as a temporary add-on', extension);

    const { contexts } = await bidi.send('browsingContext.getTree', {});
    const context = contexts[0].context;
    const evaluate = async (expression) => {
      const r = await bidi.send('script.evaluate', { expression, target: { context }, awaitPromise: true, resultOwnership: 'none', serializationOptions: { maxObjectDepth: 0 } });
      if (r.type === 'exception') throw new Error(`${expression.slice(0, 60)}…: ${r.exceptionDetails.text}`);
      return r.result.value;
    };
    const screenshot = async (file) => {
      const { data } = await bidi.send('browsingContext.captureScreenshot', { context });
      fs.mkdirSync(OUT_DIR, { recursive: true });
      fs.writeFileSync(path.join(OUT_DIR, file), Buffer.from(data, 'base64'));
      shots.push(path.join(path.relative(ROOT, OUT_DIR), file));
    };
    const poll = async (expression, done) => {
      const until = Date.now() + TIMEOUT_MS;
      let value;
      for (;;) {
        value = await evaluate(expression).catch((e) => `error: ${e.message}`);
        if (done(value) || Date.now() > until) return value;
        await new Promise((r) => setTimeout(r, 250));
      }
    };

    // The article: marks from the content script (CSS highlights, or the wrapping fallback).
    await bidi.send('browsingContext.navigate', { context, url, wait: 'complete' });
    const marks = await poll(
      `JSON.stringify({ highlights: globalThis.CSS?.highlights ? [...CSS.highlights.values()].reduce((n, h) => n + h.size, 0) : -1,
         wrapped: document.querySelectorAll('[data-crosscheck]').length,
         styled: [...document.adoptedStyleSheets].some((s) => [...s.cssRules].some((r) => r.cssText.includes('::highlight(crosscheck-'))) })`,
      (v) => typeof v === 'string' && !v.startsWith('error') && (JSON.parse(v).highlights > 0 || JSON.parse(v).wrapped > 0),
    );
    const m = typeof marks === 'string' && !marks.startsWith('error') ? JSON.parse(marks) : null;
    check(Boolean(m && (m.highlights > 0 || m.wrapped > 0)), 'the content script marks the article', m ? `${m.highlights} highlighted ranges, ${m.wrapped} wrapped` : String(marks));
    // The ::highlight() rules come in a constructed style sheet the content script adopts into the page.
    if (m && m.highlights > 0) check(m.styled, "the highlights' style sheet is adopted by the page");
    await screenshot('firefox-page.png');

    // A hover card on an actor's name: the pointer rests on "Lavrov".
    const at = await evaluate(`(() => {
      const w = document.createTreeWalker(document.querySelector('article'), NodeFilter.SHOW_TEXT);
      for (let t = w.nextNode(); t; t = w.nextNode()) {
        const i = t.data.indexOf('Lavrov');
        if (i < 0) continue;
        t.parentElement.scrollIntoView({ block: 'center' });
        const r = document.createRange(); r.setStart(t, i); r.setEnd(t, i + 3);
        const b = r.getBoundingClientRect();
        return JSON.stringify({ x: Math.round(b.x + b.width / 2), y: Math.round(b.y + b.height / 2) });
      }
      return null; })()`);
    if (!at) check(false, 'a hover card opens on an actor', 'no "Lavrov" in the article');
    else {
      const { x, y } = JSON.parse(at);
      await bidi.send('input.performActions', {
        context,
        actions: [{ type: 'pointer', id: 'mouse', parameters: { pointerType: 'mouse' }, actions: [
          { type: 'pointerMove', x: x - 3, y }, { type: 'pointerMove', x, y, duration: 100 },
        ] }],
      });
      const card = await poll(
        `document.querySelector('crosscheck-card')?.shadowRoot?.querySelector('[role=dialog]')?.innerText.replace(/\\s+/g, ' ') ?? ''`,
        (v) => typeof v === 'string' && /Lavrov/.test(v) && !/Loading…/.test(v),
      );
      check(typeof card === 'string' && /Lavrov/.test(card), 'a hover card opens on an actor', String(card).slice(0, 100));
      await screenshot('firefox-card-actor.png');
    }

    // The extension's pages in a tab: the background answers them (a moz-extension:// sender).
    const base = `moz-extension://${EXTENSION_UUID}`;
    for (const [page, what] of [['options.html', 'the options page lists the bundled pack'], ['popup.html', 'the popup lists the bundled pack']]) {
      await bidi.send('browsingContext.navigate', { context, url: `${base}/${page}`, wait: 'complete' });
      const text = await poll(`document.body.innerText.replace(/\\s+/g, ' ')`, (v) => typeof v === 'string' && v.includes(pack.title));
      check(typeof text === 'string' && text.includes(pack.title), what, typeof text === 'string' ? text.slice(0, 100) : String(text));
      await screenshot(`firefox-${page.replace('.html', '')}.png`);
    }
  } finally {
    bidi.close();
    child.kill();
    server.close();
    fs.rmSync(profile, { recursive: true, force: true });
  }
  if (shots.length) console.log(`Screenshots: ${shots.join(', ')}`);
  if (failures.length) throw new Error(`${failures.length} check(s) failed: ${failures.join('; ')}`);
  console.log('Firefox smoke test passed.');
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(`smoke:firefox failed: ${e instanceof Error ? e.message : e}`);
    process.exit(1);
  },
);
