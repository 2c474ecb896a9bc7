// The live DOM as a tree for the extractor. No globals: it reads the nodes it is given.
import type { TreeAdapter } from './visible-text';

const ELEMENT = 1;
const TEXT = 3;
const DOCUMENT = 9;
const FRAGMENT = 11;

const MAY_HIDE = '[hidden],[aria-hidden],[style],[contenteditable]';

export function domTreeAdapter(opts: { isHidden?: (el: Element) => boolean } = {}): TreeAdapter<Node> {
  return {
    kind: (n) => (n.nodeType === ELEMENT ? 'element' : n.nodeType === TEXT ? 'text' : 'other'),
    tag: (n) => (n as Element).localName,
    attr: (n, name) => (n as Element).getAttribute(name),
    children: (n) => (n.nodeType === ELEMENT || n.nodeType === DOCUMENT || n.nodeType === FRAGMENT ? n.childNodes : []),
    data: (n) => (n as Text).data,
    hidden: opts.isHidden ? (n) => opts.isHidden!(n as Element) : undefined,
    mayHide: (n) => (n as Element).matches(MAY_HIDE),
    shadowChildren: (n) => (n as Element).shadowRoot?.childNodes ?? null,
  };
}
