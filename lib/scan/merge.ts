// A page scanned in parts (text a dynamic page adds later): the part's findings are merged into
// what the page already had, for the popup's summary and the badge. Offsets stay those of each
// part's own text; the summary does not use them.
import type { ScanClaim, ScanResult, Verdict } from './engine';

const RANK: Record<Verdict, number> = { contradicted: 0, disputed: 1, mixed: 2, corroborated: 3 };
const key = (x: { pack: string; id: string }) => `${x.pack}\u0000${x.id}`;

export function mergeScanResults(base: ScanResult, part: ScanResult): ScanResult {
  const actors = new Map(base.actors.map((a) => [key(a), { ...a, mentions: [...a.mentions] }]));
  for (const a of part.actors) {
    const had = actors.get(key(a));
    if (had) had.mentions.push(...a.mentions);
    else actors.set(key(a), { ...a, mentions: [...a.mentions] });
  }
  const claims = new Map<string, ScanClaim>(base.claims.map((c) => [key(c), { ...c, matches: [...c.matches] }]));
  for (const c of part.claims) {
    const had = claims.get(key(c));
    if (!had) claims.set(key(c), { ...c, matches: [...c.matches] });
    // The worse verdict wins (a conflicting figure anywhere on the page is what a reader must see).
    else if (RANK[c.verdict] < RANK[had.verdict]) claims.set(key(c), { ...c, matches: [...had.matches, ...c.matches] });
    else had.matches.push(...c.matches);
  }
  return {
    actors: [...actors.values()],
    claims: [...claims.values()].sort((a, b) => RANK[a.verdict] - RANK[b.verdict]),
    stats: {
      chars: base.stats.chars + part.stats.chars,
      sentences: base.stats.sentences + part.stats.sentences,
      sentencesScored: base.stats.sentencesScored + part.stats.sentencesScored,
      ...(base.stats.truncated || part.stats.truncated ? { truncated: true as const } : {}),
    },
  };
}

/** A result for a part of a text (one chunk of a huge page), with its offsets moved to the whole text. */
export function shiftScanResult(result: ScanResult, by: number): ScanResult {
  if (!by) return result;
  const at = <T extends { start: number; end: number }>(x: T): T => ({ ...x, start: x.start + by, end: x.end + by });
  return {
    ...result,
    actors: result.actors.map((a) => ({ ...a, mentions: a.mentions.map(at) })),
    claims: result.claims.map((c) => ({ ...c, match: at(c.match), matches: c.matches.map(at) })),
  };
}

/**
 * Cuts a text into chunks of at most `size` characters, at line breaks where there are any (a
 * sentence never spans a block), for pages too big for one message.
 */
export function chunkText(text: string, size: number): { start: number; text: string }[] {
  const chunks: { start: number; text: string }[] = [];
  let at = 0;
  while (at < text.length) {
    let end = Math.min(at + size, text.length);
    if (end < text.length) {
      const nl = text.lastIndexOf('\n', end);
      if (nl > at) end = nl + 1;
    }
    chunks.push({ start: at, text: text.slice(at, end) });
    at = end;
  }
  return chunks;
}
