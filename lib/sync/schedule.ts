// When a feed is checked next: the interval with jitter after a success, and exponential backoff
// after failures (results with `retry: 'backoff'`), never sooner than a server's Retry-After.

/** The first retry after a failure. */
export const FIRST_BACKOFF_MS = 5 * 60_000;
/** No wait is longer than this. */
export const MAX_CHECK_DELAY_MS = 24 * 60 * 60_000;

/**
 * The delay before the next check of a feed. After a success (`failures` 0): the interval, ±10%
 * jitter. After `failures` consecutive failures (results with `retry: 'backoff'`): 5 minutes,
 * doubling with each failure (5, 10, 20, 40 min ...), capped at the interval and at 24 hours, with
 * the same ±10% jitter, and never sooner than a server's Retry-After. `random` is in [0, 1).
 */
export function nextCheckDelay(opts: { intervalMs: number; failures: number; random?: () => number; retryAfterMs?: number }): number {
  const jitter = 0.9 + 0.2 * (opts.random ?? Math.random)();
  const interval = Math.max(0, opts.intervalMs);
  if (opts.failures <= 0) return Math.round(interval * jitter);
  const cap = Math.min(interval, MAX_CHECK_DELAY_MS);
  const backoff = Math.min(FIRST_BACKOFF_MS * 2 ** Math.min(opts.failures - 1, 30), cap);
  return Math.round(Math.max(backoff * jitter, Math.min(opts.retryAfterMs ?? 0, MAX_CHECK_DELAY_MS)));
}
