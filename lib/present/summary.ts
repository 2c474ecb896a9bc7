// What the card and the popup say at a glance: verdicts in words and counted, outlets as short
// chips, lists of names cut short, the claims in the order that matters. Pure: data in, words out.
import type { ScanClaim, ScanSource, Verdict } from '../scan/engine';

export type Stance = ScanSource['stance'];

export const VERDICT_LABEL: Record<Verdict, string> = {
  contradicted: 'Contradicted',
  disputed: 'Disputed',
  mixed: 'Reported differently',
  corroborated: 'Corroborated',
};

/** Most telling first: what the page's own figure contradicts, then disputes, then what outlets tell differently. */
export const VERDICT_ORDER: readonly Verdict[] = ['contradicted', 'disputed', 'mixed', 'corroborated'];

export const STANCE_LABEL: Record<Stance, string> = { corroborates: 'agrees', differs: 'differs', contradicts: 'contradicts' };
/** Told apart without colour: a sign for each stance. */
export const STANCE_SIGN: Record<Stance, string> = { corroborates: '✓', differs: '≈', contradicts: '✗' };

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** Claims in the order of VERDICT_ORDER, otherwise as found. */
export function orderClaims<T extends Pick<ScanClaim, 'verdict'>>(claims: readonly T[]): T[] {
  return claims
    .map((c, i) => ({ c, i }))
    .sort((a, b) => VERDICT_ORDER.indexOf(a.c.verdict) - VERDICT_ORDER.indexOf(b.c.verdict) || a.i - b.i)
    .map((x) => x.c);
}

/** The page's verdicts counted, most telling first, none left out that occurs: "2 contradicted · 5 disputed · 30 corroborated". */
export function verdictCounts(claims: readonly Pick<ScanClaim, 'verdict'>[]): { verdict: Verdict; count: number; text: string }[] {
  return VERDICT_ORDER.map((verdict) => ({ verdict, count: claims.filter((c) => c.verdict === verdict).length }))
    .filter((x) => x.count > 0)
    .map((x) => ({ ...x, text: `${x.count} ${VERDICT_LABEL[x.verdict].toLowerCase()}` }));
}

/** How many outlets take each stance. */
export function stanceCounts(sources: readonly Pick<ScanSource, 'stance'>[]): Record<Stance, number> {
  const n = { corroborates: 0, differs: 0, contradicts: 0 };
  for (const s of sources) n[s.stance]++;
  return n;
}

/** "Reported by 5 outlets", with the stances that are not agreement: "Reported by 5 outlets: 3 agree, 2 differ". */
export function reportedBy(sources: readonly Pick<ScanSource, 'stance' | 'outletId'>[]): string {
  const outlets = new Set(sources.map((s) => s.outletId)).size;
  const n = stanceCounts(sources);
  const head = `Reported by ${plural(outlets, 'outlet')}`;
  if (!n.differs && !n.contradicts) return head;
  const parts = [n.corroborates && `${n.corroborates} agree${n.corroborates === 1 ? 's' : ''}`, n.differs && `${n.differs} differ${n.differs === 1 ? 's' : ''}`, n.contradicts && `${n.contradicts} contradict${n.contradicts === 1 ? 's' : ''}`];
  return `${head}: ${parts.filter(Boolean).join(', ')}`;
}

/**
 * An outlet's name short enough for a chip: as it is up to 22 characters; else what its brackets
 * say ("Unidentified outlet (condensed Reuters rewrite)": "condensed Reuters rewrite"), else cut.
 */
export function chipLabel(name: string, max = 22): string {
  const n = name.replace(/\s+/g, ' ').trim();
  if (n.length <= max) return n;
  const inner = /\(([^()]{3,})\)\s*$/.exec(n)?.[1]?.trim() ?? n;
  return inner.length <= max + 8 ? inner : `${inner.slice(0, max - 1).trimEnd()}…`;
}

/** Names cut short: "Reuters, RFE/RL, +3". */
export function nameList(names: readonly string[], show = 2): string {
  if (names.length <= show + 1) return names.join(', ');
  return `${names.slice(0, show).join(', ')}, +${names.length - show}`;
}

/** A group of alike passages named: "Reuters", "Reuters and Daily Maverick", "Reuters and 3 more". */
export function groupName(lead: string, others: number, otherName?: string): string {
  if (others === 0) return lead;
  if (others === 1 && otherName) return `${lead} and ${otherName}`;
  return `${lead} and ${others} more`;
}

/** Text in parts, the parts equal to one of `values` flagged (to show a conflict's figures side by side). */
export function emphasise(text: string, values: readonly string[]): { text: string; value: boolean }[] {
  const wanted = values.filter((v) => v.length > 0);
  const out: { text: string; value: boolean }[] = [];
  let at = 0;
  while (at < text.length) {
    let next = -1;
    let hit = '';
    for (const v of wanted) {
      const i = text.indexOf(v, at);
      if (i >= 0 && (next < 0 || i < next || (i === next && v.length > hit.length))) {
        next = i;
        hit = v;
      }
    }
    if (next < 0) break;
    if (next > at) out.push({ text: text.slice(at, next), value: false });
    out.push({ text: hit, value: true });
    at = next + hit.length;
  }
  if (at < text.length) out.push({ text: text.slice(at), value: false });
  return out;
}
