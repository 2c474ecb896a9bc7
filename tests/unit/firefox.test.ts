// What differs in Firefox (docs/firefox.md): the extension's pages live at moz-extension://<uuid>/
// (a random UUID per install, unlike Chrome's fixed id), and the manifest carries Firefox's own
// settings, in the Firefox build only.
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { allowedFrom, parseRequest } from '../../lib/protocol';

describe('which senders may ask what, in Firefox', () => {
  // What the background computes: new URL(browser.runtime.getURL('/')).origin.
  const ext = 'moz-extension://6f1c2b7e-8a4d-4e0b-9c3a-5d2e7f9a1b04';
  const scan = parseRequest({ type: 'scan', url: 'https://a.example/', text: 'x' })!;
  const update = parseRequest({ type: 'update-now' })!;

  it('answers the options page opened in a tab and the popup (no tab), at the moz-extension:// origin', () => {
    expect(allowedFrom(update, { tab: { id: 3 }, url: `${ext}/options.html` }, ext)).toBe(true);
    expect(allowedFrom(update, { tab: { id: 3 }, url: `${ext}/popup.html?tab=7` }, ext)).toBe(true);
    expect(allowedFrom(update, { url: `${ext}/popup.html` }, ext)).toBe(true);
    // runtime.getURL('/') itself, with its trailing slash, works as the origin too.
    expect(allowedFrom(update, { tab: { id: 3 }, url: `${ext}/options.html` }, `${ext}/`)).toBe(true);
  });

  it('answers a content script only its own requests, and no look-alike origin at all', () => {
    const page = { tab: { id: 3 }, url: 'https://news.example/article' };
    expect(allowedFrom(scan, page, ext)).toBe(true);
    expect(allowedFrom(update, page, ext)).toBe(false);
    // Another install's (or add-on's) UUID, a longer host that starts with ours, a page with our
    // origin in its path, a sender with no URL.
    expect(allowedFrom(update, { tab: { id: 3 }, url: 'moz-extension://0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d/options.html' }, ext)).toBe(false);
    expect(allowedFrom(update, { tab: { id: 3 }, url: `${ext}0/options.html` }, ext)).toBe(false);
    expect(allowedFrom(update, { tab: { id: 3 }, url: `https://evil.example/${ext}/options.html` }, ext)).toBe(false);
    expect(allowedFrom(update, { tab: { id: 3 } }, ext)).toBe(false);
  });
});

describe('the manifest per browser (wxt.config.ts)', () => {
  const manifestFor = async (browser: string) => {
    const m = config.manifest;
    if (typeof m !== 'function') throw new Error('wxt.config.ts: manifest is expected to be a function of the target browser');
    return m({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
  };

  it('gives Firefox its add-on ID, minimum versions and the declaration that nothing is collected', async () => {
    const gecko = (await manifestFor('firefox')).browser_specific_settings;
    expect(gecko?.gecko?.id).toMatch(/^[A-Za-z0-9._-]*@[A-Za-z0-9._-]+$/);
    expect(gecko?.gecko?.data_collection_permissions).toEqual({ required: ['none'] });
    // The data-collection key needs Firefox 140 (Android 142); Ed25519 in WebCrypto needs 129.
    expect(Number.parseFloat(gecko!.gecko!.strict_min_version!)).toBeGreaterThanOrEqual(140);
    expect(Number.parseFloat(gecko!.gecko_android!.strict_min_version!)).toBeGreaterThanOrEqual(142);
  });

  it('keeps everything else the same in both browsers, and Firefox settings out of Chrome', async () => {
    const chrome = await manifestFor('chrome');
    const { browser_specific_settings, ...firefox } = await manifestFor('firefox');
    expect(browser_specific_settings).toBeDefined();
    expect(chrome.browser_specific_settings).toBeUndefined();
    expect(firefox).toEqual(chrome);
    expect(chrome).toMatchObject({ permissions: ['alarms'], optional_host_permissions: ['http://*/*', 'https://*/*'] });
    expect(Object.keys(chrome.commands ?? {})).toEqual(['next-mention', 'previous-mention']);
  });
});
