// Tests of feed updates: the update's dependencies on a real (fake-indexeddb) store, as the
// background wires them (lib/service.ts): what is installed, and installing a feed's pack.
import type { PublicKey } from '../../lib/feed/keys';
import type { CrosscheckDb } from '../../lib/store/db';
import { importPack, loadPacks } from '../../lib/store/packs';
import type { UpdateDeps } from '../../lib/sync/update';

export function storeUpdateDeps(db: CrosscheckDb, trustedKeys: PublicKey[], timeoutMs: number, over: Partial<UpdateDeps> = {}): UpdateDeps {
  return {
    trustedKeys,
    crosscheckVersion: '0.1.0',
    installed: async (id) => {
      const row = await db.packs.get(id);
      return row ? { version: row.version, pack: async () => (await loadPacks(db)).find((p) => p.id === id)! } : null;
    },
    install: (pack) => importPack(db, pack, { source: 'feed' }),
    limits: { timeoutMs },
    ...over,
  };
}
