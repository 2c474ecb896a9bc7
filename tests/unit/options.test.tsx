// The options page and the "Update now" button, rendered into happy-dom with a fake background
// (the OptionsApi the page is given). Assertions are on what the reader sees: messages, lists,
// progress with sizes; pack and feed strings always as text.
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testContainer } from '../helpers/dom';
import { OptionsApp } from '@/components/options/OptionsApp';
import type { OptionsApi } from '@/components/options/api';
import { UpdateNow } from '@/components/UpdateNow';
import type { FeedCheck, PageEvent, Reply, Request } from '@/lib/protocol';
import type { FeedRow, PackRow } from '@/lib/store/db';
import { newFeedRow } from '@/lib/store/feeds';

const host = testContainer();
const text = (el: Element | null | undefined) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
/** The text as a reader sees it: separate elements' words apart (textContent runs them together). */
const words = (el: Element | null | undefined): string => {
  if (!el) return '';
  const out: string[] = [];
  const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  for (let n = walk.nextNode(); n; n = walk.nextNode()) out.push(n.nodeValue ?? '');
  return out.join(' ').replace(/\s+/g, ' ').trim();
};
const flush = async () => {
  for (let i = 0; i < 5; i++) await new Promise((r) => setTimeout(r, 0));
};
const button = (name: string) => {
  const b = [...host.el.querySelectorAll('button')].filter((x) => (x.getAttribute('aria-label') ?? text(x)) === name);
  if (b.length !== 1) throw new Error(`expected one button "${name}", found ${b.length}`);
  return b[0];
};
const labelled = <T extends HTMLElement>(label: RegExp): T => {
  const l = [...host.el.querySelectorAll('label')].find((x) => label.test(text(x)));
  if (!l) throw new Error(`no label ${label}`);
  return host.el.querySelector(`#${l.htmlFor}`) as T;
};
async function type(input: HTMLInputElement | HTMLTextAreaElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  await flush();
}

const FEED = 'https://feeds.example.org/feed.json';
const HOSTILE = '<img src=x onerror="alert(1)">';

function packRow(over: Partial<PackRow> = {}): PackRow {
  return {
    id: 'story', version: 3, title: 'The story', publisher: 'P', createdAt: '2026-01-01', stories: [], source: 'feed', installedAt: '2026-01-15T10:00:00.000Z',
    signer: { kind: 'key', keyId: '1a2b3c4d5e6f7a8b', feedUrl: FEED, sha256: 'c'.repeat(64) },
    counts: { outlets: 5, articles: 5, actors: 19, claims: 46, reports: 100, positions: 10 }, ...over,
  };
}

/** A fake background answering the options page's requests; records them. */
function fakeApi(over: { feeds?: FeedRow[]; answer?: (req: Request) => unknown } = {}) {
  const sent: Request[] = [];
  const listeners: ((e: PageEvent) => void)[] = [];
  const permission = { requested: [] as string[], answer: new Promise<boolean>(() => {}) };
  const api: OptionsApi = {
    send: (async (req: Request) => {
      sent.push(req);
      const custom = over.answer?.(req);
      if (custom !== undefined) return custom;
      switch (req.type) {
        case 'feeds': return { ok: true, feeds: over.feeds ?? [], checking: false };
        case 'packs': return { ok: true, packs: [packRow()], bundled: [{ id: 'story', version: 1, title: 'The story', installed: true, removed: false }] };
        case 'keys': return { ok: true, keys: [] };
        case 'settings': return { ok: true, settings: { hoverDelayMs: 350, highlightStyle: 'background', checkIntervalHours: 12 } };
        case 'sites': return { ok: true, sites: [] };
        case 'diagnostics': return { ok: true, dropped: { sender: 0, malformed: 0, 'not-allowed': 0 }, since: '2026-01-15T10:00:00.000Z' };
        default: return { ok: false, error: `unexpected ${req.type}` };
      }
    }) as OptionsApi['send'],
    requestHostPermission: (url) => {
      permission.requested.push(url);
      return permission.answer;
    },
    hasHostPermission: async () => true,
    onEvent: (l) => {
      listeners.push(l);
      return () => listeners.splice(listeners.indexOf(l), 1);
    },
  };
  return { api, sent, permission, emit: (e: PageEvent) => listeners.forEach((l) => l(e)) };
}

