// Packs belong to their publisher: who may replace an installed pack, and whether an offered version
// is older than one its publisher already installed. One rule, read by the store inside its write
// transaction (lib/store/packs.ts importPack) and by a feed check before it downloads anything
// (./entry.ts). Pure: the caller reads the installed pack, the build's keys and the highest version.
import type { PackSigner } from '../protocol/signer';
import type { CauseDetail, Offer } from './causes';

export interface Installed {
  title: string;
  version: number;
  signer: PackSigner;
}

/**
 * Why `offer` may not replace the installed pack (null: it may; versions are compared apart).
 *
 * - A feed's pack signed by key K replaces a pack installed by K; the bundled pack only when K came
 *   with this build (`buildKeys`: source 'build'); a pack from a feed recorded before keys were
 *   (legacy) when it comes from that feed (or any, when that is not known). Nothing else: a pack of
 *   another key, or from a file, is the reader's to remove first.
 * - The bundled pack replaces the bundled pack, a pack signed by one of the build's keys, or a legacy one.
 * - A file replaces a file; anything else only when the reader confirmed it (`confirmed`).
 */
export function publisherProblem(installed: Installed | null, offer: Offer, buildKeys: ReadonlySet<string>, confirmed = false): CauseDetail | null {
  if (!installed) return null;
  const owner = installed.signer;
  const refuse: CauseDetail = { cause: 'publisher', title: installed.title, owner, offer };
  switch (offer.kind) {
    case 'key':
      if (owner.kind === 'key') return owner.keyId === offer.keyId ? null : refuse;
      if (owner.kind === 'bundled') return buildKeys.has(offer.keyId) ? null : refuse;
      if (owner.kind === 'legacy') return owner.feedUrl === null || owner.feedUrl === offer.feedUrl ? null : refuse;
      return refuse;
    case 'bundled':
      if (owner.kind === 'bundled' || owner.kind === 'legacy') return null;
      if (owner.kind === 'key') return buildKeys.has(owner.keyId) ? null : refuse;
      return refuse;
    case 'file':
      return owner.kind === 'file' || confirmed ? null : refuse;
  }
}

/**
 * Whether a feed's offer is older than the highest version its key ever installed of this pack
 * (remembered after the pack is removed): a replayed old signed file. Null too when the installed
 * version already settles it (`installed`: the same or a newer version is installed; an older or
 * equal offer is then refused or up to date as such).
 */
export function rollbackProblem(offered: number, highest: number | null, keyId: string, installed: number | null = null): CauseDetail | null {
  if (installed !== null && offered <= installed) return null;
  return highest !== null && offered < highest ? { cause: 'rollback', offered, highest, keyId } : null;
}
