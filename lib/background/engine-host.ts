// The compiled scanning engine of the installed packs: compiled once, cached in IndexedDB (a woken
// service worker restores it instead of recompiling), dropped when the packs change.
import { errorText } from '../error-text';
import type { Pack } from '../pack/schema';
import type { PacksChangedMessage } from '../protocol';
import { ScanEngine } from '../scan/engine';
import type { CrosscheckDb } from '../store/db';
import { engineCacheKey, readEngineCache, writeEngineCache } from '../store/engine-cache';
import { loadPacks } from '../store/packs';
import type { Log } from './deps';

export interface EngineState {
  engine: ScanEngine;
  packs: Pack[];
  /** Restored from the IndexedDB cache, or compiled (and then cached). */
  origin: 'restored' | 'compiled';
}

export class EngineHost {
  private engine: Promise<EngineState> | null = null;

  constructor(
    private readonly db: CrosscheckDb,
    private readonly opts: { log: Log; now: () => Date; notify: (message: PacksChangedMessage) => void },
  ) {}

  /** Drops the compiled engine (after a pack is installed or removed): the next scan rebuilds it. */
  reload(): void {
    this.engine = null;
  }

  get(): Promise<EngineState> {
    this.engine ??= this.build();
    const p = this.engine;
    // A failed build is not kept: the next scan tries again.
    p.catch(() => {
      if (this.engine === p) this.engine = null;
    });
    return p;
  }

  /** After any pack change: rebuild (and cache) the engine, then tell the tabs and pages. */
  async packsChanged(): Promise<void> {
    this.reload();
    try {
      await this.get();
    } catch (e) {
      this.opts.log('warn', `scan engine not rebuilt: ${errorText(e)}`);
    }
    this.opts.notify({ type: 'packs-changed' });
  }

  /** Restores the engine from its cache when the cache is of the installed packs, else compiles and caches it. */
  private async build(): Promise<EngineState> {
    const { log } = this.opts;
    const packs = await loadPacks(this.db);
    const key = engineCacheKey(packs);
    const cached = await readEngineCache(this.db, key).catch(() => null);
    if (cached) {
      try {
        const engine = ScanEngine.restore(packs, cached);
        log('info', `scan engine restored from its cache (${key || 'no packs'})`);
        return { engine, packs, origin: 'restored' };
      } catch (e) {
        log('warn', `scan engine cache not used: ${errorText(e)}`);
      }
    }
    const engine = ScanEngine.fromPacks(packs);
    try {
      await writeEngineCache(this.db, key, engine.cache(), this.opts.now());
    } catch (e) {
      log('warn', `scan engine not cached: ${errorText(e)}`);
    }
    log('info', `scan engine compiled (${key || 'no packs'})`);
    return { engine, packs, origin: 'compiled' };
  }
}
