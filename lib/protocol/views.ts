// What the background shows the extension's pages and the content script: the view types of the
// protocol. They are the protocol's own, not the database's rows (lib/store maps rows to these), so
// the store can change its schema without the UI noticing, and the UI sees only what is for it.
import type { Story } from '../pack/schema';
import type { ScanResult } from '../scan/engine';
import type { Cause } from '../sync/causes';
import type { PackSigner } from './signer';

export type PackSource = 'bundled' | 'feed' | 'file';

export type { PackSigner } from './signer';

/** An installed pack, as the popup and the options page list it. */
export interface PackView {
  id: string;
  version: number;
  title: string;
  publisher: string;
  createdAt: string;
  stories: Story[];
  source: PackSource;
  /** Who vouched for it; only this signer's updates replace it (docs/hardening.md#publishers). */
  signer: PackSigner;
  installedAt: string;
  counts: { outlets: number; articles: number; actors: number; claims: number; reports: number; positions: number };
}

/** What the last check of a feed came to. */
export type FeedOutcome = 'updated' | 'unchanged' | 'refused' | 'failed';

/** One pack's part of a feed's last check. */
export interface FeedPackStatus {
  id: string;
  title: string;
  status: 'updated' | 'unchanged' | 'refused' | 'failed' | 'skipped';
  message: string;
  offered: number;
  installed: number | null;
}

/** A subscribed feed and the state of its checks. */
export interface FeedView {
  url: string;
  addedAt: string;
  /** Consecutive checks that ended in a retryable failure. */
  failures: number;
  nextCheckAt: string | null;
  lastCheckedAt: string | null;
  lastUpdatedAt: string | null;
  /** The last check's outcome in plain language ("Signature does not match ...; kept version 3"). */
  lastMessage: string | null;
  lastOutcome: FeedOutcome | null;
  lastPacks: FeedPackStatus[];
}

/** A publisher key the reader trusts. */
export interface TrustedKeyView {
  keyId: string;
  /** The public.key line: `crosscheck-ed25519-public <base64>`. */
  key: string;
  label: string;
  /** 'build': came with this build (CROSSCHECK_TRUSTED_KEYS); 'user': added in the options. */
  source: 'build' | 'user';
  addedAt: string;
}

/** 'quiet' (the default): thin underlines, contradicted and disputed claims standing out; 'background': every claim shaded ("highlight everything"); 'underline': every claim underlined. */
export type HighlightStyle = 'quiet' | 'background' | 'underline';
export const HIGHLIGHT_STYLES: readonly HighlightStyle[] = ['quiet', 'background', 'underline'];

export interface ReadingSettings {
  /** How long the pointer rests on a mention before its card opens, in ms (SETTING_LIMITS). */
  hoverDelayMs: number;
  highlightStyle: HighlightStyle;
  /** Hours between scheduled checks of the subscribed feeds (SETTING_LIMITS). */
  checkIntervalHours: number;
}

/** How the content script shows what it found (the reader's settings). */
export type DisplaySettings = Pick<ReadingSettings, 'hoverDelayMs' | 'highlightStyle'>;
/** The reading settings' defaults for the page (here, so the content script needs no more). */
export const DEFAULT_DISPLAY: DisplaySettings = { hoverDelayMs: 350, highlightStyle: 'quiet' };
export const DEFAULT_SETTINGS: ReadingSettings = { ...DEFAULT_DISPLAY, checkIntervalHours: 12 };
/** The ranges the options page offers and the background enforces. */
export const SETTING_LIMITS = { hoverDelayMs: { min: 0, max: 2000 }, checkIntervalHours: { min: 1, max: 168 } } as const;

export interface ActorCard {
  name: string;
  role?: string;
  claims: {
    id: string;
    text: string;
    role: string;
    outlets: string[];
    counts: { corroborates: number; differs: number; contradicts: number };
    disputedBy: { name: string; position: string }[];
  }[];
}

export interface PageSummary {
  url: string;
  result: ScanResult;
  /** The reader turned Crosscheck off on this site. */
  siteOff?: boolean;
}

/** One feed's check, as "Update now" reports it. */
export interface FeedCheck {
  feedUrl: string;
  status: FeedOutcome;
  /** Plain language, naming the version kept on failure (made from `cause` in lib/sync/causes.ts). */
  message: string;
  /** Why it did not update (absent when it did, or had nothing to do). */
  cause?: Cause;
  packs: FeedPackStatus[];
}

/** A problem of a refused import, located in the file when it can be. */
export interface ImportProblem {
  path: string;
  message: string;
  line?: number;
  column?: number;
}

export interface BundledState {
  id: string;
  version: number;
  title: string;
  /** Some version of the bundled pack's id is installed (the bundled one, or a newer one from a feed). */
  installed: boolean;
  /** The reader removed it; it stays removed until "Restore". */
  removed: boolean;
}

/** Messages the background dropped since it started, by reason (see lib/protocol/guard.ts). */
export interface DroppedMessages {
  /** Not from this extension, or from neither one of its pages nor a content script in a tab. */
  sender: number;
  /** Not a request of this protocol: not an object, an unknown type, a missing or mistyped field, a string too long. */
  malformed: number;
  /** A content script asking for what only the extension's pages may ask. */
  'not-allowed': number;
}

