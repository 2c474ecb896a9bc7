// What a feed update works with and reports: its limits, the dependencies the caller injects (fetch,
// the trusted keys, the installed versions, the install function), and the results per feed and
// per pack, each failure with its cause code and the version kept (./causes.ts).
import { LIMITS, type Pack } from '../pack/schema';
import { FEED_MAX_BYTES } from '../feed/format';
import type { PublicKey } from '../feed/keys';
import type { PackSigner } from '../protocol/signer';
import type { Cause, CauseDetail } from './causes';

export interface SyncLimits {
  /** Per download (headers and body). Default 30 s. */
  timeoutMs: number;
  /** A pack or delta file. Default LIMITS.packBytes (32 MiB). */
  maxBytes: number;
  /** feed.json. Default 1 MiB. */
  feedMaxBytes: number;
}

export const DEFAULT_LIMITS: SyncLimits = { timeoutMs: 30_000, maxBytes: LIMITS.packBytes, feedMaxBytes: FEED_MAX_BYTES };

/** What is installed of a pack: its version, and (for deltas) a way to read it back whole. */
export interface InstalledPack {
  version: number;
  /** The installed pack's own title (results name what is in use, not what a feed says it offers). */
  title?: string;
  /** Who installed it. */
  signer?: PackSigner;
  /** sha256 of the pack file it was installed from, when it came from a feed: the same file is not fetched again. */
  sha256?: string | null;
  pack?: () => Promise<Pack>;
}

/** What a feed's pack is vouched for by: the key that signed it, and the file's sha256 as the feed lists it. */
export interface FeedSigner {
  keyId: string;
  sha256: string;
}

/** What `install` reports; lib/store/packs.ts ImportResult fits. */
export interface InstallOutcome {
  status: 'installed' | 'unchanged' | 'refused' | 'failed';
  message?: string;
  /** Why a refused or failed install did not happen. */
  cause?: Cause;
  /** The version still installed after a refused or failed install; when given, `message` names it. */
  kept?: number | null;
}

export interface UpdateDeps {
  /** Default: globalThis.fetch. */
  fetch?: typeof globalThis.fetch;
  /** The publishers' keys the user trusts; a pack signed by any other key is refused. */
  trustedKeys: readonly PublicKey[];
  /** The installed version of a pack, or null. */
  installed(id: string): Promise<InstalledPack | null>;
  /**
   * Installs a verified, validated pack in one transaction (importPack with source 'feed' and the
   * signer), which checks again, inside it, who may replace what and which versions are older.
   */
  install(pack: Pack, signer: FeedSigner): Promise<InstallOutcome>;
  /**
   * Before anything is downloaded: why this key may not install this version of the pack (another
   * publisher's pack, or older than a version this key installed before), or null. Default: no objection.
   */
  admit?(offer: { id: string; version: number; keyId: string }): Promise<CauseDetail | null>;
  /** This Crosscheck's version, compared with each entry's `minCrosscheck`. */
  crosscheckVersion: string;
  limits?: Partial<SyncLimits>;
  now?: () => Date;
  signal?: AbortSignal;
  /** Download progress of each file: feed.json, a delta, a pack (total: its stated size, when known). */
  onProgress?: (p: DownloadProgress) => void;
}

export interface DownloadProgress {
  url: string;
  what: 'feed' | 'delta' | 'pack';
  received: number;
  total: number | null;
}

export type PackStatus = 'updated' | 'unchanged' | 'refused' | 'failed' | 'skipped';
export type FeedStatus = 'updated' | 'unchanged' | 'refused' | 'failed';

export interface PackUpdateResult {
  id: string;
  title: string;
  status: PackStatus;
  /** Plain language, naming the version kept on failure. */
  message: string;
  /** The version the feed offers. */
  offered: number;
  /** The version in use after this check (null: none). */
  installed: number | null;
  /** How the new version arrived. */
  via?: 'delta' | 'full';
  /** Why a delta offered for the installed version was not used (the full pack was fetched). */
  deltaProblem?: string;
  /** The cause of `deltaProblem`. */
  deltaCause?: Cause;
  /** Why the pack was refused, failed or skipped (absent when it was updated or is up to date). */
  cause?: Cause;
  /** With `cause`: the version still installed (null: none). */
  kept?: number | null;
  retry?: 'backoff';
  retryAfterMs?: number;
}

export interface FeedUpdateResult {
  feedUrl: string;
  status: FeedStatus;
  /** Plain language: what happened and what is in use. */
  message: string;
  /**
   * Why the check did not update (absent on success): the feed's own cause when the feed could not
   * be used (then `packs` is empty), else that of the first failed (or else refused) pack.
   */
  cause?: Cause;
  /** The version that pack still has installed (null: none); absent when the feed itself failed. */
  kept?: number | null;
  /** Schedule the next check with backoff (nextCheckDelay with failures + 1). */
  retry?: 'backoff';
  retryAfterMs?: number;
  /** From the feed's signed content, once its signature verified: when it was built, and until when it holds. */
  generated?: string;
  expires?: string;
  packs: PackUpdateResult[];
  checkedAt: string;
}

/** One feed update's dependencies and limits, as its parts get them. */
export interface Ctx {
  deps: UpdateDeps;
  limits: SyncLimits;
}
