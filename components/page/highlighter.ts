// All highlight work on the page: offsets of the extracted text to DOM Ranges, and the CSS Custom
// Highlight API to paint them (no change to the page's DOM or layout). Styles go in through a
// constructed stylesheet, which a strict Content-Security-Policy allows.
import { locate, type TextSegment } from '@/lib/extract/visible-text';
import type { ScanActor, ScanClaim, ScanResult } from '@/lib/scan/engine';
import type { HighlightStyle } from '@/lib/protocol';
import { quietHighlightCss } from '@/lib/present/palette';
import { sentenceShare } from '@/lib/present/words';

export type Mark =
  | { kind: 'actor'; range: Range; actor: ScanActor }
  | { kind: 'claim'; range: Range; claim: ScanClaim };

/**
 * A claim's mark covers at most this many text nodes. A real sentence, with its links and
 * emphasis, spans a few dozen at most; more means a "sentence" the page built from thousands of
 * tiny elements, and painting a highlight costs Chromium time in proportion to the nodes it
 * covers (a page of 200,000 inline elements froze for seconds). Such a claim is still found and
 * listed in the popup, only not marked on the page.
 */
export const MAX_MARK_NODES = 64;

/** The Range of the extracted text's [start, end), or null when it is not on the page or covers more than `maxNodes` text nodes. */
export function rangeFor(segments: TextSegment<Node>[], start: number, end: number, maxNodes = Infinity): Range | null {
  const a = locate(segments, start);
  const b = locate(segments, end - 1);
  if (!a || !b || b.index - a.index + 1 > maxNodes) return null;
  const r = document.createRange();
  try {
    r.setStart(a.node, a.offset);
    r.setEnd(b.node, b.offset + 1);
  } catch {
    return null;
  }
  return r;
}

/**
 * At most this many marks on a page (a news article has a few dozen to a few hundred): past it,
 * only the first part of the page, in reading order, is marked. A page repeating the story
 * thousands of times (71,424 marks on one 10 MB text node) froze Chromium's paint for 15 s. The
 * popup still lists everything found.
 */
export const MAX_MARKS = 1000;

/** Actor mentions and claim sentences as Ranges; actors first, so a name inside a claim opens its own card. */
export function buildMarks(result: ScanResult, segments: TextSegment<Node>[], maxMarks = MAX_MARKS): Mark[] {
  const mentions = result.actors.flatMap((actor) => actor.mentions.map((m) => ({ actor, m })));
  // A sentence may state several claims: the one it states best comes first, so it opens.
  const claimMarks = result.claims.flatMap((claim) => claim.matches.map((m) => ({ claim, m })));
  // Equal scores on one sentence: the claim whose words account for more of the sentence first.
  const shared = new Map<number, number>();
  for (const { m } of claimMarks) shared.set(m.start, (shared.get(m.start) ?? 0) + 1);
  const share = new Map<(typeof claimMarks)[number], number>();
  const shareOf = (x: (typeof claimMarks)[number]) => {
    if ((shared.get(x.m.start) ?? 0) < 2) return 0;
    let v = share.get(x);
    if (v === undefined) share.set(x, (v = sentenceShare(x.claim.text, x.m.text)));
    return v;
  };
  claimMarks.sort((a, b) => b.m.score - a.m.score || shareOf(b) - shareOf(a));
  // Past the limit, the marks that start before the limit's mark in reading order.
  let before = Infinity;
  if (mentions.length + claimMarks.length > maxMarks) {
    const starts = [...mentions, ...claimMarks].map((x) => x.m.start).sort((a, b) => a - b);
    before = starts[maxMarks];
  }
  const marks: Mark[] = [];
  for (const { actor, m } of mentions) {
    const range = m.start < before ? rangeFor(segments, m.start, m.end, MAX_MARK_NODES) : null;
    if (range) marks.push({ kind: 'actor', range, actor });
  }
  for (const { claim, m } of claimMarks) {
    const range = m.start < before ? rangeFor(segments, m.start, m.end, MAX_MARK_NODES) : null;
    if (range) marks.push({ kind: 'claim', range, claim });
  }
  return marks;
}

