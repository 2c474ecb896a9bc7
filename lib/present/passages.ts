// Outlets' passages for a claim, grouped for the card's first view: outlets that say the same thing
// (the same stance, the same figures, near-identical words: wire copies and their rewrites) are
// one group, shown once, and each group's words that differ from the page are marked.
import type { ScanSource } from '../scan/engine';
import { diffWords, figures, mergeSpans, type Span } from './words';

/** Two passages this alike (see diffWords) with the same stance and figures say the same thing. */
export const ALIKE = 0.7;
/** A passage this alike to the page's own sentence is the page's words again: not shown first. */
export const SAME_AS_PAGE = 0.85;
/** Below this, a passage is worded its own way: only the engine's differing values are marked, not every word. */
const COMPARABLE = 0.5;

export interface PassageGroup {
  stance: ScanSource['stance'];
  /** The group's passage: the member most alike to the others. */
  lead: ScanSource;
  /** The other outlets whose passages say the same (in the sources' order). */
  alike: ScanSource[];
  /** The lead's passage repeats the page's sentence (near word for word). */
  sameAsPage: boolean;
  /** Where the lead's passage differs from the page: the differing words, or the engine's differing values. */
  differing: Span[];
}

const STANCE_ORDER: Record<ScanSource['stance'], number> = { contradicts: 0, differs: 1, corroborates: 2 };

const sameFigures = (a: string, b: string) => {
  const fa = figures(a);
  const fb = figures(b);
  return fa.length === fb.length && fa.every((x, i) => x === fb[i]);
};

/** True when two outlets' passages say the same thing: same stance, same figures, near-identical words. */
export function alike(a: ScanSource, b: ScanSource): boolean {
  return a.stance === b.stance && sameFigures(a.quote, b.quote) && diffWords(a.quote, b.quote).similarity >= ALIKE;
}

/**
 * The claim's sources as groups of alike passages: contradicting ones first, then differing, then
 * agreeing; larger groups first within a stance; each group's lead the passage most alike to the
 * rest of its group. `page` is the page's sentence stating the claim ('' when unknown).
 */
export function groupPassages(sources: readonly ScanSource[], page: string): PassageGroup[] {
  const clusters: ScanSource[][] = [];
  for (const s of sources) {
    const home = clusters.find((c) => c.every((m) => alike(m, s)));
    if (home) home.push(s);
    else clusters.push([s]);
  }
  const groups = clusters.map((members): PassageGroup => {
    const lead = leadOf(members);
    const { sameAsPage, differing } = againstPage(lead, page);
    return { stance: lead.stance, lead, alike: members.filter((m) => m !== lead), sameAsPage, differing };
  });
  return groups
    .map((g, i) => ({ g, i }))
    .sort((x, y) => STANCE_ORDER[x.g.stance] - STANCE_ORDER[y.g.stance] || y.g.alike.length - x.g.alike.length || x.i - y.i)
    .map((x) => x.g);
}

/**
 * How an outlet's passage differs from the page's sentence: whether it is the page's words again,
 * and the spans to mark (the words not on the page when the two are worded alike, always the
 * engine's differing values).
 */
export function againstPage(source: Pick<ScanSource, 'quote' | 'differing'>, page: string): { sameAsPage: boolean; differing: Span[] } {
  const vsPage = page ? diffWords(page, source.quote) : { similarity: 0, differing: [] };
  const sameAsPage = vsPage.similarity >= SAME_AS_PAGE && sameFigures(page, source.quote);
  const words = vsPage.similarity >= COMPARABLE ? vsPage.differing : [];
  return { sameAsPage, differing: mergeSpans([...words, ...(source.differing ?? [])], source.quote.length) };
}

/** The member whose passage is most alike to the others' (the first such, in the sources' order). */
function leadOf(members: readonly ScanSource[]): ScanSource {
  if (members.length < 3) return members[0];
  let best = members[0];
  let bestScore = -1;
  for (const m of members) {
    const score = members.reduce((sum, o) => (o === m ? sum : sum + diffWords(o.quote, m.quote).similarity), 0);
    if (score > bestScore + 1e-9) {
      best = m;
      bestScore = score;
    }
  }
  return best;
}
