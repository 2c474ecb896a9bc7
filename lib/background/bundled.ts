// The packs that ship inside the extension: which they are, and which of them the reader removed
// (they stay removed until "Restore bundled packs"; a removal is the reader's choice, and the
// background does not undo it on its next start).
import type { BundledState } from '../protocol';
import type { CrosscheckDb } from '../store/db';
import { getMarker, setMarker } from '../store/settings';

export interface BundledHeader {
  id: string;
  version: number;
  title: string;
}

/** A bundled pack's id, version and title, read from what the build ships (null: unreadable). */
export function bundledHeader(bundledPack: unknown): BundledHeader | null {
  const p = bundledPack as { id?: unknown; version?: unknown; title?: unknown } | undefined;
  if (!p || typeof p.id !== 'string' || typeof p.version !== 'number') return null;
  return { id: p.id, version: p.version, title: typeof p.title === 'string' ? p.title : p.id };
}

/** Each bundled pack with its header, in the build's order (unreadable ones left out). */
export function bundledPacks(packs: readonly unknown[] | undefined): { pack: unknown; header: BundledHeader }[] {
  return (packs ?? []).flatMap((pack) => {
    const header = bundledHeader(pack);
    return header ? [{ pack, header }] : [];
  });
}

/**
 * The ids of the bundled packs the reader removed. (A database from before there were several
 * bundled packs says `true`: the reader removed the one there was, the first.)
 */
export async function removedBundled(db: CrosscheckDb, packs: readonly unknown[] | undefined): Promise<Set<string>> {
  const marker = await getMarker<unknown>(db, 'bundledRemoved');
  if (marker === true) return new Set(bundledPacks(packs).slice(0, 1).map((b) => b.header.id));
  return new Set(Array.isArray(marker) ? marker.filter((x): x is string => typeof x === 'string') : []);
}

export async function setRemovedBundled(db: CrosscheckDb, ids: ReadonlySet<string>): Promise<void> {
  await setMarker(db, 'bundledRemoved', ids.size ? [...ids].sort() : false);
}

export async function bundledStates(db: CrosscheckDb, packs: readonly unknown[] | undefined): Promise<BundledState[]> {
  const removed = await removedBundled(db, packs);
  return Promise.all(
    bundledPacks(packs).map(async ({ header }) => ({ ...header, installed: (await db.packs.get(header.id)) !== undefined, removed: removed.has(header.id) })),
  );
}
