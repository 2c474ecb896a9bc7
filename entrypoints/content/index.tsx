// Content script: wiring only. Extracts the page's visible text, asks the background to scan it,
// paints the results with the CSS Custom Highlight API and opens hover cards in a shadow root.
import './card.css';
import { computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { browser, createShadowRootUi, defineContentScript } from '#imports';
import { HoverCard, type CardContent } from '@/components/HoverCard';
import { buildMarks, paint, type Mark } from '@/components/page/highlighter';
import { watchHover } from '@/components/page/hover';
import { domTreeAdapter } from '@/lib/extract/dom-adapter';
import { extractVisibleText } from '@/lib/extract/visible-text';
import { MAX_SCAN_CHARS, parseNavigate, type ActorCard, type Reply, type Request } from '@/lib/protocol';

/** Below this much visible text a page has no article to check. */
const MIN_CHARS = 200;
const HOVER_DELAY_MS = 350;

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
  async main(ctx) {
    if (!document.body) return;
    // The work this script does on the page's main thread, measured for `npm run bench:browser`
    // (a performance mark, "crosscheck-done", that the page can read).
    const started = performance.now();
    let mainThread = 0;
    const parts: Record<string, number> = {};
    const timed = <T,>(name: string, f: () => T): T => {
      const t0 = performance.now();
      try {
        return f();
      } finally {
        const ms = performance.now() - t0;
        mainThread += ms;
        parts[name] = ms;
      }
    };
    const done = (highlights: number) =>
      performance.mark('crosscheck-done', { detail: { mainThreadMs: mainThread, sinceStartMs: performance.now() - started, highlights, parts } });
    const extracted = timed('extract', () => extractVisibleText<Node>(document.body, domTreeAdapter({ root: document.body, styles: true }), { maxChars: MAX_SCAN_CHARS }));
    if (!hasVisibleChars(extracted.text, MIN_CHARS)) return done(0);
    const reply = await ask({ type: 'scan', url: location.href, lang: document.documentElement.lang || undefined, text: extracted.text });
    if (!reply?.ok || ctx.isInvalid) return done(0);
    const result = reply.result;
    if (!result.actors.length && !result.claims.length) return done(0);
    const marks: Mark[] = timed('ranges', () => buildMarks(result, extracted.segments));
    ctx.onInvalidated(timed('paint', () => paint(marks)));

    let setContent: ((c: CardContent | null, rect?: DOMRect) => void) | null = null;
    const ui = await createShadowRootUi(ctx, {
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

    const open = async (mark: Mark, rect: DOMRect) => {
      if (mark.kind === 'claim') return void setContent?.({ kind: 'claim', claim: mark.claim }, rect);
      // The card opens with its claims (a few milliseconds after the hover intent); "Loading…"
      // shows only if the background is slow to answer.
      const slow = setTimeout(() => setContent?.({ kind: 'actor', actor: mark.actor, card: 'loading' }, rect), 150);
      const r = await ask({ type: 'actor-card', pack: mark.actor.pack, actor: mark.actor.id });
      clearTimeout(slow);
      const card: ActorCard | null = r?.ok ? r.card : null;
      setContent?.({ kind: 'actor', actor: mark.actor, card }, rect);
    };
    const controller = new AbortController();
    ctx.onInvalidated(() => controller.abort());

    // Keyboard: the background relays the commands (Alt+Shift+K / Alt+Shift+J by default); each
    // moves to the next or previous mention in reading order, scrolls it into view, opens its card
    // and gives it focus, so a screen reader announces it.
    const order = navigationOrder(marks);
    let at = -1;
    const onMessage = (message: unknown) => {
      const nav = parseNavigate(message);
      if (!nav || !order.length) return;
      at = nav.direction === 'next' ? (at + 1) % order.length : (at - 1 + order.length) % order.length;
      const mark = order[at];
      const el = mark.range.startContainer.parentElement;
      el?.scrollIntoView({ block: 'center', behavior: matchMedia('(prefers-reduced-motion: reduce)').matches ? 'instant' : 'auto' });
      requestAnimationFrame(() => {
        void open(mark, mark.range.getBoundingClientRect()).then(() => ui.shadow.querySelector<HTMLElement>('.card')?.focus());
      });
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));
    // Ready: highlights painted, cards and keyboard wired.
    done(marks.length);
    watchHover(marks, {
      delayMs: HOVER_DELAY_MS,
      open: (m, rect) => void open(m, rect),
      close: () => setContent?.(null),
      overCard: (e) => e.composedPath().includes(ui.shadowHost),
      signal: controller.signal,
    });
  },
});
