// Dynamic pages: text the page adds or changes after the first scan. A MutationObserver only
// queues what changed; after a quiet moment (or at most a second and a half) the queue becomes one
// batch of the topmost new subtrees, handed to `scan`. Our own UI is ignored. On an endless page
// the work stops after a fixed amount (see LIMITS; documented in docs/performance.md).

export const DYNAMIC_LIMITS = {
  /** Wait this long after the last change before scanning a batch… */
  quietMs: 400,
  /** …but no longer than this after the first change of the batch. */
  maxWaitMs: 1500,
  /** Batches per page (a page load or a single-page navigation). */
  batches: 200,
  /** Characters of added text scanned per page. */
  chars: 1_000_000,
} as const;

/** Subtrees whose changes we never scan: form fields, editable regions, scripts, site chrome. */
const IGNORED = '[data-crosscheck],script,style,noscript,template,textarea,input,select,[contenteditable]:not([contenteditable="false"]),nav,[role="navigation"],[role="menu"],[role="menubar"],[hidden],[aria-hidden="true"]';

export interface DynamicOptions {
  /** Our own UI (the card's host): its changes are not the page's. */
  ownHost: () => Element | null;
  /** Scans the batch's roots; returns how many characters it scanned. */
  scan: (roots: Node[]) => Promise<number> | number;
  signal: AbortSignal;
  limits?: Partial<typeof DYNAMIC_LIMITS>;
}

export interface DynamicWatch {
  /** Starts counting the page's work anew (after a single-page navigation). */
  reset(): void;
  /** Drops the changes recorded so far: our own (the fallback's wrapping), made synchronously before. */
  discard(): void;
  /** True once the limits were reached and the observer stopped. */
  readonly stopped: boolean;
}

export function watchDynamic(root: Node, o: DynamicOptions): DynamicWatch {
  const limits = { ...DYNAMIC_LIMITS, ...o.limits };
  let queue = new Set<Node>();
  let quiet: ReturnType<typeof setTimeout> | undefined;
  let first: ReturnType<typeof setTimeout> | undefined;
  let batches = 0;
  let chars = 0;
  let stopped = false;
  let running: Promise<void> = Promise.resolve();

  const isOurs = (n: Node) => {
    const host = o.ownHost();
    return !!host && (n === host || host.contains(n));
  };

  const flush = () => {
    clearTimeout(quiet);
    clearTimeout(first);
    quiet = first = undefined;
    const nodes = [...queue];
    queue = new Set();
    running = running.then(async () => {
      if (o.signal.aborted || stopped) return;
      const roots = topmost(nodes.filter((n) => n.isConnected && !isOurs(n) && !ignored(n)));
      if (!roots.length) return;
      batches++;
      chars += await o.scan(roots);
      if (batches >= limits.batches || chars >= limits.chars) stop();
    });
  };

  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'characterData') {
        if (r.target.parentNode) queue.add(r.target.parentNode);
      } else for (const n of r.addedNodes) if (n.nodeType === Node.ELEMENT_NODE || n.nodeType === Node.TEXT_NODE) queue.add(n);
    }
    if (!queue.size) return;
    clearTimeout(quiet);
    quiet = setTimeout(flush, limits.quietMs);
    first ??= setTimeout(flush, limits.maxWaitMs);
  });
  const start = () => observer.observe(root, { childList: true, subtree: true, characterData: true });
  const stop = () => {
    stopped = true;
    observer.disconnect();
    clearTimeout(quiet);
    clearTimeout(first);
    queue.clear();
  };
  // An aborted signal never fires 'abort' again: a page already torn down is not watched at all.
  if (o.signal.aborted) stop();
  else {
    start();
    o.signal.addEventListener('abort', stop, { once: true });
  }
  return {
    reset() {
      if (o.signal.aborted) return;
      batches = 0;
      chars = 0;
      if (stopped) {
        stopped = false;
        start();
      }
    },
    discard() {
      observer.takeRecords();
    },
    get stopped() {
      return stopped;
    },
  };
}

/** A node inside a subtree whose text we never scan (checked on its ancestors). */
function ignored(n: Node): boolean {
  const el = n.nodeType === Node.ELEMENT_NODE ? (n as Element) : n.parentElement;
  return !el || !!el.closest(IGNORED);
}

/** The nodes that are not inside another of the nodes. */
function topmost(nodes: Node[]): Node[] {
  const set = new Set(nodes);
  return nodes.filter((n) => {
    for (let p = n.parentNode; p; p = p.parentNode) if (set.has(p)) return false;
    return true;
  });
}
