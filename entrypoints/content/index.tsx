// Content script: wiring only. Extracts the page's visible text, asks the background to scan it,
// paints the results with the CSS Custom Highlight API and opens hover cards in a shadow root.
import './card.css';
import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { browser, createShadowRootUi, defineContentScript } from '#imports';
import { HoverCard, type CardContent } from '@/components/HoverCard';
import { buildMarks, flash, MAX_MARKS, paint, type Mark } from '@/components/page/highlighter';
import { watchHover } from '@/components/page/hover';
import { watchDynamic } from '@/components/page/observer';
import { domTreeAdapter } from '@/lib/extract/dom-adapter';
import { extractSteps, joinExtracted, runInSlices, type ExtractedText } from '@/lib/extract/visible-text';
import { MAX_SCAN_CHARS, SCAN_CHUNK_CHARS, parseNavigate, parsePacksChanged, parseReveal, DEFAULT_DISPLAY, type ActorCard, type NavigateReply, type Reply, type Request } from '@/lib/protocol';
import { chunkText, mergeScanResults, shiftScanResult } from '@/lib/scan/merge';
import type { ScanResult } from '@/lib/scan/engine';

/** Below this much visible text (less than a sentence of news) a page has nothing to check. */
const MIN_CHARS = 40;

async function ask<R extends Request>(req: R): Promise<Reply<R> | null> {
  try {
    return (await browser.runtime.sendMessage(req)) as Reply<R>;
  } catch {
    return null; // the extension was reloaded or the background is gone: do nothing
  }
}

/** True when `text` has at least `n` characters other than white space (stops as soon as it has). */
function hasVisibleChars(text: string, n: number): boolean {
  const re = /\S+/g;
  let count = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if ((count += m[0].length) >= n) return true;
  return false;
}

/** The longest the script works on the page's main thread before it lets the page run. */
const SLICE_MS = 8;

/** Lets the page run: the browser's prioritised yield where it has one, else a new task. */
const nextTask = (): Promise<void> => {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
};

/** A frame whose top page has the same origin (a cross-origin top cannot even be read). */
function sameOriginFrame(): boolean {
  try {
    return window.top!.location.origin === location.origin;
  } catch {
    return false;
  }
}

