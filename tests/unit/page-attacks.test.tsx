// What a page can make the content script do (happy-dom, project 'dom'; issue 12, item 7; the same
// tried in real Chromium in tests/e2e/page-attacks.test.ts): events the page dispatches itself do
// not move the page's location watcher, whole-page rescans are rate-limited, the page's work ends
// when the extension is gone (never on the page's word), and an actor's card lists the page's
// claims first, the others drawn only on the reader's own click.
import { render } from 'preact';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { HoverCard } from '@/components/HoverCard';
import type { CreateShadowUi } from '@/components/page/card-host';
import { FEATURES } from '@/components/page/features';
import { createPageContext, LIFETIME_CHECK_MS, LOCATION_POLL_MS, type PageHost } from '@/components/page/features/context';
import { RESCAN_MS } from '@/components/page/features/page-scan';
import { DEFAULT_DISPLAY, type ActorCard, type ProtocolClient, type Request } from '@/lib/protocol';
import { ScanEngine } from '@/lib/scan/engine';
import { bundledPack } from '../helpers/corpus';
import { testContainer } from '../helpers/dom';

const ARTICLE = `<article><p>Russian Foreign Minister Sergey Lavrov said Ukraine had launched 91 long-range drones at Putin’s residence in the Novgorod region.</p></article>`;

let cachedEngine: ScanEngine | null = null;
const engine = () => (cachedEngine ??= ScanEngine.fromPacks([bundledPack()]));

/** A page host with the background faked; `invalid` says the extension is gone. */
function fakeHost(state = { invalid: false }) {
  const sent: Request[] = [];
  const listeners = new Set<(m: unknown, s: { id?: string }, r: () => void) => void>();
  const client: ProtocolClient = {
    send: async (req) => {
      sent.push(req);
      if (req.type === 'scan') return { ok: true, result: engine().scanText(req.text), display: DEFAULT_DISPLAY } as never;
      return { ok: true, card: null } as never;
    },
  };
  const createUi: CreateShadowUi = async (options) => {
    const shadowHost = document.createElement(options.name);
    const container = document.createElement('div');
    shadowHost.attachShadow({ mode: 'open' }).append(container);
    return { shadowHost, mount: () => (document.body.append(shadowHost), options.onMount(container)), remove: () => shadowHost.remove() };
  };
  const host: PageHost = {
    client,
    inFrame: false,
    pageUrl: () => location.href,
    runtime: { id: 'crosscheck', onMessage: { addListener: (fn) => listeners.add(fn), removeListener: (fn) => listeners.delete(fn) } },
    createUi,
    isInvalid: () => state.invalid,
  };
  const deliver = (message: unknown) => {
    for (const l of [...listeners]) l(message, { id: 'crosscheck' }, () => {});
  };
  return { host, sent, deliver, state };
}

/** What a page dispatches to pretend it navigated (WXT's event under any id, the browser's own events). */
function forgeLocationChanges() {
  for (const type of ['wxt:locationchange', 'crosscheck:content:wxt:locationchange', 'popstate', 'hashchange']) window.dispatchEvent(new Event(type));
  (globalThis as { navigation?: EventTarget }).navigation?.dispatchEvent(new Event('currententrychange'));
}

afterEach(() => {
  vi.useRealTimers();
  delete (globalThis as { navigation?: EventTarget }).navigation;
  history.replaceState({}, '', '/');
  document.body.innerHTML = '';
});

describe("the page's location watcher", () => {
  it('follows the address, polled where the Navigation API is missing, and no event the page dispatches', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const controller = new AbortController();
    const page = createPageContext(fakeHost().host, controller);
    const changes: string[] = [];
    page.onLocationChange(() => changes.push(location.pathname + location.search));
    for (let i = 0; i < 20; i++) forgeLocationChanges();
    vi.advanceTimersByTime(LOCATION_POLL_MS * 3);
    expect(changes).toEqual([]);
    history.pushState({}, '', '/story?p=1');
    vi.advanceTimersByTime(LOCATION_POLL_MS);
    expect(changes).toEqual(['/story?p=1']);
    controller.abort();
  });

  it("with the Navigation API: looks at the address when it says so, and a forged event with the same address is nothing", () => {
    const navigation = new EventTarget();
    (globalThis as { navigation?: EventTarget }).navigation = navigation;
    const controller = new AbortController();
    const page = createPageContext(fakeHost().host, controller);
    const changes: string[] = [];
    page.onLocationChange(() => changes.push(location.pathname));
    for (let i = 0; i < 20; i++) forgeLocationChanges();
    expect(changes).toEqual([]);
    history.pushState({}, '', '/next');
    navigation.dispatchEvent(new Event('currententrychange'));
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(changes).toEqual(['/next']);
    controller.abort();
    history.pushState({}, '', '/after');
    navigation.dispatchEvent(new Event('currententrychange'));
    expect(changes).toEqual(['/next']);
  });
});

