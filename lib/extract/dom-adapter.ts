// The live DOM as a tree for the extractor. No globals: it reads the nodes it is given.
import type { TreeAdapter } from './visible-text';

const ELEMENT = 1;
const TEXT = 3;

/**
 * Elements that may be hidden, editable or site chrome by their markup; checked precisely by the
 * extractor. Inline styles are matched in any letter case ("Display: None" hides too), one
 * selector a word.
 */
const MAY_HIDE =
  '[hidden],[aria-hidden="true" i],[style*="none" i],[style*="hidden" i],[contenteditable],' +
  '[role="navigation"],[role="banner"],[role="contentinfo"],[role="search"],[role="menu"],[role="menubar"]';

/** Inline elements: not asked whether a style sheet hides them (rarely done, and asking costs). */
const INLINE = new Set(['a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'dfn', 'em', 'i', 'kbd', 'mark', 'q', 's', 'samp', 'small', 'span', 'strong', 'sub', 'sup', 'time', 'u', 'var', 'wbr', 'br', 'img', 'picture', 'source']);

/**
 * `root`: where the walk will start. With it, the elements that may hide their content are found
 * with one native query up front (and one per shadow root the walk enters) instead of asking each
 * element; the walk must then start at `root`. `styles`: also skip what the page's style sheets
 * hide (display: none, visibility: hidden, content-visibility: hidden), asking each block-level
 * element (`checkVisibility`). `isHidden`: a test's own rule.
 */
export function domTreeAdapter(opts: { root?: Node; styles?: boolean; isHidden?: (el: Element) => boolean } = {}): TreeAdapter<Node> {
  const { root, styles, isHidden } = opts;
  const mayHide = new Set<Node>();
  const collect = (scope: Node) => {
    if (!('querySelectorAll' in scope)) return;
    for (const el of (scope as ParentNode).querySelectorAll(MAY_HIDE)) mayHide.add(el);
  };
  if (root) {
    if (root.nodeType === ELEMENT && (root as Element).matches(MAY_HIDE)) mayHide.add(root as Element);
    collect(root);
  }
  return {
    kind: (n) => (n.nodeType === ELEMENT ? 'element' : n.nodeType === TEXT ? 'text' : 'other'),
    tag: (n) => (n as Element).localName,
    attr: (n, name) => (n as Element).getAttribute(name),
    firstChild: (n) => n.firstChild,
    nextSibling: (n) => n.nextSibling,
    data: (n) => (n as Text).data,
    hidden: isHidden
      ? (n) => isHidden(n as Element)
      : styles
        ? (n, tag) => !INLINE.has(tag) && !(n as Element).checkVisibility({ visibilityProperty: true })
        : undefined,
    mayHide: root ? (n) => mayHide.has(n) : (n) => (n as Element).matches(MAY_HIDE),
    composedChildren(n, tag) {
      // A shadow host shows its shadow tree (light children appear only through its slots).
      const shadow = (n as Element).shadowRoot;
      if (shadow) {
        if (root) collect(shadow);
        return shadow.childNodes;
      }
      if (tag === 'slot') {
        const assigned = (n as HTMLSlotElement).assignedNodes();
        if (assigned.length) return assigned;
      }
      return null;
    },
  };
}
