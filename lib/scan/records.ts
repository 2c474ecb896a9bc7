// The engine's lookups over the installed packs' records: actors the packs share, records by id,
// items grouped by a key.
import type { Pack } from '../pack/schema';

/** The key of a pack's record among all the installed packs' ("pack\u0000id"). */
export const key = (pack: string, id: string) => `${pack}\u0000${id}`;

/**
 * The matcher's key of each pack's actor: an actor that an earlier pack has too (the same id and
 * name: "putin", "Vladimir Putin") is that pack's, so a page naming them names them for the claims of
 * both packs, with the spellings of both.
 */
export function actorKeys(packs: Pack[]): (pack: string, id: string) => string {
  const first = new Map<string, string>();
  const keys = new Map<string, string>();
  for (const p of packs) {
    for (const a of p.actors) {
      const same = `${a.id}\u0000${a.name}`;
      const k = first.get(same) ?? key(p.id, a.id);
      if (!first.has(same)) first.set(same, k);
      if (!keys.has(key(p.id, a.id))) keys.set(key(p.id, a.id), k);
    }
  }
  return (pack, id) => keys.get(key(pack, id)) ?? key(pack, id);
}

/** Records by id; where ids repeat (validation refuses that), the first one, as `find` had it. */
export function byId<T extends { id: string }>(items: readonly T[]): Map<string, T> {
  const map = new Map<string, T>();
  for (const x of items) if (!map.has(x.id)) map.set(x.id, x);
  return map;
}

/** Items grouped by a key, in their order: one pass, no list copied. */
export function groupBy<T>(items: readonly T[], keyOf: (x: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const x of items) {
    const k = keyOf(x);
    const list = map.get(k);
    if (list) list.push(x);
    else map.set(k, [x]);
  }
  return map;
}