describe('UpdateNow', () => {
  it('shows each feed\'s outcome in words, as text, in a status region', async () => {
    const results: FeedCheck[] = [
      { feedUrl: FEED, status: 'refused', message: `Signature does not match the feed's key (386fac63d933e9ea) for the pack (${HOSTILE}); kept version 3`, packs: [] },
      { feedUrl: 'https://b.example/feed.json', status: 'updated', message: 'Updated to version 4 (was version 3).', packs: [] },
    ];
    let resolve!: (r: Reply<{ type: 'update-now' }>) => void;
    render(<UpdateNow run={() => new Promise((r) => (resolve = r))} />, host.el);
    button('Update now').click();
    await flush();
    expect(text(host.el.querySelector('[role="status"]'))).toBe('Checking the feeds…');
    expect(button('Update now').disabled).toBe(true);
    resolve({ ok: true, results });
    await flush();
    const status = host.el.querySelector('[role="status"]')!;
    expect([...status.querySelectorAll('li')].map(words)).toEqual([
      `Refused: ${FEED} Signature does not match the feed's key (386fac63d933e9ea) for the pack (${HOSTILE}); kept version 3`,
      'Updated: https://b.example/feed.json Updated to version 4 (was version 3).',
    ]);
    expect(status.querySelector('img')).toBeNull();
    expect(button('Update now').disabled).toBe(false);
  });

  it('says when there is nothing to update, or the background did not answer', async () => {
    render(<UpdateNow run={async () => ({ ok: true, results: [] })} />, host.el);
    button('Update now').click();
    await flush();
    expect(text(host.el.querySelector('[role="status"]'))).toMatch(/^No subscriptions yet/);
    render(<UpdateNow run={async () => ({ ok: false, error: 'no answer' })} />, host.el);
    button('Update now').click();
    await flush();
    expect(text(host.el.querySelector('[role="status"]'))).toBe('Could not check the feeds: no answer');
  });
});

