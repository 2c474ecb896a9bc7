// The page's marks: what the scans found, as Ranges within the page's budget (MAX_MARKS), painted
// by the highlighter, and in reading order for the keyboard. Readers get a stable view: `all()` is
// an array never changed after it is handed out (a change makes a new one), so the hover watcher
// can read it while a scan adds marks.
import type { TextSegment } from '@/lib/extract/visible-text';
import type { HighlightStyle } from '@/lib/protocol';
import type { ScanResult } from '@/lib/scan/engine';
import { buildMarks, MAX_MARKS, paint, type Mark } from './highlighter';

export interface MarksChange {
  /** The page's marks after the change (empty: a new scan started). */
  marks: readonly Mark[];
  /** The marks the change added (none when the marks were cleared). */
  added: readonly Mark[];
}

export interface MarksStore {
  /** The page's marks, in the order they were found. */
  all(): readonly Mark[];
  /** The marks in reading order, one per place (a sentence stating several claims is visited once). */
  order(): readonly Mark[];
  /** Marks what a scan found (within MAX_MARKS for the page in all) and paints every mark; returns the new marks. */
  add(result: ScanResult, segments: TextSegment<Node>[]): readonly Mark[];
  /** Removes every mark and its paint (a new scan of the page starts). */
  clear(): void;
  /** Calls `fn` after each change (synchronously, once painted) until `signal` aborts. */
  subscribe(fn: (change: MarksChange) => void, signal: AbortSignal): void;
}

export interface MarksOptions {
  /** The reader's highlight style, read at each paint. */
  style: () => HighlightStyle;
  /** Counts the time of building ranges and painting (see Measure.timed). */
  timed: <T>(part: string, f: () => T) => T;
  /** Removes the paint and stops every change. */
  signal: AbortSignal;
}

export function createMarks(o: MarksOptions): MarksStore {
  let marks: readonly Mark[] = [];
  let order: readonly Mark[] | null = null;
  let unpaint = () => {};
  const subscribers = new Set<(change: MarksChange) => void>();
  const changed = (added: readonly Mark[]) => {
    for (const fn of [...subscribers]) fn({ marks, added });
  };
  const repaint = () => {
    unpaint();
    unpaint = o.timed('paint', () => paint(marks, o.style()));
    order = null;
  };
  o.signal.addEventListener(
    'abort',
    () => {
      unpaint();
      unpaint = () => {};
      subscribers.clear();
    },
    { once: true },
  );
  return {
    all: () => marks,
    order: () => (order ??= navigationOrder(marks)),
    add(result, segments) {
      if (o.signal.aborted) return [];
      const added = o.timed('ranges', () => buildMarks(result, segments, Math.max(0, MAX_MARKS - marks.length)));
      if (!added.length) return added;
      marks = [...marks, ...added];
      repaint();
      changed(added);
      return added;
    },
    clear() {
      if (o.signal.aborted) return;
      const had = marks.length > 0;
      marks = [];
      order = null;
      if (had) repaint();
      changed([]);
    },
    subscribe(fn, signal) {
      if (signal.aborted) return;
      subscribers.add(fn);
      signal.addEventListener('abort', () => subscribers.delete(fn), { once: true });
    },
  };
}

/** Marks in reading order, one per place; where a name and a sentence start together, the name first. */
export function navigationOrder(marks: readonly Mark[]): Mark[] {
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
