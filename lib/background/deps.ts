// What the background is given by its entry point: the database and the browser's powers, passed
// in so that lib/background never calls browser.* itself (tests pass recorders instead).
import type { DroppedMessages, PacksChangedMessage, PageEvent } from '../protocol';
import type { CrosscheckDb } from '../store/db';
import type { SyncLimits } from '../sync/update';

export interface BackgroundDeps {
  db: CrosscheckDb;
  setBadge: (tabId: number, text: string, warning: boolean) => void;
  /** The packs shipped inside the extension, each installed on start unless the reader removed it. */
  bundledPacks?: readonly unknown[];
  /** The feed this build subscribes to once (CROSSCHECK_DEFAULT_FEED), or null. */
  defaultFeed?: string | null;
  /** Public key lines this build trusts (CROSSCHECK_TRUSTED_KEYS). */
  buildKeys?: readonly string[];
  /** This Crosscheck's version, for feed entries' minCrosscheck. */
  crosscheckVersion?: string;
  fetch?: typeof globalThis.fetch;
  limits?: Partial<SyncLimits>;
  /**
   * Whether the extension holds host permission for the URL's origin. Without it a feed is fetched
   * with CORS, and then without If-None-Match / If-Modified-Since (headers that would need a
   * preflight most static hosts do not answer). Default: assume it does.
   */
  hasHostPermission?: (url: string) => Promise<boolean>;
  /** Tells every tab's content script (ignoring tabs without one). */
  notifyTabs?: (message: PacksChangedMessage) => void;
  /** Tells the extension's open pages (options, popup). */
  notifyPages?: (message: PageEvent) => void;
  /** Asks to be woken at `when` (ms since the epoch) to check the feeds due then; null: no feeds. */
  scheduleCheck?: (when: number | null) => void;
  /** Asks one tab to scan again (its summary was lost when the worker stopped). */
  rescanTab?: (tabId: number) => void;
  log?: (level: 'info' | 'warn', message: string) => void;
  /** The messages dropped on receipt so far (lib/protocol/guard.ts), for the options page. */
  diagnostics?: () => { dropped: DroppedMessages; since: string };
  now?: () => Date;
  random?: () => number;
}

export type Log = (level: 'info' | 'warn', message: string) => void;
