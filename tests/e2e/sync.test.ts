// Pack sync and the options page in real Chromium with the built extension: a real feed server on
// 127.0.0.1 (feeds signed with keys made by lib/feed, as `crosscheck keygen` / `feed build` make
// them), real IndexedDB, the reader's clicks. Subscribe, trust the key, "Update now": the reader's
// key may not replace the pack that came with Crosscheck, so the reader removes it and the feed
// installs its own; see the new pack at work on a page; a tampered or wrongly signed update, another
// trusted publisher's offer, a stale feed and, after a removal, an older signed version are refused
// and the pack kept; import from a file (asked first); remove and restore the bundled pack; the
// engine cache after the worker stops.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { articleHtml } from '../../scripts/article-page.mjs';
import type { SigningKey } from '../../lib/feed/keys';
import { newSigningKey } from '../helpers/keys';
import { buildFeed, signFeed } from '../../lib/feed/publish';
import type { Pack } from '../../lib/pack/schema';
import { bundledEngineKey, hoverText, launchWithExtension, readBundledPack, readBundledPacks, stopWorker as stopExtensionWorker } from './browser';

declare const chrome: {
  tabs: { query(q: object): Promise<{ id?: number }[]> };
  action: { getBadgeText(d: { tabId: number }): Promise<string> };
};

// ---- packs: the bundled one has the Valdai claim; version 2 drops it, version 3 brings it back --
const PACK = 'putin-residence-claim-2025-12';
const VALDAI = 'valdai-compound';
const bundled = readBundledPack() as unknown as Pack;
function version(v: number, opts: { valdai: boolean }): Pack {
  const p = structuredClone(bundled);
  p.version = v;
  if (!opts.valdai) {
    p.claims = p.claims.filter((c) => c.id !== VALDAI);
    p.reports = p.reports.filter((r) => r.claim !== VALDAI);
    p.positions = p.positions.filter((x) => x.claim !== VALDAI && x.via !== VALDAI);
  }
  return p;
}
const enc = (s: string) => new TextEncoder().encode(s);

// ---- the server: article pages and a feed whose files the test switches ------------------------
const VALDAI_PAGE = articleHtml(
  'Where is the residence?',
  [
    'The location suggested that it is a well-protected compound at Valdai, a lakeside town whose forested location Putin has favored.',
    // Enough other text for the content script to read the page (it skips near-empty pages).
    'Tomatoes need six hours of sun a day, and the soil should stay moist but never wet. '.repeat(4),
  ].join('\n'),
);
const STORY_PAGE = articleHtml('Drone claim', fs.readFileSync(path.join(path.dirname(new URL(import.meta.url).pathname), '../../assets/corpus/putin-residence-claim-2025-12/001_f4f02270bf5ef5c7.txt'), 'utf8'));
let feedFiles = new Map<string, Uint8Array>();
let tamper = false;
let server: http.Server;
let base = '';
let feedUrl = '';
let trusted: SigningKey;
let trustedText = '';
let stranger: SigningKey;
let strangerText = '';
/** A second publisher's feed, at /other/ (the reader trusts its key too). */
let otherFiles = new Map<string, Uint8Array>();

async function publish(pack: Pack, key: SigningKey = trusted, opts: { generated?: Date; expires?: Date } = {}) {
  const built = await buildFeed([{ name: `v${pack.version}.json`, bytes: enc(JSON.stringify(pack)) }], key, opts);
  feedFiles = new Map(built.files.map((f) => [`/feed/${f.path}`, f.bytes]));
  return built;
}