/** Marks in reading order, one per place (a sentence stating several claims is visited once). */
function navigationOrder(marks: Mark[]): Mark[] {
  const seen = new Set<string>();
  const unique = marks.filter((m) => {
    const key = `${m.kind}:${positionKey(m.range)}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  return unique.sort((a, b) => a.range.compareBoundaryPoints(Range.START_TO_START, b.range) || (a.kind === 'actor' ? -1 : 1));
}

const nodeIds = new WeakMap<Node, number>();
let nextNodeId = 0;
function positionKey(r: Range): string {
  const id = (n: Node) => {
    let v = nodeIds.get(n);
    if (v === undefined) nodeIds.set(n, (v = nextNodeId++));
    return v;
  };
  return `${id(r.startContainer)}:${r.startOffset}-${id(r.endContainer)}:${r.endOffset}`;
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  // Frames too, but only those of the top page's own origin (see sameOriginFrame).
  allFrames: true,
  async main(ctx) {
    if (!document.body) return;
    const inFrame = window !== window.top;
    if (inFrame && !sameOriginFrame()) return;
    // The page the reader sees: a frame's findings go with its top page's.
    const pageUrl = () => (inFrame ? window.top!.location.href : location.href);
    // The work this script does on the page's main thread, measured for `npm run bench:browser`
    // (a performance mark, "crosscheck-done", that the page can read).
    const started = performance.now();
    let mainThread = 0;
    let longestTask = 0;
    // Time spent waiting for the background's scans (not the page's main thread).
    let waited = 0;
    const parts: Record<string, number> = {};
    const spent = (name: string, ms: number, longest = ms) => {
      mainThread += ms;
      parts[name] = (parts[name] ?? 0) + ms;
      longestTask = Math.max(longestTask, longest);
    };
    const timed = <T,>(name: string, f: () => T): T => {
      const t0 = performance.now();
      try {
        return f();
      } finally {
        spent(name, performance.now() - t0);
      }
    };
    let reported = false;
    // When the first highlights were registered (the card's UI is made after them).
    let highlightedAt: number | null = null;
    const done = (highlights: number) => {
      if (reported) return;
      reported = true;
      const sinceStartMs = (highlightedAt ?? performance.now()) - started;
      performance.mark('crosscheck-done', { detail: { mainThreadMs: mainThread, longestTaskMs: longestTask, sinceStartMs, scanWaitMs: waited, highlights, parts } });
    };
    /**
     * The visible text under `root`, read in slices of the main thread: a page of a few thousand
     * elements is read in one, a page of hundreds of thousands in many, and the page answers
     * input between them.
     */
    const extract = async (root: Node) => {
      const r = await runInSlices(
        (shouldYield) => extractSteps<Node>(root, domTreeAdapter({ root, styles: true }), { maxChars: MAX_SCAN_CHARS, shouldYield }),
        { now: () => performance.now(), wait: nextTask, sliceMs: SLICE_MS },
      );
      spent('extract', r.busyMs, r.longestMs);
      return r.value;
    };

    // The page's marks (mutated in place: the hover watcher reads the same array) and their paint.
    const marks: Mark[] = [];
    // The reader's hover delay and highlight style: the defaults until the background says.
    let display = DEFAULT_DISPLAY;
    let unpaint = () => {};
    let order: Mark[] | null = null;
    let dynamic: ReturnType<typeof watchDynamic> | null = null;
    const repaint = () => {
      unpaint();
      unpaint = timed('paint', () => paint(marks, display.highlightStyle));
      order = null;
      // Where the fallback wraps text, those changes are ours, not the page's.
      dynamic?.discard();
    };
    ctx.onInvalidated(() => unpaint());
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());

    // The card's UI: a shadow root, made the first time the page has something to show.
    let ui: Awaited<ReturnType<typeof createShadowRootUi>> | null = null;
    let setContent: ((c: CardContent | null, rect?: DOMRect) => void) | null = null;
    const card = () => ui?.shadow.querySelector<HTMLElement>('.card') ?? null;
    const ensureUi = async () => {
      if (ui) return;
      ui = await createShadowRootUi(ctx, {
        name: 'crosscheck-card',
        position: 'overlay',
        anchor: 'body',
        isolateEvents: true,
        onMount(container) {
          let anchor: DOMRect | null = null;
          const draw = (c: CardContent | null) => {
            render(c ? <HoverCard content={c} onClose={() => draw(null)} /> : null, container);
            const el = container.querySelector<HTMLElement>('.card');
            if (!el || !anchor) return;
            // In the top layer (a manual popover): no transform, clipping or stacking of the page's
            // elements reaches it, wherever the page puts our host. Moving the host closes it: shown
            // again on the next frame too.
            const top = () => {
              try {
                if (el.isConnected && !el.matches(':popover-open')) el.showPopover();
              } catch {
                // No popover support: the fixed card above the page is the fallback.
              }
            };
            if (!el.hasAttribute('popover')) el.setAttribute('popover', 'manual');
            top();
            requestAnimationFrame(top);
            const a = anchor;
            void computePosition({ getBoundingClientRect: () => a }, el, { strategy: 'fixed', placement: 'bottom-start', middleware: [offset(8), flip(), shift({ padding: 8 })] }).then(({ x, y }) => {
              el.style.left = `${x}px`;
              el.style.top = `${y}px`;
            });
          };
          setContent = (c, rect) => {
            if (rect) anchor = rect;
            draw(c);
          };
          return container;
        },
        onRemove(container) {
          if (container) render(null, container);
        },
      });
      ui.mount();
      watchHover(marks, {
        delayMs: () => display.hoverDelayMs,
        open: (m, rect) => void open(m, rect),
        close: () => setContent?.(null),
        overCard: (e) => !!ui && e.composedPath().includes(ui.shadowHost),
        signal: controller.signal,
      });
    };

    // How long from the hover intent (or the keyboard's move) to the card on screen, for
    // `npm run bench:browser`: a performance measure, "crosscheck-card", after the next paint.
    const painted = (since: number) =>
      requestAnimationFrame(() => setTimeout(() => performance.measure('crosscheck-card', { start: since, end: performance.now() }), 0));
    // The actors' cards, asked of the background once per scan: those of the page's actors are
    // asked for as soon as the marks are painted, so a card opens without a round trip.
    let actorCards = new Map<string, Promise<ActorCard | null>>();
    const actorCardFor = (actor: { pack: string; id: string }): Promise<ActorCard | null> => {
      const key = `${actor.pack}\u0000${actor.id}`;
      let card = actorCards.get(key);
      if (!card) {
        const cards = actorCards;
        card = ask({ type: 'actor-card', pack: actor.pack, actor: actor.id }).then((r) => {
          if (r?.ok) return r.card;
          cards.delete(key); // asked again next time
          return null;
        });
        actorCards.set(key, card);
      }
      return card;
    };
    /** At most this many actors' cards are asked for ahead of a hover. */
    const PREFETCH_ACTORS = 40;
    const prefetchActorCards = () => {
      for (const m of marks) {
        if (actorCards.size >= PREFETCH_ACTORS) break;
        if (m.kind === 'actor') void actorCardFor(m.actor);
      }
    };

    const open = async (mark: Mark, rect: DOMRect) => {
      const intent = performance.now();
      // A page that removed our host, or moved it into its own (clipped, transformed) elements:
      // back at the end of the body, when the reader asks for a card (never in a loop with the page).
      if (ui && ui.shadowHost.parentNode !== document.body) document.body?.append(ui.shadowHost);
      if (mark.kind === 'claim') {
        timed('card', () => setContent?.({ kind: 'claim', claim: mark.claim }, rect));
        return painted(intent);
      }
      // The card opens with its claims (a few milliseconds after the hover intent); "Loading…"
      // shows only if the background is slow to answer.
      const slow = setTimeout(() => setContent?.({ kind: 'actor', actor: mark.actor, card: 'loading' }, rect), 150);
      const actorCard = await actorCardFor(mark.actor);
      clearTimeout(slow);
      timed('card', () => setContent?.({ kind: 'actor', actor: mark.actor, card: actorCard }, rect));
      painted(intent);
    };

    // The site is turned off (the background says so); the current scan (a newer one makes the
    // replies to older ones moot).
    let siteOff = false;
    let generation = 0;
    /**
     * Sends a text to the background: one message, or several for a huge text (cut at line
     * breaks; the first replaces this frame's findings unless `part`, the others add to them). A
     * page in a frame adds to its top page's findings. Null when the page moved on meanwhile.
     */
    const scanText = async (text: string, part: boolean, gen: number): Promise<ScanResult | null> => {
      let result: ScanResult | null = null;
      for (const [i, chunk] of chunkText(text, SCAN_CHUNK_CHARS).entries()) {
        const asked = performance.now();
        const reply = await ask({ type: 'scan', url: pageUrl(), lang: document.documentElement.lang || undefined, text: chunk.text, part: part || i > 0 || inFrame });
        waited += performance.now() - asked;
        if (!reply?.ok || ctx.isInvalid || gen !== generation) return null;
        if (reply.siteOff) siteOff = true;
        display = reply.display ?? display;
        const shifted = shiftScanResult(reply.result, chunk.start);
        result = result ? mergeScanResults(result, shifted) : shifted;
      }
      return result;
    };

    /**
     * Marks what a scan found (within MAX_MARKS for the page in all) and paints every mark; the
     * card's UI is made the first time.
     */
    const addMarks = async (result: ScanResult, segments: ExtractedText<Node>['segments']) => {
      const added = timed('ranges', () => buildMarks(result, segments, Math.max(0, MAX_MARKS - marks.length)));
      if (!added.length) return;
      marks.push(...added);
      repaint();
      highlightedAt ??= performance.now();
      prefetchActorCards();
      await ensureUi();
    };

    /** Scans the whole page anew (first load, single-page navigation, packs changed). */
    const scanPage = async (): Promise<void> => {
      const gen = ++generation;
      actorCards = new Map();
      if (marks.length) {
        marks.length = 0;
        setContent?.(null);
        repaint();
      }
      const extracted = await extract(document.body);
      if (ctx.isInvalid || gen !== generation) return;
      if (!hasVisibleChars(extracted.text, MIN_CHARS)) return done(0);
      const result = await scanText(extracted.text, false, gen);
      if (result && !siteOff) await addMarks(result, extracted.segments);
      done(marks.length);
    };

    /** Scans text the page added (roots of new subtrees) and adds its marks; returns its length. */
    const scanAdded = async (roots: Node[]): Promise<number> => {
      const parts = [];
      for (const root of roots) parts.push(await extract(root));
      const extracted = joinExtracted(parts);
      if (!hasVisibleChars(extracted.text, 1)) return 0;
      const result = await scanText(extracted.text, true, generation);
      if (result && !siteOff) await addMarks(result, extracted.segments);
      return extracted.text.length;
    };

    await scanPage();
    if (siteOff || ctx.isInvalid) return;

    // Dynamic pages: added text is scanned in batches; a single-page navigation scans anew.
    dynamic = watchDynamic(document.body, { ownHost: () => ui?.shadowHost ?? null, scan: scanAdded, signal: controller.signal });
    ctx.addEventListener(window, 'wxt:locationchange', () => {
      dynamic?.reset();
      void scanPage();
    });

    // Messages from the background and the popup:
    // - keyboard commands (Alt+Shift+K / Alt+Shift+J by default) move to the next or previous
    //   mention in reading order, scroll it into view, open its card and give it focus, so a
    //   screen reader announces it;
    // - the popup asks to show a claim's or an actor's first mention;
    // - the installed packs changed: scan anew.
    let at = -1;
    const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
    const show = (mark: Mark) => mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'instant' : 'auto' });
    const onMessage = (message: unknown, sender: { id?: string }, reply: (r: NavigateReply) => void) => {
      // Only our background and pages; each message validated below.
      if (sender.id !== browser.runtime.id) return;
      if (parsePacksChanged(message)) {
        dynamic?.reset();
        void scanPage();
        return;
      }
      const reveal = parseReveal(message);
      if (reveal) {
        const target = (order ??= navigationOrder(marks)).find((m) => (m.kind === 'claim' ? reveal.kind === 'claim' && m.claim.pack === reveal.pack && m.claim.id === reveal.id : reveal.kind === 'actor' && m.actor.pack === reveal.pack && m.actor.id === reveal.id));
        if (target) {
          show(target);
          flash(target.range);
        }
        return;
      }
      const nav = parseNavigate(message);
      if (!nav) return;
      order ??= navigationOrder(marks);
      // From the first or last mention when the move comes from another frame; past the end
      // this frame's card closes and the background moves on to the next frame (or back here).
      if (nav.from) at = nav.from === 'start' ? -1 : order.length;
      at += nav.direction === 'next' ? 1 : -1;
      if (at < 0 || at >= order.length) {
        at = nav.direction === 'next' ? order.length : -1;
        setContent?.(null);
        return void reply({ moved: false });
      }
      reply({ moved: true });
      const mark = order[at];
      show(mark);
      requestAnimationFrame(() => {
        void open(mark, mark.range.getBoundingClientRect()).then(() => card()?.focus());
      });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // A card opened by the pointer is reachable by Tab: the first Tab while it is open moves focus
    // into it (then Tab moves through its links and Close button; Escape closes it).
    document.addEventListener(
      'keydown',
      (e) => {
        const el = card();
        if (e.key !== 'Tab' || e.shiftKey || !el || !ui || e.composedPath().includes(ui.shadowHost)) return;
        e.preventDefault();
        el.focus();
      },
      { capture: true, signal: controller.signal },
    );
  },
});
