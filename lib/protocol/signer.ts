// Who vouched for an installed pack: a view type of its own, so that both the protocol's views and
// the words of the sync code (lib/sync/causes.ts) can name it without importing each other.

/**
 * It came with Crosscheck, the reader imported it from a file, or a feed's pack signed by `keyId`
 * (from the feed at `feedUrl`). 'legacy': installed from a feed by a Crosscheck that did not yet
 * record the key (the feed, when it is known).
 */
export type PackSigner =
  | { kind: 'bundled' }
  | { kind: 'file' }
  | { kind: 'key'; keyId: string; feedUrl: string }
  | { kind: 'legacy'; feedUrl: string | null };
