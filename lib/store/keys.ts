// The publisher keys the reader trusts (docs/feed-format.md#keys): a pack from a feed installs only
// if it is signed by one of them. Keys come from the build (CROSSCHECK_TRUSTED_KEYS) or are pasted
// by the reader in the options page. Pure functions over the database.
import { formatPublicKey, fromBase64, parsePublicKeyList, PUBLIC_KEY_PREFIX, publicKeyFromRaw, type PublicKey } from '../feed/keys';
import type { CrosscheckDb, TrustedKeyRow } from './db';
import { getMarker, setMarker } from './settings';

/** The most keys the reader may trust. */
export const MAX_KEYS = 100;
const MAX_LABEL = 100;

export async function listTrustedKeys(db: CrosscheckDb): Promise<TrustedKeyRow[]> {
  return (await db.trustedKeys.toArray()).sort((a, b) => a.addedAt.localeCompare(b.addedAt) || a.keyId.localeCompare(b.keyId));
}

/** The trusted keys as the update pipeline wants them; a row that no longer reads is left out. */
export async function trustedPublicKeys(db: CrosscheckDb): Promise<PublicKey[]> {
  const out: PublicKey[] = [];
  for (const row of await db.trustedKeys.toArray()) {
    const words = row.key.trim().split(/\s+/);
    const raw = words[0] === PUBLIC_KEY_PREFIX ? fromBase64(words[1] ?? '') : null;
    if (!raw || raw.length !== 32) continue;
    const key = await publicKeyFromRaw(raw);
    if (key.id === row.keyId) out.push(key);
  }
  return out;
}

export interface AddKeysResult {
  /** Keys newly trusted. */
  added: TrustedKeyRow[];
  /** Keys given that were already trusted. */
  existing: string[];
  /** What could not be read, by line ("line 2: the key decodes to 31 bytes; ..."). Nothing is added when there are any. */
  problems: string[];
}

/**
 * Trusts the keys in `text` (one per line, or a PEM block; see parsePublicKeyList). All or nothing:
 * with any problem, no key is added.
 */
export async function addTrustedKeys(
  db: CrosscheckDb,
  text: string,
  opts: { label?: string; source?: 'build' | 'user'; now?: Date } = {},
): Promise<AddKeysResult> {
  const { keys, problems } = await parsePublicKeyList(text);
  if (problems.length) return { added: [], existing: [], problems };
  if (keys.length === 0) return { added: [], existing: [], problems: [`no key given: paste the line "${PUBLIC_KEY_PREFIX} ..." of the publisher's public.key`] };
  const label = (opts.label ?? '').trim().slice(0, MAX_LABEL);
  const addedAt = (opts.now ?? new Date()).toISOString();
  return db.transaction('rw', db.trustedKeys, async () => {
    const added: TrustedKeyRow[] = [];
    const existing: string[] = [];
    let count = await db.trustedKeys.count();
    for (const k of keys) {
      if (await db.trustedKeys.get(k.id)) {
        existing.push(k.id);
        continue;
      }
      if (count >= MAX_KEYS) return { added: [], existing: [], problems: [`you already trust ${MAX_KEYS} keys, the most Crosscheck keeps`] };
      const row: TrustedKeyRow = { keyId: k.id, key: formatPublicKey(k).trim(), label, source: opts.source ?? 'user', addedAt };
      added.push(row);
      count++;
    }
    await db.trustedKeys.bulkAdd(added);
    return { added, existing, problems: [] };
  });
}

export async function removeTrustedKey(db: CrosscheckDb, keyId: string): Promise<boolean> {
  return db.transaction('rw', db.trustedKeys, async () => {
    const had = (await db.trustedKeys.get(keyId)) !== undefined;
    await db.trustedKeys.delete(keyId);
    return had;
  });
}

/**
 * Trusts the keys the extension was built with (source 'build'), each once: a build key the reader
 * removed stays removed on later starts (the ids seen are kept in a marker).
 */
export async function ensureBuildKeys(db: CrosscheckDb, keyTexts: readonly string[], now = new Date()): Promise<{ added: string[]; problems: string[] }> {
  if (keyTexts.length === 0) return { added: [], problems: [] };
  const seen = new Set((await getMarker<string[]>(db, 'buildKeysSeen')) ?? []);
  const { keys, problems } = await parsePublicKeyList(keyTexts.join('\n'));
  const added: string[] = [];
  for (const k of keys) {
    if (seen.has(k.id)) continue;
    const r = await addTrustedKeys(db, formatPublicKey(k), { label: 'Bundled with this build', source: 'build', now });
    added.push(...r.added.map((a) => a.keyId));
    problems.push(...r.problems);
    seen.add(k.id);
  }
  await setMarker(db, 'buildKeysSeen', [...seen].sort());
  return { added, problems };
}