describe('the options page', () => {
  it('has the five sections, each with its heading', async () => {
    render(<OptionsApp api={fakeApi().api} />, host.el);
    await flush();
    expect([...host.el.querySelectorAll('h2')].map(text)).toEqual(['Subscriptions', 'Packs', 'Trusted keys', 'Reading', 'Your data']);
    // Who signed it, not only what the pack says of its publisher.
    expect(words(host.el.querySelector('li.pack'))).toMatch(/^The story version 3 46 claims · 19 actors · signed by key 1a2b3c4d5e6f7a8b \(from https:\/\/feeds\.example\.org\/feed\.json\) · last updated /);
  });

  it("shows a pack's coverage, who reported what, when the reader asks", async () => {
    const pack = {
      outlets: [{ id: 'r', name: 'Reuters' }, { id: 'h', name: HOSTILE }],
      articles: [{ id: 'a1', outlet: 'r' }, { id: 'a2', outlet: 'h' }],
      claims: [{ id: 'c1', text: 'One.' }, { id: 'c2', text: 'Two.' }],
      reports: [{ claim: 'c1', article: 'a1', stance: 'corroborates' }, { claim: 'c2', article: 'a1', stance: 'differs' }, { claim: 'c2', article: 'a2', stance: 'contradicts' }],
    };
    const f = fakeApi({ answer: (req) => (req.type === 'export-packs' ? { ok: true, json: JSON.stringify(pack), fileName: 'story-3.json', count: 1 } : undefined) });
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    expect(host.el.querySelector('svg')).toBeNull();
    const open = button('Who reported what in The story');
    expect(open.getAttribute('aria-expanded')).toBe('false');
    open.click();
    await flush();
    expect(f.sent.filter((r) => r.type === 'export-packs')).toEqual([{ type: 'export-packs', id: 'story' }]);
    expect(open.getAttribute('aria-expanded')).toBe('true');
    const svg = host.el.querySelector('li.pack svg[role="img"]')!;
    expect(svg.getAttribute('aria-label')).toBe(`Who reported what: 2 claims by 2 outlets. Reuters reported 2 of 2 (1 agree, 1 differ); ${HOSTILE} reported 1 of 2 (1 contradict).`);
    expect([...host.el.querySelectorAll('.cov-labels li')].map(text)).toEqual(['Reuters', HOSTILE]);
    expect(host.el.querySelectorAll('img')).toHaveLength(0);
    open.click();
    await flush();
    expect(host.el.querySelector('svg')).toBeNull();
  });

  it('subscribing: a bad address is refused in words; a good one asks for access from the click and subscribes without waiting for the answer', async () => {
    const f = fakeApi({ answer: (req) => (req.type === 'subscribe' ? { ok: true, feed: newFeedRow(req.url, new Date()), existed: false } : undefined) });
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    await type(labelled(/Feed address/), 'ftp://example.org/feed.json');
    button('Add').click();
    await flush();
    expect(text(host.el.querySelector('[role="alert"]'))).toBe("A feed's address starts with https://, not ftp://");
    expect(f.sent.some((r) => r.type === 'subscribe')).toBe(false);

    await type(labelled(/Feed address/), FEED);
    button('Add').click();
    // The permission prompt is asked for synchronously, in the click (a user gesture)...
    expect(f.permission.requested).toEqual([FEED]);
    await flush();
    // ... and the subscription is saved though the prompt never answers.
    expect(f.sent).toContainEqual({ type: 'subscribe', url: FEED });
    expect(words(host.el.querySelector('section'))).toContain(`Subscribed to ${FEED}; checking it now.`);
  });

  it('says so when access to the feed\'s site is not granted', async () => {
    const f = fakeApi({ answer: (req) => (req.type === 'subscribe' ? { ok: true, feed: newFeedRow(req.url, new Date()), existed: false } : undefined) });
    f.permission.answer = Promise.resolve(false);
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    await type(labelled(/Feed address/), FEED);
    button('Add').click();
    await flush();
    expect(words(host.el.querySelector('section'))).toContain('Access to feeds.example.org was not granted. Crosscheck can still read the feed if its server allows other sites to (Access-Control-Allow-Origin)');
  });

  it('lists each feed with its status and last error in words', async () => {
    const feed: FeedRow = {
      ...newFeedRow(FEED, new Date('2026-01-10T10:00:00Z')),
      lastCheckedAt: '2026-01-12T10:00:00Z',
      lastUpdatedAt: '2026-01-11T10:00:00Z',
      lastOutcome: 'refused',
      lastMessage: `The pack does not match the feed's checksum (sha256): ${HOSTILE}; kept version 3`,
      lastPacks: [{ id: 'story', title: 'The story', status: 'refused', message: '', offered: 4, installed: 3 }],
    };
    render(<OptionsApp api={fakeApi({ feeds: [feed] }).api} />, host.el);
    await flush();
    const item = host.el.querySelector('li.feed')!;
    expect(words(item)).toMatch(new RegExp(`^${FEED.replace(/\./g, '\\.')} Last checked .* \\(refused\\) Last updated .* Installed The story: version 3 Last error The pack does not match`));
    expect(item.querySelector('img')).toBeNull();
    expect(button(`Remove ${FEED}`)).toBeTruthy();
  });

  it('shows download progress with sizes, and clears it when the check ends', async () => {
    const f = fakeApi();
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    f.emit({ type: 'sync-progress', url: `${FEED}/p.json`, what: 'pack', phase: 'download', received: 51_200, total: 2_097_152 });
    await flush();
    const bar = host.el.querySelector('progress')!;
    expect(bar.getAttribute('max')).toBe('2097152');
    expect(bar.getAttribute('value')).toBe('51200');
    expect(text(host.el.querySelector('.progress'))).toBe('Downloading the pack: 50 KB of 2.0 MB');
    f.emit({ type: 'sync-progress', url: `${FEED}/p.json`, what: 'pack', phase: 'import', received: 2_097_152, total: 2_097_152 });
    await flush();
    expect(text(host.el.querySelector('.progress'))).toBe('Importing the pack (2.0 MB)…');
    f.emit({ type: 'feeds-changed' });
    await flush();
    expect(host.el.querySelector('progress')).toBeNull();
  });

  it('a refused import lists every problem with its place in the file; the reply\'s strings stay text', async () => {
    const f = fakeApi({
      answer: (req) =>
        req.type === 'import-pack'
          ? { ok: true, status: 'refused', message: `${req.name} was not imported: 2 problems, listed below. The installed packs are unchanged.`, problems: [
              { path: 'claims[3].kind', message: `expected "event", got ${HOSTILE}`, line: 120, column: 15 },
              { path: '(file)', message: 'one more' },
            ] }
          : undefined,
    });
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    const input = labelled<HTMLInputElement>(/^Import pack$/);
    expect(input.type).toBe('file');
    const file = new File(['{"format": 1}'], 'bad.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(host.el.querySelector('.import-result')).not.toBeNull());
    expect(f.sent).toContainEqual({ type: 'import-pack', text: '{"format": 1}', name: 'bad.json' });
    const result = host.el.querySelector('.import-result')!;
    expect(result.getAttribute('role')).toBe('alert');
    expect(text(result.querySelector('p'))).toBe('bad.json was not imported: 2 problems, listed below. The installed packs are unchanged.');
    expect([...result.querySelectorAll('li')].map(text)).toEqual([`claims[3].kind (line 120, column 15): expected "event", got ${HOSTILE}`, '(file): one more']);
    expect(result.querySelector('img')).toBeNull();
  });

  it('imports a file dropped on the drop zone', async () => {
    const f = fakeApi({ answer: (req) => (req.type === 'import-pack' ? { ok: true, status: 'installed', message: 'Imported "The story" version 4 (was version 3).', problems: [] } : undefined) });
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    const zone = host.el.querySelector('.drop-zone')!;
    const over = new Event('dragover', { bubbles: true, cancelable: true });
    zone.dispatchEvent(over);
    expect(over.defaultPrevented).toBe(true);
    const drop = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(drop, 'dataTransfer', { value: { files: [new File(['{"v": 4}'], 'v4.json')] } });
    zone.dispatchEvent(drop);
    await vi.waitFor(() => expect(host.el.querySelector('.import-result')).not.toBeNull());
    expect(f.sent).toContainEqual({ type: 'import-pack', text: '{"v": 4}', name: 'v4.json' });
    expect(text(host.el.querySelector('.import-result'))).toBe('Imported "The story" version 4 (was version 3).');
    expect(host.el.querySelector('.import-result')!.getAttribute('role')).toBe('status');
  });

  it('a file that would replace another signer\'s pack is imported only after the reader confirms', async () => {
    const f = fakeApi({
      answer: (req) =>
        req.type === 'import-pack'
          ? req.replace
            ? { ok: true, status: 'installed', message: 'Imported "The story" version 4 (was version 3).', problems: [] }
            : { ok: true, status: 'confirm', message: `"The story" is published by key 1a2b3c4d5e6f7a8b (from ${FEED}); importing this file replaces it with a pack no publisher signed. Import v4.json anyway? ${HOSTILE}`, problems: [] }
          : undefined,
    });
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    const input = labelled<HTMLInputElement>(/^Import pack$/);
    Object.defineProperty(input, 'files', { value: [new File(['{"v": 4}'], 'v4.json')], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(host.el.querySelector('.import-result.confirm')).not.toBeNull());
    expect(f.sent.filter((r) => r.type === 'import-pack')).toEqual([{ type: 'import-pack', text: '{"v": 4}', name: 'v4.json' }]);
    expect(text(host.el.querySelector('.import-result.confirm p'))).toMatch(/^"The story" is published by key 1a2b3c4d5e6f7a8b .*Import v4\.json anyway\?/);
    expect(host.el.querySelector('.import-result img')).toBeNull();
    // "Keep the installed pack": nothing more is sent.
    button('Keep the installed pack').click();
    await flush();
    expect(text(host.el.querySelector('.import-result'))).toBe('v4.json was not imported. The installed packs are unchanged.');
    expect(f.sent.filter((r) => r.type === 'import-pack')).toHaveLength(1);
    // Again, and this time confirmed: the same file, with `replace`.
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await vi.waitFor(() => expect(host.el.querySelector('.import-result.confirm')).not.toBeNull());
    button('Replace it with v4.json').click();
    await vi.waitFor(() => expect(text(host.el.querySelector('.import-result'))).toBe('Imported "The story" version 4 (was version 3).'));
    expect(f.sent.filter((r) => r.type === 'import-pack').at(-1)).toEqual({ type: 'import-pack', text: '{"v": 4}', name: 'v4.json', replace: true });
  });

  it('offers to restore the bundled pack when it was removed', async () => {
    const f = fakeApi({
      answer: (req) =>
        req.type === 'packs' ? { ok: true, packs: [], bundled: [{ id: 'story', version: 1, title: 'The story', installed: false, removed: true }] } : req.type === 'restore-bundled' ? { ok: true, message: 'Restored the bundled pack "The story" (version 1).' } : undefined,
    });
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    expect(words(host.el.querySelectorAll('section')[1])).toMatch(/No claim pack is installed/);
    button('Restore bundled pack').click();
    await flush();
    expect(f.sent).toContainEqual({ type: 'restore-bundled' });
    expect(text(host.el.querySelector('[role="status"].note'))).toBe('Restored the bundled pack "The story" (version 1).');
  });
});

describe('your data', () => {
  const section = () => [...host.el.querySelectorAll('section')].find((x) => text(x.querySelector('h2')) === 'Your data')!;
  const buttons = () => [...section().querySelectorAll('button')].map(text);
  const DELETED = "Deleted 2 packs, 1 subscription, 1 key you added, 0 sites turned off, your reading settings and the scanner's cache.";

  it('"Delete all data" asks first, on the page, saying what stays; Cancel deletes nothing', async () => {
    const f = fakeApi();
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    expect(words(section())).toMatch(/everything on this device/);
    expect(buttons()).toEqual(['Delete all data']);
    button('Delete all data').click();
    await flush();
    // A step on the page (no window.confirm): the warning, the choices, the focus on the safe one.
    const group = section().querySelector('[role="group"]')!;
    expect(words(group)).toMatch(/^Delete every pack, subscription, key you added, reading setting and site turned off\? .*bundled pack is installed again.* keys that came with this build are trusted again.* cannot be undone\./);
    expect(group.getAttribute('aria-labelledby')).toBe('delete-warning');
    expect(buttons()).toEqual(['Yes, delete all data', 'Cancel']);
    expect(document.activeElement).toBe(button('Cancel'));
    button('Cancel').click();
    await flush();
    expect(buttons()).toEqual(['Delete all data']);
    expect(f.sent.some((r) => r.type === 'delete-all-data')).toBe(false);
  });

  it('the second click deletes, says what was deleted, and reloads every section from the background', async () => {
    let deleted = false;
    const f = fakeApi({
      answer: (req) => {
        if (req.type === 'delete-all-data') {
          deleted = true;
          return { ok: true, message: DELETED };
        }
        if (req.type === 'settings') return { ok: true, settings: deleted ? { hoverDelayMs: 350, highlightStyle: 'background', checkIntervalHours: 12 } : { hoverDelayMs: 900, highlightStyle: 'underline', checkIntervalHours: 24 } };
        if (req.type === 'feeds') return { ok: true, feeds: deleted ? [] : [newFeedRow(FEED, new Date())], checking: false };
        return undefined;
      },
    });
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    expect(labelled<HTMLInputElement>(/Hover delay/).value).toBe('900');
    expect(host.el.querySelector('ul.feeds')).not.toBeNull();
    button('Delete all data').click();
    await flush();
    button('Yes, delete all data').click();
    await flush();
    expect(f.sent.filter((r) => r.type === 'delete-all-data')).toEqual([{ type: 'delete-all-data' }]);
    expect(text(section().querySelector('[role="status"]'))).toBe(DELETED);
    expect(buttons()).toEqual(['Delete all data']);
    // Every section shows the data as it is now, the reading settings' fields included.
    await vi.waitFor(() => expect(labelled<HTMLInputElement>(/Hover delay/).value).toBe('350'));
    expect(labelled<HTMLSelectElement>(/Highlight style/).value).toBe('background');
    expect(host.el.querySelector('ul.feeds')).toBeNull();
    expect(words(host.el.querySelectorAll('section')[0])).toMatch(/You follow no feed yet/);
  });

  it('says so when the deletion failed', async () => {
    const f = fakeApi({ answer: (req) => (req.type === 'delete-all-data' ? { ok: false, error: "Crosscheck's background did not answer; try again" } : undefined) });
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    button('Delete all data').click();
    await flush();
    button('Yes, delete all data').click();
    await flush();
    expect(text(section().querySelector('[role="alert"]'))).toBe("Could not delete all data: Crosscheck's background did not answer; try again");
  });

  it('shows the messages the background dropped, by reason', async () => {
    const f = fakeApi({ answer: (req) => (req.type === 'diagnostics' ? { ok: true, dropped: { sender: 1, malformed: 5, 'not-allowed': 2 }, since: '2026-01-15T10:00:00.000Z' } : undefined) });
    render(<OptionsApp api={f.api} />, host.el);
    await flush();
    expect(words(section().querySelector('.diagnostics'))).toMatch(
      /^Diagnostics: 8 messages dropped since Crosscheck's background started \(.*2026.*\): 1 from an unknown sender, 5 malformed, 2 not allowed for their sender\.$/,
    );
    // Without an answer the line is left out, and the page does not call it an error.
    render(null, host.el);
    render(<OptionsApp api={fakeApi({ answer: (req) => (req.type === 'diagnostics' ? { ok: false, error: 'no' } : undefined) }).api} />, host.el);
    await flush();
    expect(section().querySelector('.diagnostics')).toBeNull();
    expect(host.el.querySelector('main > [role="alert"]')).toBeNull();
  });
});
