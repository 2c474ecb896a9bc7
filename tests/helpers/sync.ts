// Tests of feed updates: the update's dependencies on a real (fake-indexeddb) store, as the
// background wires them (lib/background/feed-sync.ts): what is installed (with its signer), whether
// a key may install a version, and installing a feed's pack with the key that signed it.
import type { PublicKey } from '../../lib/feed/keys';
import type { CrosscheckDb } from '../../lib/store/db';
import { importPack, loadPacks } from '../../lib/store/packs';
import { admitOffer } from '../../lib/store/publishers';
import type { UpdateDeps } from '../../lib/sync/update';

export function storeUpdateDeps(db: CrosscheckDb, trustedKeys: PublicKey[], timeoutMs: number, over: Partial<UpdateDeps> = {}, feedUrl = 'http://127.0.0.1/feed/feed.json'): UpdateDeps {
  return {
    trustedKeys,
    crosscheckVersion: '0.1.0',
    installed: async (id) => {
      const row = await db.packs.get(id);
      return row
        ? {
            version: row.version,
            title: row.title,
            signer: row.signer,
            sha256: row.signer.kind === 'key' ? row.signer.sha256 : null,
            pack: async () => (await loadPacks(db)).find((p) => p.id === id)!,
          }
        : null;
    },
    admit: (offer) => admitOffer(db, { ...offer, feedUrl }),
    install: (pack, signer) => importPack(db, pack, { signer: { ...signer, feedUrl } }),
    limits: { timeoutMs },
    ...over,
  };
}
