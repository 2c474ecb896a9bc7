// The content script as features (happy-dom, project 'dom'): the page context's helpers stop with
// its signal, the marks store hands out arrays it never changes, the card host mounts once and puts
// its host back in <body>, and the features together mark a page, answer the keyboard and leave
// nothing behind when the page's signal aborts (or the site is off).
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreateShadowUi } from '@/components/page/card-host';
import { FEATURES } from '@/components/page/features';
import { createPageContext, type PageContext, type PageHost } from '@/components/page/features/context';
import { domTreeAdapter } from '@/lib/extract/dom-adapter';
import { extractVisibleText } from '@/lib/extract/visible-text';
import { DEFAULT_DISPLAY, type NavigateReply, type ProtocolClient, type Request } from '@/lib/protocol';
import { ScanEngine } from '@/lib/scan/engine';
import { bundledPack } from '../helpers/corpus';

const ARTICLE = `<article><h1>Drones over Valdai</h1>
  <p>Russian Foreign Minister Sergey <b>Lavrov</b> said Ukraine had launched 91 long-range drones at Putin’s residence in the Novgorod region.</p>
  <p><em>Zelensky</em> denied that Ukraine had attacked the residence and called Russia's claim a lie.</p></article>`;

let cachedEngine: ScanEngine | null = null;
const engine = () => (cachedEngine ??= ScanEngine.fromPacks([bundledPack()]));

type Listener = (message: unknown, sender: { id?: string }, reply: (r: NavigateReply) => void) => void;

/** A page host as the content script makes it, with the background, the runtime and WXT's UI faked. */
function fakeHost(o: { siteOff?: boolean } = {}) {
  const listeners = new Set<Listener>();
  const sent: Request[] = [];
  const client: ProtocolClient = {
    send: async (req) => {
      sent.push(req);
      if (req.type === 'scan') return { ok: true, result: engine().scanText(req.text), display: DEFAULT_DISPLAY, siteOff: o.siteOff } as never;
      if (req.type === 'actor-card') return { ok: true, card: null } as never;
      return { ok: false, error: 'not here' } as never;
    },
  };
  const createUi: CreateShadowUi = async (options) => {
    const shadowHost = document.createElement(options.name);
    const container = document.createElement('div');
    shadowHost.attachShadow({ mode: 'open' }).append(container);
    let mounted: HTMLElement | undefined;
    return {
      shadowHost,
      mount() {
        document.body.append(shadowHost);
        mounted = options.onMount(container);
      },
      remove() {
        options.onRemove(mounted);
        mounted = undefined;
        shadowHost.remove();
      },
    };
  };
  const host: PageHost = {
    client,
    inFrame: false,
    pageUrl: () => 'https://news.example/story',
    runtime: { id: 'crosscheck', onMessage: { addListener: (fn) => listeners.add(fn), removeListener: (fn) => listeners.delete(fn) } },
    createUi,
    isInvalid: () => false,
  };
  /** Delivers a message as the browser would, from `sender`; returns the reply, if any. */
  const deliver = (message: unknown, sender = 'crosscheck') => {
    let reply: NavigateReply | undefined;
    for (const l of [...listeners]) l(message, { id: sender }, (r) => (reply = r));
    return reply;
  };
  return { host, listeners, sent, deliver };
}

async function startPage(host: PageHost): Promise<{ page: PageContext; controller: AbortController }> {
  const controller = new AbortController();
  const page = createPageContext(host, controller);
  for (const feature of FEATURES) {
    if (controller.signal.aborted) break;
    await feature.start(page, controller.signal);
  }
  return { page, controller };
}

afterEach(() => {
  vi.useRealTimers();
  document.body.innerHTML = '';
  performance.clearMarks();
  performance.clearMeasures();
});

describe('the features', () => {
  it('each has a name of its own and takes the page and its signal', () => {
    const names = FEATURES.map((f) => f.name);
    expect(new Set(names).size).toBe(names.length);
    for (const f of FEATURES) expect(f.start.length, f.name).toBeGreaterThanOrEqual(2);
  });
});

describe('the page context', () => {
  it('stops its timers, frames, listeners, messages and location changes with its signal', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'requestAnimationFrame', 'cancelAnimationFrame'] });
    const { host, listeners, deliver } = fakeHost();
    const controller = new AbortController();
    const page = createPageContext(host, controller);
    const calls: string[] = [];
    page.timeout(() => calls.push('timeout'), 100);
    page.timeout(() => calls.push('cancelled'), 100)();
    page.frame(() => calls.push('frame'));
    page.listen(document, 'keydown', () => calls.push('keydown'));
    page.onMessage((m) => calls.push(`message ${(m as { type: string }).type}`));
    page.onLocationChange(() => calls.push('location'));
    deliver({ type: 'from-elsewhere' }, 'another-extension');
    deliver({ type: 'ours' });
    expect(calls).toEqual(['message ours']);
    vi.advanceTimersByTime(100);
    expect(calls).toEqual(['message ours', 'frame', 'timeout']);

    page.timeout(() => calls.push('late timeout'), 100);
    page.frame(() => calls.push('late frame'));
    controller.abort();
    expect(vi.getTimerCount()).toBe(0);
    vi.advanceTimersByTime(200);
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'a' }));
    deliver({ type: 'ours' });
    history.pushState({}, '', '/elsewhere');
    vi.advanceTimersByTime(2000);
    expect(listeners.size).toBe(0);
    expect(calls).toEqual(['message ours', 'frame', 'timeout']);
  });
});

