// What every part of the background shares: the deps it was given, and one instance of each piece
// of state (the engine, the tabs' findings, the settings, the feed sync, progress). Made once per
// worker start by createBackground (index.ts).
import type { CrosscheckDb } from '../store/db';
import type { BackgroundDeps } from './deps';
import type { EngineHost } from './engine-host';
import type { FeedSync } from './feed-sync';
import type { InstallLock } from './install-lock';
import type { ProgressReporter } from './progress';
import type { SettingsCache } from './reading-settings';
import type { TabFindings } from './tab-findings';

export interface BackgroundContext {
  deps: BackgroundDeps;
  db: CrosscheckDb;
  now(): Date;
  log(level: 'info' | 'warn', message: string): void;
  engine: EngineHost;
  tabs: TabFindings;
  settings: SettingsCache;
  sync: FeedSync;
  progress: ProgressReporter;
  /** Held by every path that installs or removes packs (./install-lock.ts). */
  installs: InstallLock;
}

/** Who sent a request: the tab and frame of a content script; neither for an extension page. */
export interface Sender {
  tabId?: number;
  frameId?: number;
}
