// What the page's features share, and the one way they start anything: every listener, timer and
// frame goes through a helper bound to the page's AbortSignal, so aborting it (the extension is gone,
// or the site is turned off) stops all a feature started. Features are started in
// order by the content script (see ./index.ts).
import type { DisplaySettings, NavigateReply, ProtocolClient } from '@/lib/protocol';
import { DEFAULT_DISPLAY } from '@/lib/protocol';
import { createActorCards, type ActorCards } from '../actor-cards';
import { createCardHost, type CardHost, type CreateShadowUi } from '../card-host';
import { createMarks, type MarksStore } from '../marks';
import { createMeasure, type Measure } from '../measure';

/** A part of the content script: `start` sets it going on the page; `signal` aborts when the page's work ends. */
export interface Feature {
  readonly name: string;
  start(page: PageContext, signal: AbortSignal): void | Promise<void>;
}

export const defineFeature = (feature: Feature): Feature => feature;

/** What the features tell each other (page.emit / page.on). */
export interface PageEvents {
  /** A scan of the whole page is over, with this many marks. */
  scanned: { marks: number };
  /** A card is drawn; `since` is when the reader asked (the hover intent or the keyboard's move). */
  'card-shown': { since: number };
}

export interface PageContext {
  /** The typed client of the background. */
  readonly client: ProtocolClient;
  /** True in a frame (of the top page's origin): its findings go with its top page's. */
  readonly inFrame: boolean;
  /** The page the reader sees (the top page's address in a frame). */
  pageUrl(): string;
  /** The reader's hover delay and highlight style: the defaults until the background says. */
  display(): DisplaySettings;
  setDisplay(display: DisplaySettings): void;
  readonly marks: MarksStore;
  readonly card: CardHost;
  readonly actorCards: ActorCards;
  readonly measure: Measure;
  /** False once the page's work is over (the extension was reloaded or updated, or stopped). */
  alive(): boolean;
  /** Ends the page's work: aborts the signal (the site is turned off). */
  stop(): void;

  emit<K extends keyof PageEvents>(type: K, detail: PageEvents[K]): void;
  on<K extends keyof PageEvents>(type: K, fn: (detail: PageEvents[K]) => void): void;
  /** setTimeout until the page's work ends; returns the function that cancels it. */
  timeout(fn: () => void, ms: number): () => void;
  /** requestAnimationFrame until the page's work ends; returns the function that cancels it. */
  frame(fn: () => void): () => void;
  /** Lets the page run (the browser's prioritised yield, else a new task); never resolves once the page's work is over. */
  nextTask(): Promise<void>;
  /** addEventListener with the page's signal. */
  listen<K extends keyof DocumentEventMap>(target: Document, type: K, fn: (e: DocumentEventMap[K]) => void, opts?: AddEventListenerOptions): void;
  listen<K extends keyof WindowEventMap>(target: Window, type: K, fn: (e: WindowEventMap[K]) => void, opts?: AddEventListenerOptions): void;
  /** Messages from our own background and pages (never another extension's); `reply` answers the sender. */
  onMessage(fn: (message: unknown, reply: (response: NavigateReply) => void) => void): void;
  /** A single-page navigation: this document's address changed (watched by us, not by WXT; see onLocationChange). */
  onLocationChange(fn: () => void): void;
}

type MessageListener = (message: unknown, sender: { id?: string }, sendResponse: (response: NavigateReply) => void) => void;

/** What the page gets from the browser and WXT (the content script passes them; tests pass fakes). */
export interface PageHost {
  client: ProtocolClient;
  inFrame: boolean;
  pageUrl: () => string;
  /** browser.runtime: our extension's id and its messages. */
  runtime: { readonly id?: string; onMessage: { addListener(fn: MessageListener): void; removeListener(fn: MessageListener): void } };
  /** `(o) => createShadowRootUi(ctx, o)` */
  createUi: CreateShadowUi;
  /** `() => browser.runtime?.id == null`: true once the extension was reloaded, updated or removed (this script is orphaned). */
  isInvalid: () => boolean;
}

