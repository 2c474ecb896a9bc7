// All highlight work on the page: offsets of the extracted text to DOM Ranges, and the CSS Custom
// Highlight API to paint them (no change to the page's DOM or layout). Styles go in through a
// constructed stylesheet, which a strict Content-Security-Policy allows.
import { locate, type TextSegment } from '@/lib/extract/visible-text';
import type { ScanActor, ScanClaim, ScanResult } from '@/lib/scan/engine';

export type Mark =
  | { kind: 'actor'; range: Range; actor: ScanActor }
  | { kind: 'claim'; range: Range; claim: ScanClaim };

export function rangeFor(segments: TextSegment<Node>[], start: number, end: number): Range | null {
  const a = locate(segments, start);
  const b = locate(segments, end - 1);
  if (!a || !b) return null;
  const r = document.createRange();
  try {
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset + 1);
  } catch {
    return null;
  }
  return r;
}

/** Actor mentions and claim sentences as Ranges; actors first, so a name inside a claim opens its own card. */
export function buildMarks(result: ScanResult, segments: TextSegment<Node>[]): Mark[] {
  const marks: Mark[] = [];
  for (const actor of result.actors)
    for (const m of actor.mentions) {
      const range = rangeFor(segments, m.start, m.end);
      if (range) marks.push({ kind: 'actor', range, actor });
    }
  // A sentence may state several claims: the one it states best comes first, so it opens.
  const claimMarks = result.claims.flatMap((claim) => claim.matches.map((m) => ({ claim, m })));
  claimMarks.sort((a, b) => b.m.score - a.m.score);
  for (const { claim, m } of claimMarks) {
    const range = rangeFor(segments, m.start, m.end);
    if (range) marks.push({ kind: 'claim', range, claim });
  }
  return marks;
}

const STYLE = `
::highlight(crosscheck-actor) { text-decoration: underline dotted #1f5fa8 2px; text-underline-offset: 3px; }
::highlight(crosscheck-claim) { background-color: rgba(31, 95, 168, 0.14); }
::highlight(crosscheck-disputed) { background-color: rgba(120, 80, 170, 0.16); text-decoration: underline dashed #6b4fa0 1px; }
::highlight(crosscheck-contradicted) { background-color: rgba(230, 120, 0, 0.22); text-decoration: underline wavy #b35c00 1px; }
@media (prefers-color-scheme: dark) {
  ::highlight(crosscheck-actor) { text-decoration-color: #8ab4f8; }
  ::highlight(crosscheck-claim) { background-color: rgba(138, 180, 248, 0.22); }
  ::highlight(crosscheck-disputed) { background-color: rgba(190, 160, 240, 0.22); }
  ::highlight(crosscheck-contradicted) { background-color: rgba(255, 170, 60, 0.28); }
}
::highlight(crosscheck-flash) { background-color: rgba(255, 214, 0, 0.6); }
`;

const NAMES = ['crosscheck-actor', 'crosscheck-claim', 'crosscheck-disputed', 'crosscheck-contradicted'] as const;

/** Paints the marks; returns a function that removes every highlight and the stylesheet. */
export function paint(marks: Mark[]): () => void {
  const registry = (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  if (!registry || typeof Highlight === 'undefined') return () => {};
  const groups: Record<(typeof NAMES)[number], Range[]> = { 'crosscheck-actor': [], 'crosscheck-claim': [], 'crosscheck-disputed': [], 'crosscheck-contradicted': [] };
  for (const m of marks) {
    if (m.kind === 'actor') groups['crosscheck-actor'].push(m.range);
    else if (m.claim.verdict === 'contradicted') groups['crosscheck-contradicted'].push(m.range);
    else if (m.claim.verdict === 'disputed') groups['crosscheck-disputed'].push(m.range);
    else groups['crosscheck-claim'].push(m.range);
  }
  for (const name of NAMES) if (groups[name].length) registry.set(name, new Highlight(...groups[name]));
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(STYLE);
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    for (const name of [...NAMES, 'crosscheck-flash']) registry.delete(name);
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** Flashes a range for a moment (the popup's "show me where"), over the other highlights. */
export function flash(range: Range, ms = 1600): void {
  const registry = (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  if (!registry || typeof Highlight === 'undefined') return;
  const h = new Highlight(range);
  h.priority = 1;
  registry.set('crosscheck-flash', h);
  setTimeout(() => registry.get('crosscheck-flash') === h && registry.delete('crosscheck-flash'), ms);
}
