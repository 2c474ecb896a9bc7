// The bundled claim pack is installed by the real extension in real Chromium, shown in the popup,
// and survives a browser restart without being installed twice.
import fs from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import {
  launchWithExtension,
  makeProfileDir,
  plural,
  pollUntil,
  readBundledPack,
  readBundledPacks,
  readStoredPack,
  type StoredPackSnapshot,
} from './browser';

const pack = readBundledPack();
const profile = makeProfileDir();
let ext: Awaited<ReturnType<typeof launchWithExtension>> | undefined;
let firstInstall: StoredPackSnapshot | undefined;

const hasPack = (s: StoredPackSnapshot | null): s is StoredPackSnapshot => !!s && s.packs.some((p) => p.id === pack.id);

afterAll(async () => {
  await ext?.close();
  fs.rmSync(profile, { recursive: true, force: true });
});

describe('bundled pack', () => {
  it('is installed into IndexedDB by the background on first run', async () => {
    ext = await launchWithExtension({ userDataDir: profile });
    expect(ext.extensionId).toMatch(/^[a-p]{32}$/);
    const e = ext;
    const stored = await pollUntil(() => readStoredPack(e.worker(), pack.id), hasPack, 30_000, `pack ${pack.id} in IndexedDB`);
    // Every pack that ships is installed, each once.
    expect(stored.packs.map((p) => p.id).sort()).toEqual(readBundledPacks().map((p) => p.id).sort());
    const row = stored.packs.find((p) => p.id === pack.id)!;
    expect(row.id).toBe(pack.id);
    expect(row.version).toBe(pack.version);
    expect(row.title).toBe(pack.title);
    expect(stored.claims).toBe(pack.claims.length);
    expect(stored.actors).toBe(pack.actors.length);
    expect(row.counts.claims).toBe(pack.claims.length);
    expect(row.counts.actors).toBe(pack.actors.length);
    firstInstall = stored;
  });

  it('is listed in the popup with its title and claim count', async () => {
    expect(ext, 'extension launched by the previous test').toBeDefined();
    const page = await ext!.context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(`chrome-extension://${ext!.extensionId}/popup.html`);
    const item = page.locator(`li.pack[data-pack-id="${pack.id}"]`);
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    await expect.poll(() => page.locator('li.pack').count()).toBe(readBundledPacks().length);
    const text = (await item.innerText()).replace(/\s+/g, ' ');
    expect(text).toContain(pack.title);
    expect(text).toContain(plural(pack.claims.length, 'claim'));
    expect(text).toContain(plural(pack.actors.length, 'actor'));
    expect(text).toContain(`v${pack.version}`);
    expect(text).toMatch(/installed \S/);
    expect(await page.getByText('No claim packs installed yet.').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('is still installed exactly once after a browser restart', async () => {
    expect(firstInstall, 'pack installed by the first test').toBeDefined();
    await ext!.close({ keepProfile: true });
    ext = await launchWithExtension({ userDataDir: profile });
    const e = ext;
    const stored = await pollUntil(() => readStoredPack(e.worker(), pack.id), hasPack, 30_000, `pack ${pack.id} after restart`);
    // Give the worker's start-up install time to run; it must be a no-op for the same version.
    await new Promise((r) => setTimeout(r, 2_000));
    const settled = await readStoredPack(e.worker(), pack.id);
    for (const s of [stored, settled]) {
      expect(s).not.toBeNull();
      const all = readBundledPacks();
      expect(s!.packs.map((p) => p.id).sort()).toEqual(all.map((p) => p.id).sort());
      const row = s!.packs.find((p) => p.id === pack.id)!;
      expect(row.version).toBe(pack.version);
      expect(row.installedAt).toBe(firstInstall!.packs.find((p) => p.id === pack.id)!.installedAt);
      expect(s!.claims).toBe(pack.claims.length);
      expect(s!.actors).toBe(pack.actors.length);
      expect(s!.allClaims).toBe(all.reduce((n, p) => n + p.claims.length, 0));
      expect(s!.allActors).toBe(all.reduce((n, p) => n + p.actors.length, 0));
    }
  });
});
