// The work the content script does on the page's main thread, counted for `npm run bench:browser`
// and the e2e tests (the measurements feature publishes it as the "crosscheck-done" mark).
export interface WorkDetail {
  mainThreadMs: number;
  longestTaskMs: number;
  /** From the script's start to the first highlights (or to the end of the first scan, if none). */
  sinceStartMs: number;
  /** Time spent waiting for the background's scans (not the page's main thread). */
  scanWaitMs: number;
  highlights: number;
  /** The main thread's time by part: extract, ranges, paint, card. */
  parts: Record<string, number>;
}

export interface Measure {
  /** Counts `ms` of main-thread work of `part`; `longest` is its longest task (all of it by default). */
  spent(part: string, ms: number, longest?: number): void;
  /** Runs `f` and counts its time as main-thread work of `part`. */
  timed<T>(part: string, f: () => T): T;
  /** Counts time spent waiting for the background. */
  waited(ms: number): void;
  /** The first highlights are registered now (later calls change nothing). */
  highlighted(): void;
  report(highlights: number): WorkDetail;
}

export function createMeasure(now: () => number = () => performance.now()): Measure {
  const started = now();
  let mainThread = 0;
  let longestTask = 0;
  let waited = 0;
  let highlightedAt: number | null = null;
  const parts: Record<string, number> = {};
  const spent = (part: string, ms: number, longest = ms) => {
    mainThread += ms;
    parts[part] = (parts[part] ?? 0) + ms;
    longestTask = Math.max(longestTask, longest);
  };
  return {
    spent,
    timed(part, f) {
      const t0 = now();
      try {
        return f();
      } finally {
        spent(part, now() - t0);
      }
    },
    waited(ms) {
      waited += ms;
    },
    highlighted() {
      highlightedAt ??= now();
    },
    report(highlights) {
      const sinceStartMs = (highlightedAt ?? now()) - started;
      return { mainThreadMs: mainThread, longestTaskMs: longestTask, sinceStartMs, scanWaitMs: waited, highlights, parts };
    },
  };
}
