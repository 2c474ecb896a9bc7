// HTML to visible text outside a browser (the CLI, tests, benchmarks): htmlparser2's tree, walked
// by the same extractor the content script uses on the live DOM.
import type { AnyNode, Document } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { extractVisibleText, type ExtractedText, type TreeAdapter } from './visible-text';

export const htmlTreeAdapter: TreeAdapter<AnyNode> = {
  kind(n) {
    if (n.type === 'text') return 'text';
    if (n.type === 'tag' || n.type === 'script' || n.type === 'style') return 'element';
    return n.type === 'root' ? 'other' : 'other';
  },
  tag: (n) => ('name' in n ? n.name.toLowerCase() : ''),
  attr: (n, name) => ('attribs' in n ? (n.attribs[name] ?? null) : null),
  firstChild: (n) => ('children' in n ? (n.children[0] ?? null) : null),
  nextSibling: (n) => n.next,
  data: (n) => ('data' in n ? n.data : ''),
};

export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true });
}

export function htmlToText(html: string, opts: { maxChars?: number } = {}): ExtractedText<AnyNode> {
  const doc = parseHtml(html);
  // The root's comments and doctype are 'other'; its element children are walked.
  return extractVisibleText<AnyNode>(doc as unknown as AnyNode, htmlTreeAdapter, opts);
}