describe("the page's lifetime", () => {
  it('ends when the extension is gone (checked each second), not on a forged "newer script started" event', () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const { host, state } = fakeHost();
    const controller = new AbortController();
    const page = createPageContext(host, controller);
    document.dispatchEvent(new CustomEvent('crosscheck:content:wxt:content-script-started', { detail: { contentScriptName: 'content', messageId: 'forged' } }));
    window.postMessage({ type: 'crosscheck:content:wxt:content-script-started', contentScriptName: 'content', messageId: 'forged' }, '*');
    vi.advanceTimersByTime(LIFETIME_CHECK_MS * 5);
    expect(page.alive()).toBe(true);
    state.invalid = true;
    vi.advanceTimersByTime(LIFETIME_CHECK_MS);
    expect(controller.signal.aborted).toBe(true);
  });
});

describe('whole-page rescans', () => {
  it(`start at most once in ${RESCAN_MS} ms, the last request served when the time is up`, async () => {
    document.body.innerHTML = ARTICLE;
    const { host, sent, deliver } = fakeHost();
    const controller = new AbortController();
    const page = createPageContext(host, controller);
    for (const feature of FEATURES) await feature.start(page, controller.signal);
    const scans = () => sent.filter((r) => r.type === 'scan').length;
    expect(scans()).toBe(1);
    for (let i = 0; i < 20; i++) deliver({ type: 'packs-changed' });
    await vi.waitFor(() => expect(scans()).toBe(2));
    await new Promise((r) => setTimeout(r, RESCAN_MS / 2));
    expect(scans()).toBe(2);
    await vi.waitFor(() => expect(scans()).toBe(3), { timeout: RESCAN_MS });
    await new Promise((r) => setTimeout(r, RESCAN_MS / 4));
    expect(scans()).toBe(3);
    await vi.waitFor(() => expect(page.marks.all().length).toBeGreaterThan(0));
    controller.abort();
  }, 10_000);
});

describe("an actor's card on a page", () => {
  const c = testContainer();
  const claim = (id: string, text: string): ActorCard['claims'][number] => ({ id, text, role: 'claimant', outlets: ['Reuters'], counts: { corroborates: 1, differs: 0, contradicts: 0 }, disputedBy: [] });
  const card: ActorCard = { name: 'Sergei Lavrov', claims: [claim('attack-accusation', 'Russia accused Ukraine.'), claim('drone-attack', '91 drones.'), claim('state-terrorism', 'State terrorism.')] };
  const actor = engine().scanText('Sergey Lavrov said so.').actors[0];
  const list = (label: string) => [...c.el.querySelectorAll(`ul[aria-label="${label}"] .claim`)].map((e) => e.textContent);

  it("lists the page's claims first; the others only after the reader's own click", () => {
    render(<HoverCard content={{ kind: 'actor', actor, card, onPage: ['state-terrorism'] }} onClose={() => {}} />, c.el);
    expect(list('Claims involving this actor')).toEqual(['State terrorism.']);
    expect(c.el.textContent).not.toContain('91 drones.');
    const more = c.el.querySelector<HTMLButtonElement>('button[aria-expanded]')!;
    expect(more.textContent).toBe('Other claims about Sergei Lavrov, not on this page');
    expect(more.getAttribute('aria-expanded')).toBe('false');
    // A click the page makes (untrusted) draws nothing.
    more.click();
    expect(c.el.textContent).not.toContain('91 drones.');
    expect(more.getAttribute('aria-expanded')).toBe('false');
  });

  it('with no claim of the actor on the page, lists none until asked', () => {
    render(<HoverCard content={{ kind: 'actor', actor, card, onPage: [] }} onClose={() => {}} />, c.el);
    expect(list('Claims involving this actor')).toEqual([]);
    expect(c.el.querySelector('.claims')).toBeNull();
    expect(c.el.querySelector('button[aria-expanded="false"]')).not.toBeNull();
  });
});
