// The store's rows as the protocol's views (lib/protocol/views.ts): what the UI is shown of them.
import type { FeedView, PackSigner, PackView, TrustedKeyView } from '../protocol/views';
import type { FeedRow, PackRow, SignerRow, TrustedKeyRow } from './db';

/** Who vouched for a pack, without the file digest the store keeps with it. */
function signerView(s: SignerRow): PackSigner {
  return s.kind === 'key' ? { kind: 'key', keyId: s.keyId, feedUrl: s.feedUrl } : s;
}

export function packView(row: PackRow): PackView {
  const { id, version, title, publisher, createdAt, stories, source, signer, installedAt, counts } = row;
  return { id, version, title, publisher, createdAt, stories, source, signer: signerView(signer), installedAt, counts };
}

export function feedView(row: FeedRow): FeedView {
  const { url, addedAt, failures, nextCheckAt, lastCheckedAt, lastUpdatedAt, lastMessage, lastOutcome, lastPacks } = row;
  return { url, addedAt, failures, nextCheckAt, lastCheckedAt, lastUpdatedAt, lastMessage, lastOutcome, lastPacks };
}

export function keyView(row: TrustedKeyRow): TrustedKeyView {
  const { keyId, key, label, source, addedAt } = row;
  return { keyId, key, label, source, addedAt };
}
