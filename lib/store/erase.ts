// "Delete all data" (the options page): empties every table of the database in one transaction, a
// table added in a later schema version too. One thing is kept: the marker that the build's default
// feed was subscribed once, so deleting never starts requests to a feed the reader may have left.
// The service then installs what ships with the extension again: the bundled pack, the build's keys.
import type { CrosscheckDb } from './db';
import { disabledSites, getMarker, setMarker } from './settings';

/** What was there before, for the reader's confirmation. */
export interface Erased {
  packs: number;
  feeds: number;
  /** Keys the reader added (the build's come back). */
  keys: number;
  sites: number;
}

export async function eraseAllData(db: CrosscheckDb): Promise<Erased> {
  return db.transaction('rw', db.tables, async () => {
    const erased: Erased = {
      packs: await db.packs.count(),
      feeds: await db.feeds.count(),
      keys: await db.trustedKeys.filter((k) => k.source !== 'build').count(),
      sites: (await disabledSites(db)).length,
    };
    const defaultFeedSeen = await getMarker(db, 'defaultFeedSeen');
    for (const table of db.tables) await table.clear();
    if (defaultFeedSeen !== undefined) await setMarker(db, 'defaultFeedSeen', defaultFeedSeen);
    return erased;
  });
}
