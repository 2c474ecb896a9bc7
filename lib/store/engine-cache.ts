// The compiled scanning engine kept in IndexedDB (issue 4): a woken service worker restores it
// with ScanEngine.restore instead of recompiling the actor matcher. One row, keyed by the packs it
// was compiled from, so a cache of other packs (or other versions) is never used.
import type { Pack } from '../pack/schema';
import type { EngineCache } from '../scan/engine';
import type { CrosscheckDb } from './db';

/** `id@version|id@version`, in the engine's pack order. */
export function engineCacheKey(packs: readonly Pick<Pack, 'id' | 'version'>[]): string {
  return packs.map((p) => `${p.id}@${p.version}`).join('|');
}

export async function readEngineCache(db: CrosscheckDb, key: string): Promise<EngineCache | null> {
  return (await db.engineCache.get(key))?.cache ?? null;
}

/** Replaces the cache (only the newest is kept). */
export async function writeEngineCache(db: CrosscheckDb, key: string, cache: EngineCache, now = new Date()): Promise<void> {
  await db.transaction('rw', db.engineCache, async () => {
    await db.engineCache.clear();
    await db.engineCache.put({ key, cache, savedAt: now.toISOString() });
  });
}