/**
 * The quiet style (the default): actor names get a thin underline, claims the outlets corroborate
 * a faint dotted one, disputed claims a dashed and contradicted ones a wavy line in colours that
 * keep 3:1 against light and dark pages (lib/present/palette.ts). Nothing fills the text.
 */
const QUIET_STYLE = `
${quietHighlightCss()}
::highlight(crosscheck-flash) { background-color: rgba(255, 214, 0, 0.6); }
`;

/** "Highlight everything": every claim shaded, as the reader may choose in the reading settings. */
const BACKGROUND_STYLE = `
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

/** Every claim underlined, not shaded (the verdicts still differ by line style). */
const UNDERLINE_STYLE = `${BACKGROUND_STYLE}
::highlight(crosscheck-claim) { background-color: transparent; text-decoration: underline solid rgba(31, 95, 168, 0.7) 2px; text-underline-offset: 3px; }
::highlight(crosscheck-disputed) { background-color: transparent; text-decoration: underline dashed #6b4fa0 2px; text-underline-offset: 3px; }
::highlight(crosscheck-contradicted) { background-color: transparent; text-decoration: underline wavy #b35c00 2px; text-underline-offset: 3px; }
`;

export const styleFor = (s: HighlightStyle): string => (s === 'underline' ? UNDERLINE_STYLE : s === 'background' ? BACKGROUND_STYLE : QUIET_STYLE);

const NAMES = ['crosscheck-actor', 'crosscheck-claim', 'crosscheck-disputed', 'crosscheck-contradicted'] as const;

const nameOf = (m: Mark): (typeof NAMES)[number] =>
  m.kind === 'actor'
    ? 'crosscheck-actor'
    : m.claim.verdict === 'contradicted'
      ? 'crosscheck-contradicted'
      : m.claim.verdict === 'disputed'
        ? 'crosscheck-disputed'
        : 'crosscheck-claim';

/**
 * Paints the marks; returns a function that removes every highlight and the stylesheet. Where the
 * Highlight API is missing, the marked text is wrapped in elements instead (see paintByWrapping).
 */
export function paint(marks: readonly Mark[], style: HighlightStyle = 'quiet'): () => void {
  if (!marks.length) return () => {};
  const registry = (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  if (!registry || typeof Highlight === 'undefined') return paintByWrapping(marks, style);
  const groups: Record<(typeof NAMES)[number], Range[]> = { 'crosscheck-actor': [], 'crosscheck-claim': [], 'crosscheck-disputed': [], 'crosscheck-contradicted': [] };
  for (const m of marks) groups[nameOf(m)].push(m.range);
  const mine = new Map<string, Highlight>();
  for (const name of NAMES) {
    if (!groups[name].length) continue;
    const h = new Highlight(...groups[name]);
    mine.set(name, h);
    registry.set(name, h);
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(styleFor(style));
  document.adoptedStyleSheets = [...document.adoptedStyleSheets, sheet];
  return () => {
    // Only our own: a script of ours that outlived its extension (it stops within a second, see
    // LIFETIME_CHECK_MS) must not take away the highlights of the one that replaced it.
    for (const [name, h] of mine) if (registry.get(name) === h) registry.delete(name);
    registry.delete('crosscheck-flash');
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/** The attribute of the elements the fallback wraps text in (the observer ignores them). */
export const WRAP_ATTR = 'data-crosscheck';

const wrapStyle = (style: HighlightStyle) => styleFor(style).replace(/::highlight\((crosscheck-[a-z]+)\)/g, `[${WRAP_ATTR}~="$1"]`);

/**
 * The fallback for browsers without the Highlight API: each marked text node part is wrapped in a
 * <span> (inline, no box of its own: styled by a constructed stylesheet, so a strict CSP allows
 * it). Extraction never reads editable regions, so nothing is wrapped where the reader types. The
 * Ranges follow the split text, so hover and navigation still work; removal unwraps.
 */
export function paintByWrapping(marks: readonly Mark[], style: HighlightStyle = 'quiet'): () => void {
  const doc = marks[0]?.range.startContainer.ownerDocument;
  if (!doc) return () => {};
  const wrapped: HTMLElement[] = [];
  // Each text node part of each range.
  const pieces: { mark: Mark; node: Text; start: number; end: number; name: string }[] = [];
  for (const m of marks) {
    const r = m.range;
    const walker = doc.createTreeWalker(r.commonAncestorContainer, 4 /* SHOW_TEXT */);
    for (let n = walker.currentNode.nodeType === 3 ? walker.currentNode : walker.nextNode(); n; n = walker.nextNode()) {
      if (!r.intersectsNode(n)) continue;
      const t = n as Text;
      const start = n === r.startContainer ? r.startOffset : 0;
      const end = n === r.endContainer ? r.endOffset : t.data.length;
      if (end > start) pieces.push({ mark: m, node: t, start, end, name: nameOf(m) });
    }
  }
  // Split each text node at its pieces' edges (last edge first) and wrap the parts that are
  // marked; an actor's name inside a claim sentence gets both names on one element.
  const partsOf = new Map<Text, { text: Text; start: number }[]>();
  const byNode = new Map<Text, typeof pieces>();
  for (const p of pieces) byNode.set(p.node, [...(byNode.get(p.node) ?? []), p]);
  for (const [node, list] of byNode) {
    const cuts = [...new Set(list.flatMap((p) => [p.start, p.end]))].sort((a, b) => b - a);
    const parts: { text: Text; start: number }[] = [];
    for (const c of cuts) if (c > 0 && c < node.data.length) parts.push({ text: node.splitText(c), start: c });
    parts.push({ text: node, start: 0 });
    partsOf.set(node, parts);
    for (const part of parts) {
      const end = part.start + part.text.data.length;
      const names = [...new Set(list.filter((p) => p.start <= part.start && p.end >= end).map((p) => p.name))];
      if (!names.length) continue;
      const span = doc.createElement('span');
      span.setAttribute(WRAP_ATTR, names.join(' '));
      part.text.replaceWith(span);
      span.append(part.text);
      wrapped.push(span);
    }
  }
  // Moving a text node into its wrapper collapses the Ranges in it: set each mark's Range anew,
  // from its first part to its last.
  const partAt = (node: Text, offset: number, edge: 'start' | 'end') => {
    const parts = partsOf.get(node) ?? [];
    return parts.find((p) => (edge === 'start' ? p.start === offset : p.start < offset && p.start + p.text.data.length >= offset));
  };
  const byMark = new Map<Mark, typeof pieces>();
  for (const p of pieces) byMark.set(p.mark, [...(byMark.get(p.mark) ?? []), p]);
  for (const [m, list] of byMark) {
    const first = partAt(list[0].node, list[0].start, 'start');
    const lastPiece = list[list.length - 1];
    const last = partAt(lastPiece.node, lastPiece.end, 'end');
    if (!first || !last) continue;
    m.range.setStart(first.text, 0);
    m.range.setEnd(last.text, lastPiece.end - last.start);
  }
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(wrapStyle(style));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    for (const span of wrapped) if (span.isConnected) span.replaceWith(...span.childNodes);
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}

/**
 * Flashes a range (the popup's "show me where"), over the other highlights; returns the function
 * that ends the flash (the caller times it: a flash shown since by another range stays).
 */
export function flash(range: Range): () => void {
  const registry = (globalThis.CSS as { highlights?: HighlightRegistry } | undefined)?.highlights;
  if (!registry || typeof Highlight === 'undefined') return () => {};
  const h = new Highlight(range);
  h.priority = 1;
  registry.set('crosscheck-flash', h);
  return () => void (registry.get('crosscheck-flash') === h && registry.delete('crosscheck-flash'));
}
