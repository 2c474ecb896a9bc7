// What the options page needs from the extension, passed in by entrypoints/options/main.tsx (and by
// the component tests, with fakes): requests to the background, host permissions, its events.
import type { PageEvent, Reply, Request } from '../../lib/protocol';

export interface OptionsApi {
  /** A request to the background; never rejects (an unanswered request is an error reply). */
  send<R extends Request>(req: R): Promise<Reply<R>>;
  /**
   * Asks the browser for access to a feed's origin. Called straight from a click (browsers require
   * a user gesture); the answer may never come (a prompt nobody answers), so nothing waits for it.
   */
  requestHostPermission(url: string): Promise<boolean>;
  hasHostPermission(url: string): Promise<boolean>;
  /** Subscribes to the background's events (packs changed, sync progress); returns the unsubscribe. */
  onEvent(listener: (event: PageEvent) => void): () => void;
}

/** "12 Jan 2026, 14:03" in the reader's locale; the text itself if it is not a date. */
export function formatDateTime(iso: string | null): string {
  if (!iso) return 'never';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