/** How often the page checks that its extension is still there (an orphaned script stops within this). */
export const LIFETIME_CHECK_MS = 1000;
/** Where the Navigation API is missing, how often the page's address is looked at. */
export const LOCATION_POLL_MS = 1000;

/** The page's context, bound to `controller`: the one AbortController of the page. */
export function createPageContext(host: PageHost, controller: AbortController): PageContext {
  const signal = controller.signal;
  let display = DEFAULT_DISPLAY;
  const events = new EventTarget();

  /** Starts a timer or frame with `begin`, cancelled by `end` if the signal aborts before it runs; returns its cancel. */
  const bound = <Id>(begin: (run: () => void) => Id, end: (id: Id) => void, fn: () => void) => {
    if (signal.aborted) return () => {};
    const cancel = () => {
      end(id);
      signal.removeEventListener('abort', cancel);
    };
    const id = begin(() => {
      signal.removeEventListener('abort', cancel);
      fn();
    });
    signal.addEventListener('abort', cancel, { once: true });
    return cancel;
  };
  const timeout = (fn: () => void, ms: number) => bound((run) => setTimeout(run, ms), clearTimeout, fn);
  const frame = (fn: () => void) => bound(requestAnimationFrame, cancelAnimationFrame, fn);
  const listen = (target: EventTarget, type: string, fn: (e: never) => void, opts: AddEventListenerOptions = {}) =>
    target.addEventListener(type, fn as unknown as EventListener, { ...opts, signal });

  // An orphaned script (its extension reloaded, updated or removed) stops: the page's signal aborts.
  const checkLifetime = (): void => {
    if (host.isInvalid()) controller.abort();
    else timeout(checkLifetime, LIFETIME_CHECK_MS);
  };
  timeout(checkLifetime, LIFETIME_CHECK_MS);

  const measure = createMeasure();
  return {
    client: host.client,
    inFrame: host.inFrame,
    pageUrl: host.pageUrl,
    display: () => display,
    setDisplay(d) {
      display = d;
    },
    marks: createMarks({ style: () => display.highlightStyle, timed: measure.timed, signal }),
    card: createCardHost(host.createUi, { signal, frame }),
    actorCards: createActorCards(host.client),
    measure,
    alive: () => !host.isInvalid() && !signal.aborted,
    stop: () => controller.abort(),
    emit(type, detail) {
      if (!signal.aborted) events.dispatchEvent(new CustomEvent(type, { detail }));
    },
    on(type, fn) {
      listen(events, type, (e: CustomEvent) => fn(e.detail));
    },
    timeout,
    frame,
    nextTask() {
      const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
      const task = scheduler?.yield ? scheduler.yield() : new Promise<void>((resolve) => setTimeout(resolve, 0));
      // Work awaiting a page torn down meanwhile waits forever (and is collected): it never resumes.
      return task.then(() => (signal.aborted ? new Promise<void>(() => {}) : undefined));
    },
    listen,
    onMessage(fn) {
      if (signal.aborted) return;
      const listener: MessageListener = (message, sender, sendResponse) => {
        if (sender.id === host.runtime.id && !signal.aborted) fn(message, sendResponse);
      };
      host.runtime.onMessage.addListener(listener);
      signal.addEventListener('abort', () => host.runtime.onMessage.removeListener(listener), { once: true });
    },
    onLocationChange(fn) {
      // Not WXT's `wxt:locationchange`: an event on `window` any page can dispatch once it knows our
      // extension's id. A change is a new address, compared with the last one seen; the Navigation
      // API's `currententrychange` only says when to look (a page can dispatch that too), and where
      // it is missing the address is looked at every LOCATION_POLL_MS.
      if (signal.aborted) return;
      let last = location.href;
      const look = () => {
        const now = location.href;
        if (now === last || signal.aborted) return;
        last = now;
        fn();
      };
      const navigation = (globalThis as { navigation?: EventTarget }).navigation;
      if (typeof navigation?.addEventListener === 'function') return listen(navigation, 'currententrychange', look);
      const poll = () => {
        look();
        timeout(poll, LOCATION_POLL_MS);
      };
      timeout(poll, LOCATION_POLL_MS);
    },
  };
}