beforeAll(async () => {
  ({ key: trusted, publicKeyText: trustedText } = await newSigningKey());
  ({ key: stranger, publicKeyText: strangerText } = await newSigningKey());

  server = http.createServer((req, res) => {
    const p = new URL(req.url ?? '/', 'http://x').pathname;
    if (p === '/valdai.html' || p === '/story.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      return res.end(p === '/valdai.html' ? VALDAI_PAGE : STORY_PAGE);
    }
    let body = feedFiles.get(p) ?? otherFiles.get(p);
    if (!body) {
      res.writeHead(404, { 'access-control-allow-origin': '*' });
      return res.end('not found');
    }
    if (tamper && p.startsWith('/feed/packs/')) body = enc(Buffer.from(body).toString('utf8').replace('Lavrov', 'Lavrow'));
    res.writeHead(200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(body);
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  feedUrl = `${base}/feed/feed.json`;
  ext = await launchWithExtension();
  ext.context.on('serviceworker', (w) => w.on('console', (m) => workerLog.push(m.text())));
  ext.worker().on('console', (m) => workerLog.push(m.text()));
});
afterAll(async () => {
  await ext?.close();
  server?.close();
});

let ext: Awaited<ReturnType<typeof launchWithExtension>>;
const workerLog: string[] = [];
const squash = (s: string) => s.replace(/\s+/g, ' ');

async function optionsPage(): Promise<Page> {
  const o = await ext.context.newPage();
  await o.goto(`chrome-extension://${ext.extensionId}/options.html`);
  await o.getByRole('heading', { name: 'Packs' }).waitFor();
  // The installed packs are listed once loaded.
  await o.locator('li.pack, .packs + *, .empty').first().waitFor();
  return o;
}

/** Presses "Update now" and returns the outcome shown on the page. */
async function updateNow(o: Page): Promise<string> {
  await o.getByRole('button', { name: 'Update now' }).click();
  const outcome = o.locator('.update-outcome');
  await expect.poll(async () => squash(await outcome.innerText()), { timeout: 20_000 }).toMatch(/Updated:|Up to date:|Unchanged:|Refused:|Failed:|No subscriptions/);
  return squash(await outcome.innerText());
}

/** The options page's whole text, as a reader reads it. */
const pageText = async (o: Page) => squash(await o.locator('body').innerText());

async function installedVersion(o: Page): Promise<string> {
  return squash(await o.locator(`li.pack[data-pack-id="${PACK}"] .version`).innerText());
}

async function openTab(url: string): Promise<{ page: Page; tab: number }> {
  const page = await ext.context.newPage();
  await page.goto(url);
  await page.bringToFront();
  await page.waitForFunction(() => performance.getEntriesByName('crosscheck-done').length > 0, null, { timeout: 15_000 }).catch(() => {});
  const tab = await ext.worker().evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]!.id!);
  return { page, tab };
}
const badge = (tab: number) => ext.worker().evaluate((t) => chrome.action.getBadgeText({ tabId: t }), tab);

/** The Valdai page: the claim's card text when the installed pack has the claim, else ''. */
async function valdaiCard(): Promise<string> {
  const { page, tab } = await openTab(`${base}/valdai.html`);
  await expect.poll(() => badge(tab), { timeout: 10_000 }).not.toBe(undefined);
  const card = await hoverText(page, 'compound at Valdai');
  const text = card ? squash(await card.innerText()) : '';
  await page.close();
  return text;
}

describe('pack sync from the options page', () => {
  it('subscribes, trusts the publisher key, and "Update now" installs the newer pack that a page then uses', async () => {
    // The bundled pack states the Valdai claim.
    expect(await valdaiCard()).toMatch(/compound at Valdai/);

    await publish(version(2, { valdai: false }));
    const o = await optionsPage();
    expect(await installedVersion(o)).toBe(`version ${bundled.version}`);
    // Trust the publisher: paste the public.key line.
    await o.getByLabel(/Public key/).fill(trustedText);
    await o.getByLabel(/Label/).fill('Test publisher');
    await o.getByRole('button', { name: 'Add key' }).click();
    await expect.poll(async () => squash(await o.getByRole('list', { name: 'Trusted keys' }).innerText())).toContain(trusted.id);
    expect(squash(await o.getByRole('list', { name: 'Trusted keys' }).innerText())).toMatch(/Test publisher .*added by you/);

    // Subscribe: type the feed's URL, click Add.
    await o.getByLabel(/Feed address/).fill(feedUrl);
    await o.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => squash(await o.getByRole('list', { name: 'Subscribed feeds' }).innerText())).toContain(feedUrl);

    // Subscribing checks the feed at once; "Update now" waits for that check and checks again. The
    // pack that came with Crosscheck may be updated only by a key that came with this build, which
    // this reader's key is not: refused, in words, and the bundled pack kept.
    const refused = await updateNow(o);
    expect(refused).toMatch(new RegExp(`Refused: .*came with Crosscheck and may be updated only by a key that came with this build; this feed's key ${trusted.id} may not replace it .*kept version 1`));
    expect(await installedVersion(o)).toBe('version 1');
    expect(squash(await o.locator(`li.pack[data-pack-id="${PACK}"]`).innerText())).toMatch(/came with Crosscheck/);
    expect(squash(await o.getByRole('list', { name: 'Subscribed feeds' }).innerText())).toMatch(/Last error .*may not replace it/);

    // Moving the pack to this publisher is the reader's act: remove it, then the feed installs its own.
    await o.getByRole('button', { name: `Remove ${bundled.title}` }).click();
    await expect.poll(async () => o.locator(`li.pack[data-pack-id="${PACK}"]`).count()).toBe(0);
    const outcome = await updateNow(o);
    expect(outcome).toMatch(/Updated to version 2|Up to date: version 2 is installed/);
    await expect.poll(() => installedVersion(o), { timeout: 10_000 }).toBe('version 2');
    // Who signed it, and from where.
    expect(squash(await o.locator(`li.pack[data-pack-id="${PACK}"]`).innerText())).toContain(`signed by key ${trusted.id} (from ${feedUrl})`);
    const feed = squash(await o.getByRole('list', { name: 'Subscribed feeds' }).innerText());
    expect(feed).toMatch(/Installed .*version 2/);
    expect(feed).not.toMatch(/Last checked never/);
    expect(feed).not.toMatch(/Last updated never/);
    await o.close();

    // Version 2 has no Valdai claim: a page stating it gets no card for it.
    expect(await valdaiCard()).not.toMatch(/compound at Valdai/);

    // Version 3 brings the claim: the page states it, and its card shows, without anything else done.
    await publish(version(3, { valdai: true }));
    const o3 = await optionsPage();
    expect(await updateNow(o3)).toMatch(/Updated: .*Updated to version 3 \(was version 2\)/);
    expect(await installedVersion(o3)).toBe('version 3');
    await o3.close();
    const card = await valdaiCard();
    expect(card).toMatch(/compound at Valdai/);
    expect(card).toMatch(/RFE\/RL/);
  });

  it('refuses a tampered update and one signed with another key, keeps the installed pack and says why', async () => {
    await publish(version(4, { valdai: false }));
    tamper = true;
    const o = await optionsPage();
    const tampered = await updateNow(o);
    expect(tampered).toMatch(/Refused:/);
    expect(tampered).toMatch(/does not match the feed's checksum \(sha256\).*kept version 3/);
    expect(await installedVersion(o)).toBe('version 3');
    // The feed's status says it too, and the page still has the claim of version 3.
    expect(squash(await o.getByRole('list', { name: 'Subscribed feeds' }).innerText())).toMatch(/Last error .*checksum/);
    tamper = false;

    // Signed by a stranger's key while claiming to be the trusted key's signature (feed.json itself
    // signed by the trusted key, as if its key had been misused).
    const built = await publish(version(4, { valdai: false }), stranger);
    const forged = { ...built.feed, packs: built.feed.packs.map((p) => ({ ...p, keyId: trusted.id })) };
    feedFiles.set('/feed/feed.json', await signFeed(forged, trusted));
    const forgedOutcome = await updateNow(o);
    expect(forgedOutcome).toMatch(new RegExp(`Signature does not match the feed's key \\(${trusted.id}\\).*kept version 3`));
    expect(await installedVersion(o)).toBe('version 3');
    await o.close();
    expect(await valdaiCard()).toMatch(/compound at Valdai/);

    // An older version is not a downgrade.
    await publish(version(2, { valdai: false }));
    const o2 = await optionsPage();
    expect(await updateNow(o2)).toMatch(/offers version 2, older than the installed version 3; kept version 3/);
    expect(await installedVersion(o2)).toBe('version 3');

    // A feed.json not rebuilt in time is stale: nothing from it, and the reader is told since when.
    await publish(version(4, { valdai: false }), trusted, { generated: new Date(Date.now() - 40 * 86_400_000), expires: new Date(Date.now() - 10 * 86_400_000) });
    expect(await updateNow(o2)).toMatch(/Refused: .*The feed has not been refreshed since \d{4}-\d{2}-\d{2} \d{2}:\d{2} UTC: it expired on .*; the installed packs are unchanged/);
    expect(await installedVersion(o2)).toBe('version 3');
    await o2.close();
  });

  it('another publisher the reader trusts may not replace the pack; removed, an older signed version does not come back', async () => {
    const o = await optionsPage();
    await o.getByLabel(/Public key/).fill(strangerText);
    await o.getByRole('button', { name: 'Add key' }).click();
    await expect.poll(async () => squash(await o.getByRole('list', { name: 'Trusted keys' }).innerText())).toContain(stranger.id);
    // The second publisher's feed offers the same pack id, much newer and retitled.
    const other = await buildFeed([{ name: 'x.json', bytes: enc(JSON.stringify({ ...version(99, { valdai: false }), title: 'Hijacked pack' })) }], stranger);
    otherFiles = new Map(other.files.map((f) => [`/other/${f.path}`, f.bytes]));
    const otherUrl = `${base}/other/feed.json`;
    await o.getByLabel(/Feed address/).fill(otherUrl);
    await o.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(async () => squash(await o.getByRole('list', { name: 'Subscribed feeds' }).innerText())).toContain(otherUrl);
    const outcome = await updateNow(o);
    expect(outcome).toMatch(new RegExp(`is published by key ${trusted.id} \\(from ${feedUrl.replace(/[.]/g, '\\.')}\\); this feed's key ${stranger.id} may not replace it`));
    expect(await installedVersion(o)).toBe('version 3');
    expect(squash(await o.locator('.packs').innerText())).not.toMatch(/Hijacked pack/);
    // The second feed goes away.
    await o.getByRole('button', { name: `Remove ${otherUrl}` }).click();
    await expect.poll(async () => squash(await o.getByRole('list', { name: 'Subscribed feeds' }).innerText())).not.toContain(otherUrl);
    otherFiles = new Map();

    // Removed, the pack does not come back older than the version its publisher installed.
    await publish(version(2, { valdai: false }));
    await o.getByRole('button', { name: `Remove ${bundled.title}` }).click();
    await expect.poll(async () => o.locator(`li.pack[data-pack-id="${PACK}"]`).count()).toBe(0);
    expect(await updateNow(o)).toMatch(new RegExp(`Version 2 is older than version 3, which this publisher \\(key ${trusted.id}\\) already installed; .*nothing was installed`));
    expect(await o.locator(`li.pack[data-pack-id="${PACK}"]`).count()).toBe(0);
    // The version it had, or a newer one, may come back.
    await publish(version(3, { valdai: true }));
    expect(await updateNow(o)).toMatch(/Updated to version 3/);
    expect(await installedVersion(o)).toBe('version 3');

    // A feed over plain http to another computer is refused when subscribing.
    await o.getByLabel(/Feed address/).fill('http://feeds.example.org/feed.json');
    await o.getByRole('button', { name: 'Add', exact: true }).click();
    await expect.poll(() => pageText(o)).toMatch(/Not subscribed: http:\/\/feeds\.example\.org\/feed\.json is plain http:\/\/, .* a feed must be https:\/\//);
    await o.close();
  });

  it('"Update now" in the popup checks the feeds and shows the outcome', async () => {
    await publish(version(3, { valdai: true }));
    const popup = await ext.context.newPage();
    await popup.goto(`chrome-extension://${ext.extensionId}/popup.html`);
    await popup.getByRole('button', { name: 'Update now' }).click();
    await expect.poll(async () => squash(await popup.getByRole('status').last().innerText()), { timeout: 15_000 }).toMatch(/Up to date: version 3 is installed/);
    // The popup shows who signed each pack too.
    expect(squash(await popup.getByRole('list', { name: 'Installed claim packs' }).innerText())).toContain(`signed by key ${trusted.id} (from ${feedUrl})`);
    await popup.close();
  });
});

describe('packs in the options page', () => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-import-'));
  afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const file = (name: string, text: string) => {
    const f = path.join(tmp, name);
    fs.writeFileSync(f, text);
    return f;
  };

  it('lists the problems of a refused file with their place in it, and installs a valid newer one', async () => {
    const o = await optionsPage();
    const input = o.getByLabel('Import pack');

    // Valid JSON, invalid pack: every problem with its JSON path and line.
    const bad = version(5, { valdai: true }) as unknown as { claims: { kind: string }[]; reports: { article: string }[] };
    bad.claims[3].kind = 'rumour';
    bad.reports[2].article = 'no-such-article';
    await input.setInputFiles(file('bad.json', JSON.stringify(bad, null, 2)));
    const problems = o.getByRole('list', { name: 'Problems in bad.json' });
    await problems.waitFor({ timeout: 10_000 });
    const listed = squash(await problems.innerText());
    expect(listed).toMatch(/claims\[3\]\.kind \(line \d+, column \d+\): /);
    expect(squash(await o.getByRole('alert').first().innerText())).toMatch(/bad\.json was not imported: .*The installed packs are unchanged/);
    expect(await installedVersion(o)).toBe('version 3');

    // Not JSON at all.
    await input.setInputFiles(file('broken.json', '{\n  "format": 1,\n  "id": oops\n}'));
    await expect.poll(async () => squash(await o.getByRole('alert').first().innerText())).toMatch(/broken\.json was not imported: .*invalid JSON at line 3/);
    expect(await installedVersion(o)).toBe('version 3');

    // A valid newer version would replace the feed publisher's pack: asked first, nothing installed yet.
    await input.setInputFiles(file('v5.json', JSON.stringify(version(5, { valdai: false }))));
    await expect.poll(async () => squash(await o.locator('.import-result').innerText()), { timeout: 10_000 }).toMatch(
      new RegExp(`is published by key ${trusted.id} .*importing this file replaces it with a pack no publisher signed\\. Import v5\\.json anyway\\?`),
    );
    expect(await installedVersion(o)).toBe('version 3');
    // Confirmed: it installs and is used.
    await o.getByRole('button', { name: 'Replace it with v5.json' }).click();
    await expect.poll(async () => squash(await o.locator('.import-result').innerText()), { timeout: 10_000 }).toMatch(/Imported .* version 5 \(was version 3\)/);
    await expect.poll(() => installedVersion(o)).toBe('version 5');
    expect(squash(await o.locator(`li.pack[data-pack-id="${PACK}"]`).innerText())).toMatch(/imported from a file/);
    await o.close();
    expect(await valdaiCard()).not.toMatch(/compound at Valdai/);
  });

  it('exports the installed packs as a JSON file that imports as it is', async () => {
    const o = await optionsPage();
    const [download] = await Promise.all([o.waitForEvent('download'), o.getByRole('button', { name: 'Export packs' }).click()]);
    // Every installed pack: this one and the other story's that came with Crosscheck, as a list.
    expect(download.suggestedFilename()).toMatch(/^crosscheck-packs-\d{4}-\d{2}-\d{2}\.json$/);
    const saved = path.join(tmp, 'export.json');
    await download.saveAs(saved);
    const packs = JSON.parse(fs.readFileSync(saved, 'utf8')) as Pack[];
    expect(packs.map((p) => p.id).sort()).toEqual(readBundledPacks().map((p) => p.id).sort());
    const pack = packs.find((p) => p.id === PACK)!;
    expect(pack).toMatchObject({ id: PACK, version: 5 });
    expect(pack.claims.length).toBe(bundled.claims.length - 1);
    await o.getByLabel('Import pack').setInputFiles(saved);
    await expect.poll(async () => squash(await o.locator('.import-result').innerText())).toMatch(/version 5 is already installed/);
    await o.close();
  });

  it('removes the bundled pack, keeps it removed after the worker restarts, and restores it', async () => {
    // Unsubscribe first, so no check brings a version back meanwhile.
    let o = await optionsPage();
    await o.getByRole('button', { name: `Remove ${feedUrl}` }).click();
    await expect.poll(async () => squash(await o.locator('section').first().innerText())).toMatch(/You follow no feed yet/);
    await o.getByRole('button', { name: `Remove ${bundled.title}` }).click();
    await expect.poll(async () => o.locator(`li.pack[data-pack-id="${PACK}"]`).count()).toBe(0);
    await expect.poll(async () => squash(await o.locator('body').innerText())).toMatch(/Removed .* \(version \d+\)/);
    await o.close();

    const { page, tab } = await openTab(`${base}/story.html`);
    await page.waitForTimeout(1000);
    expect(await badge(tab)).toBe('');
    await page.close();

    await stopWorker();
    o = await optionsPage();
    await o.getByRole('button', { name: 'Restore bundled pack' }).waitFor();
    expect(await o.locator(`li.pack[data-pack-id="${PACK}"]`).count()).toBe(0);
    await o.getByRole('button', { name: 'Restore bundled pack' }).click();
    await expect.poll(() => installedVersion(o)).toBe(`version ${bundled.version}`);
    expect(squash(await o.locator(`li.pack[data-pack-id="${PACK}"]`).innerText())).toMatch(/came with Crosscheck/);
    await o.close();
    expect(await valdaiCard()).toMatch(/compound at Valdai/);
  });
});

const stopWorker = () => stopExtensionWorker(ext.context);

describe('the scan engine cache', () => {
  it('a stopped worker restores the compiled engine from IndexedDB and scans new pages with it', async () => {
    // The engine of the installed pack is cached under its id and version.
    const key = bundledEngineKey();
    const cached = await ext.worker().evaluate(async () => {
      const open = indexedDB.open('crosscheck');
      const db = await new Promise<IDBDatabase>((ok, ko) => {
        open.onsuccess = () => ok(open.result);
        open.onerror = () => ko(open.error);
      });
      const keys = await new Promise<IDBValidKey[]>((ok) => {
        const r = db.transaction('engineCache').objectStore('engineCache').getAllKeys();
        r.onsuccess = () => ok(r.result);
      });
      db.close();
      return keys;
    });
    expect(cached).toEqual([key]);

    const before = await openTab(`${base}/story.html`);
    await expect.poll(() => badge(before.tab), { timeout: 10_000 }).not.toBe('');
    const claims = Number(await badge(before.tab));
    await before.page.close();

    await stopWorker();
    workerLog.length = 0;
    const after = await openTab(`${base}/story.html`);
    await expect.poll(() => badge(after.tab), { timeout: 15_000 }).not.toBe('');
    expect(Number(await badge(after.tab))).toBe(claims);
    expect(workerLog.join('\n')).toContain(`scan engine restored from its cache (${key})`);
    expect(workerLog.join('\n')).not.toContain('scan engine compiled');
    expect(await hoverText(after.page, 'Lavrov')).not.toBeNull();
    await after.page.close();
  });
});

describe('reading settings in the options page', () => {
  it('keeps the hover delay, highlight style, interval and sites turned off, and refuses values out of range', async () => {
    let o = await optionsPage();
    await o.getByLabel(/Hover delay/).fill('800');
    await o.getByLabel(/Hover delay/).press('Tab');
    await expect.poll(async () => squash(await o.locator('section', { has: o.getByRole('heading', { name: 'Reading' }) }).innerText())).toMatch(/Saved/);
    await o.getByLabel('Highlight style').selectOption('underline');
    await expect.poll(async () => squash(await o.locator('section', { has: o.getByRole('heading', { name: 'Reading' }) }).innerText())).toMatch(/Saved/);
    await o.getByLabel(/Check feeds every/).fill('500');
    await o.getByLabel(/Check feeds every/).press('Tab');
    const reading = o.locator('section', { has: o.getByRole('heading', { name: 'Reading' }) });
    await expect.poll(async () => squash(await reading.getByRole('alert').innerText())).toMatch(/update interval must be a whole number of hours from 1 to 168/);
    await o.getByLabel(/Site to turn off/).fill('https://www.example.com/news/1');
    await o.getByRole('button', { name: 'Add site' }).click();
    await expect.poll(async () => squash(await o.getByRole('list', { name: 'Sites turned off' }).innerText())).toContain('www.example.com');
    await o.close();

    o = await optionsPage();
    await expect.poll(() => o.getByLabel(/Hover delay/).inputValue()).toBe('800');
    expect(await o.getByLabel('Highlight style').inputValue()).toBe('underline');
    expect(await o.getByLabel(/Check feeds every/).inputValue()).toBe('12');
    await o.getByRole('button', { name: 'Turn Crosscheck on again on www.example.com' }).click();
    await expect.poll(async () => squash(await o.locator('body').innerText())).toMatch(/Crosscheck reads every site/);
    await o.close();
  });
});