describe('the marks store', () => {
  it('hands out arrays it never changes, tells its subscribers, and unpaints when the page stops', async () => {
    document.body.innerHTML = ARTICLE;
    const { host } = fakeHost();
    const controller = new AbortController();
    const page = createPageContext(host, controller);
    const changes: number[] = [];
    page.marks.subscribe(({ marks }) => changes.push(marks.length), controller.signal);
    const extracted = extractVisibleText<Node>(document.body, domTreeAdapter({ root: document.body }));
    const result = engine().scanText(extracted.text);

    const before = page.marks.all();
    const added = page.marks.add(result, extracted.segments);
    expect(added.length).toBeGreaterThan(0);
    expect(before).toEqual([]);
    const first = page.marks.all();
    expect(first).toEqual(added);
    expect(page.marks.order().length).toBeGreaterThan(0);
    // happy-dom has no Highlight API: the fallback wraps the marked text.
    expect(document.querySelectorAll('[data-crosscheck]').length).toBeGreaterThan(0);

    page.marks.clear();
    expect(first).toHaveLength(added.length);
    expect(page.marks.all()).toEqual([]);
    expect(document.querySelectorAll('[data-crosscheck]')).toHaveLength(0);
    expect(changes).toEqual([added.length, 0]);

    page.marks.add(result, extractVisibleText<Node>(document.body, domTreeAdapter({ root: document.body })).segments);
    controller.abort();
    expect(document.querySelectorAll('[data-crosscheck]')).toHaveLength(0);
    expect(document.body.textContent).toContain('Sergey Lavrov said Ukraine');
  });
});

describe('the card host', () => {
  it('mounts once, draws the card, puts a moved host back in <body> and is gone when the page stops', async () => {
    const { host } = fakeHost();
    const controller = new AbortController();
    const page = createPageContext(host, controller);
    await Promise.all([page.card.mount(), page.card.mount()]);
    expect(document.querySelectorAll('crosscheck-card')).toHaveLength(1);
    const claim = engine().scanText('Russian Foreign Minister Sergey Lavrov said Ukraine had launched 91 long-range drones at Putin’s residence.').claims[0];
    expect(claim).toBeDefined();

    const box = document.createElement('div');
    document.body.append(box);
    box.append(page.card.host()!);
    page.card.render({ kind: 'claim', claim }, new DOMRect(10, 10, 50, 10));
    expect(page.card.host()!.parentNode).toBe(document.body);
    expect(page.card.card()?.getAttribute('role')).toBe('dialog');
    page.card.render(null);
    expect(page.card.card()).toBeNull();

    controller.abort();
    expect(document.querySelector('crosscheck-card')).toBeNull();
    await page.card.mount();
    expect(document.querySelector('crosscheck-card')).toBeNull();
  });
});

describe('the features on a page', () => {
  it('mark the page, report the work, answer the keyboard, and leave nothing behind when the page stops', async () => {
    document.body.innerHTML = ARTICLE;
    const { host, listeners, sent, deliver } = fakeHost();
    const { page, controller } = await startPage(host);
    expect(page.marks.all().length).toBeGreaterThan(0);
    expect(sent.filter((r) => r.type === 'scan')).toHaveLength(1);
    expect(sent.some((r) => r.type === 'actor-card')).toBe(true);

    const done = performance.getEntriesByName('crosscheck-done') as PerformanceMark[];
    expect(done).toHaveLength(1);
    expect(Object.keys(done[0].detail)).toEqual(['mainThreadMs', 'longestTaskMs', 'sinceStartMs', 'scanWaitMs', 'highlights', 'parts']);
    expect(done[0].detail.highlights).toBe(page.marks.all().length);

    expect(deliver({ type: 'navigate', direction: 'next' })).toEqual({ moved: true });
    await vi.waitFor(() => expect(page.card.card()).not.toBeNull());
    expect(deliver({ type: 'navigate', direction: 'previous' })).toEqual({ moved: false });
    expect(page.card.card()).toBeNull();
    expect(deliver({ type: 'navigate', direction: 'next' }, 'another-extension')).toBeUndefined();

    // Packs changed: the page is scanned anew.
    deliver({ type: 'packs-changed' });
    await vi.waitFor(() => expect(sent.filter((r) => r.type === 'scan')).toHaveLength(2));
    await vi.waitFor(() => expect(page.marks.all().length).toBeGreaterThan(0));

    controller.abort();
    expect(listeners.size).toBe(0);
    expect(document.querySelectorAll('[data-crosscheck]')).toHaveLength(0);
    expect(document.querySelector('crosscheck-card')).toBeNull();
  });

  it('do nothing more on a site turned off', async () => {
    document.body.innerHTML = ARTICLE;
    const { host, listeners } = fakeHost({ siteOff: true });
    const { page, controller } = await startPage(host);
    expect(controller.signal.aborted).toBe(true);
    expect(page.marks.all()).toEqual([]);
    expect(listeners.size).toBe(0);
    expect(performance.getEntriesByName('crosscheck-done')).toHaveLength(1);
  });
});
