// Hover intent over the highlighted ranges: the pointer is hit-tested against the marks (the
// caret position under it, then the range's own boxes), and a card opens when it rests on one
// for the hover delay. The card stays open while the pointer is over it. Only the reader's own
// input counts (`isTrusted`): events the page dispatches itself neither open nor close a card, so a
// page cannot open cards to read what they say.
import type { Mark } from './highlighter';

export interface HoverOptions {
  /** The hover intent delay (a reader's setting: read each time). */
  delayMs: () => number;
  open: (mark: Mark, rect: DOMRect) => void;
  close: () => void;
  /** True when the pointer is over the card itself. */
  overCard: (e: PointerEvent) => boolean;
  signal: AbortSignal;
}

function caretAt(x: number, y: number): { node: Node; offset: number } | null {
  const d = document as Document & { caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null };
  const p = d.caretPositionFromPoint?.(x, y);
  if (p) return { node: p.offsetNode, offset: p.offset };
  const r = (document as Document & { caretRangeFromPoint?: (x: number, y: number) => Range | null }).caretRangeFromPoint?.(x, y);
  return r ? { node: r.startContainer, offset: r.startOffset } : null;
}

export function markAt(marks: readonly Mark[], x: number, y: number): { mark: Mark; rect: DOMRect } | null {
  const caret = caretAt(x, y);
  for (const mark of marks) {
    if (caret) {
      try {
        if (!mark.range.isPointInRange(caret.node, caret.offset)) continue;
      } catch {
        continue;
      }
    }
    for (const rect of mark.range.getClientRects()) if (x >= rect.left - 1 && x <= rect.right + 1 && y >= rect.top - 1 && y <= rect.bottom + 1) return { mark, rect };
  }
  return null;
}

/** Watches the pointer over `marks()` (read at each move: the page's current marks) until `o.signal` aborts. */
export function watchHover(marks: () => readonly Mark[], o: HoverOptions): void {
  let current: Mark | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let closeTimer: ReturnType<typeof setTimeout> | undefined;
  let frame = 0;
  let last: PointerEvent | null = null;
  // Whether the pointer is over the card is read while the event is dispatched: afterwards its
  // composed path is empty (DOM), and a pointer resting on the card would close it.
  let lastOverCard = false;
  const onMove = (e: PointerEvent) => {
    if (!e.isTrusted) return;
    last = e;
    lastOverCard = o.overCard(e);
    if (frame) return;
    frame = requestAnimationFrame(() => {
      frame = 0;
      const ev = last!;
      if (lastOverCard) {
        clearTimeout(closeTimer);
        return;
      }
      const hit = markAt(marks(), ev.clientX, ev.clientY);
      if (hit?.mark === current) return;
      current = hit?.mark ?? null;
      clearTimeout(timer);
      if (hit) {
        clearTimeout(closeTimer);
        timer = setTimeout(() => o.open(hit.mark, hit.rect), o.delayMs());
      } else {
        closeTimer = setTimeout(() => o.close(), 300);
      }
    });
  };
  const reset = () => {
    current = null;
    clearTimeout(timer);
    o.close();
  };
  document.addEventListener('pointermove', onMove, { passive: true, signal: o.signal });
  document.addEventListener('keydown', (e) => e.isTrusted && e.key === 'Escape' && reset(), { signal: o.signal });
  document.addEventListener('pointerdown', (e) => e.isTrusted && !o.overCard(e) && reset(), { signal: o.signal });
  window.addEventListener('scroll', (e) => e.isTrusted && current && reset(), { passive: true, signal: o.signal });
  o.signal.addEventListener('abort', () => {
    clearTimeout(timer);
    clearTimeout(closeTimer);
    cancelAnimationFrame(frame);
  });
}
