// What the store knows about publishers: the keys that came with the build, and the highest version
// each key ever installed of each pack (kept after the pack is removed, until "Delete all data").
// With lib/sync/publisher.ts's rule they decide who may install what: inside importPack's write
// transaction, and (admitOffer) before a feed check downloads anything.
import type { CauseDetail } from '../sync/causes';
import { publisherProblem, rollbackProblem } from '../sync/publisher';
import type { CrosscheckDb } from './db';

/** The ids of the trusted keys that came with this build (CROSSCHECK_TRUSTED_KEYS). */
export async function buildKeyIds(db: CrosscheckDb): Promise<Set<string>> {
  return new Set((await db.trustedKeys.toArray()).filter((k) => k.source === 'build').map((k) => k.keyId));
}

/** The highest version of `pack` that `keyId` installed here, or null. */
export async function highestVersion(db: CrosscheckDb, keyId: string, pack: string): Promise<number | null> {
  return (await db.publisherVersions.get([keyId, pack]))?.version ?? null;
}

/** Remembers that `keyId` installed `version` of `pack` (only ever raises the remembered version). */
export async function recordVersion(db: CrosscheckDb, keyId: string, pack: string, version: number, now: Date): Promise<void> {
  const highest = await highestVersion(db, keyId, pack);
  if (highest === null || version > highest) await db.publisherVersions.put({ keyId, pack, version, at: now.toISOString() });
}

/**
 * Why the feed at `feedUrl` may not install this version of the pack signed by `keyId` (another
 * publisher's pack is installed, or this key installed a newer version before), or null. Read in one
 * transaction; importPack decides again inside its own when the pack has been downloaded.
 */
export async function admitOffer(db: CrosscheckDb, offer: { id: string; version: number; keyId: string; feedUrl: string }): Promise<CauseDetail | null> {
  return db.transaction('r', [db.packs, db.trustedKeys, db.publisherVersions], async () => {
    const installed = (await db.packs.get(offer.id)) ?? null;
    const owner = publisherProblem(installed, { kind: 'key', keyId: offer.keyId, feedUrl: offer.feedUrl }, await buildKeyIds(db));
    return owner ?? rollbackProblem(offer.version, await highestVersion(db, offer.keyId, offer.id), offer.keyId, installed?.version ?? null);
  });
}
