// Who reported what, as a grid for a picture: outlets (rows) by claims (columns), each cell the
// outlet's stance on the claim or empty; with the words of its text alternative.
import type { ScanClaim } from '../scan/engine';
import { plural, STANCE_LABEL, type Stance } from './summary';

export interface CoverageGrid {
  outlets: { id: string; name: string; reported: number }[];
  claims: { key: string; text: string }[];
  /** cells[outlet][claim]: that outlet's stance on that claim, or null when it did not report it. */
  cells: (Stance | null)[][];
  /** The picture in words, for a screen reader. */
  alt: string;
}

export interface CoverageInput {
  key: string;
  text: string;
  sources: readonly { outletId: string; outlet: string; stance: Stance }[];
}

/** The grid of `claims` in their order; outlets in the order they first report. */
export function coverageGrid(claims: readonly CoverageInput[]): CoverageGrid {
  const names = new Map<string, string>();
  for (const c of claims) for (const s of c.sources) if (!names.has(s.outletId)) names.set(s.outletId, s.outlet);
  const ids = [...names.keys()];
  const cells = ids.map((id) =>
    claims.map((c) => {
      const stances = c.sources.filter((s) => s.outletId === id).map((s) => s.stance);
      // An outlet with several articles on a claim: its strongest disagreement shows.
      return stances.includes('contradicts') ? 'contradicts' : stances.includes('differs') ? 'differs' : stances.length ? 'corroborates' : null;
    }),
  );
  const outlets = ids.map((id, i) => ({ id, name: names.get(id)!, reported: cells[i].filter((x) => x !== null).length }));
  const alt = ids.length
    ? `Who reported what: ${plural(claims.length, 'claim')} by ${plural(ids.length, 'outlet')}. ` +
      outlets
        .map((o, i) => {
          const row = cells[i];
          const by = (st: Stance) => row.filter((x) => x === st).length;
          const parts = (['corroborates', 'differs', 'contradicts'] as const).filter((st) => by(st) > 0).map((st) => `${by(st)} ${STANCE_LABEL[st].replace(/s$/, '')}`);
          return `${o.name} reported ${o.reported} of ${claims.length}${parts.length ? ` (${parts.join(', ')})` : ''}`;
        })
        .join('; ') +
      '.'
    : 'No outlet reported these claims.';
  return { outlets, claims: claims.map((c) => ({ key: c.key, text: c.text })), cells, alt };
}

/** A page's claims as coverage input. */
export function claimsCoverage(claims: readonly Pick<ScanClaim, 'pack' | 'id' | 'text' | 'sources'>[]): CoverageGrid {
  return coverageGrid(claims.map((c) => ({ key: `${c.pack}/${c.id}`, text: c.text, sources: c.sources })));
}

/**
 * An installed pack's coverage, from its JSON (as "export-packs" gives it): claims by outlets, each
 * cell the stance of that outlet's report. Null when the text is not a pack.
 */
export function packCoverage(json: string): CoverageGrid | null {
  let pack: unknown;
  try {
    pack = JSON.parse(json);
  } catch {
    return null;
  }
  const p = pack as { outlets?: unknown; articles?: unknown; claims?: unknown; reports?: unknown };
  if (!p || typeof p !== 'object' || ![p.outlets, p.articles, p.claims, p.reports].every(Array.isArray)) return null;
  const str = (x: unknown) => (typeof x === 'string' ? x : '');
  const outletName = new Map((p.outlets as { id?: unknown; name?: unknown }[]).map((o) => [str(o?.id), str(o?.name) || str(o?.id)]));
  const outletOf = new Map((p.articles as { id?: unknown; outlet?: unknown }[]).map((a) => [str(a?.id), str(a?.outlet)]));
  const stances = new Set(['corroborates', 'differs', 'contradicts']);
  const byClaim = new Map<string, CoverageInput['sources'][number][]>();
  for (const r of p.reports as { claim?: unknown; article?: unknown; stance?: unknown }[]) {
    const outletId = outletOf.get(str(r?.article));
    if (!outletId || !stances.has(str(r?.stance))) continue;
    const list = byClaim.get(str(r?.claim)) ?? [];
    list.push({ outletId, outlet: outletName.get(outletId) ?? outletId, stance: str(r?.stance) as Stance });
    byClaim.set(str(r?.claim), list);
  }
  return coverageGrid((p.claims as { id?: unknown; text?: unknown }[]).map((c) => ({ key: str(c?.id), text: str(c?.text), sources: byClaim.get(str(c?.id)) ?? [] })));
}
