// A page's visible text, extracted the same way in the browser (the real DOM) and in Node (a
// parsed HTML tree): one walk over a tree that an adapter describes. Scripts, styles, templates,
// SVG, form fields, editable regions and hidden elements are skipped; block elements start a new
// line, so a heading and the paragraph after it are never one sentence. Every character of the
// text maps back to a text node and an offset in it.

export interface TreeAdapter<N> {
  /** 'element', 'text', or 'other' (comments, doctypes: skipped). */
  kind(node: N): 'element' | 'text' | 'other';
  /** Lower-case tag name of an element. */
  tag(node: N): string;
  attr(node: N, name: string): string | null;
  children(node: N): ArrayLike<N>;
  /** The data of a text node. */
  data(node: N): string;
  /** Extra hiding a live page knows of (computed styles); Node trees have none. */
  hidden?(node: N): boolean;
  /**
   * May an element be hidden or editable by its markup (the hidden, aria-hidden, style or
   * contenteditable attribute)? A fast pre-check: the live DOM answers it natively in one call.
   */
  mayHide?(node: N): boolean;
  /** Children of an open shadow root, when the element hosts one. */
  shadowChildren?(node: N): ArrayLike<N> | null;
}

export interface TextSegment<N> {
  /** Offset of the segment in the extracted text. */
  start: number;
  end: number;
  node: N;
  /** Offset in the node's data where the segment begins (text is copied 1:1 from there). */
  nodeOffset: number;
}

export interface ExtractedText<N> {
  text: string;
  segments: TextSegment<N>[];
  /** The page's language (html lang), if given. */
  lang: string | null;
  /** True when the walk stopped at `maxChars`. */
  truncated: boolean;
}

const SKIP = new Set([
  'head', 'script', 'style', 'noscript', 'template', 'svg', 'math', 'iframe', 'object', 'embed', 'canvas', 'video',
  'audio', 'select', 'option', 'optgroup', 'textarea', 'input', 'button', 'datalist', 'meter', 'progress', 'dialog',
  'map', 'area', 'title', 'meta', 'link', 'base',
]);

const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'br', 'caption', 'dd', 'details', 'div', 'dl', 'dt', 'fieldset',
  'figcaption', 'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hgroup', 'hr', 'html', 'legend',
  'li', 'main', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

/** Hidden by markup alone: the hidden attribute, aria-hidden, or an inline display:none or visibility:hidden. */
function hiddenByMarkup<N>(a: TreeAdapter<N>, n: N): boolean {
  if (a.attr(n, 'hidden') !== null) return true;
  if (a.attr(n, 'aria-hidden') === 'true') return true;
  const style = a.attr(n, 'style');
  if (style && /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)\b/i.test(style)) return true;
  const editable = a.attr(n, 'contenteditable');
  if (editable !== null && editable.toLowerCase() !== 'false') return true;
  return false;
}

const DEFAULT_MAX_CHARS = 2_000_000;

/**
 * Walks the tree from `root` and returns its visible text. Text nodes are copied with white
 * space runs of one character each kept as they are (new lines and tabs become spaces, so
 * offsets stay 1:1); block boundaries become "\n". Stops after `maxChars` characters.
 */
export function extractVisibleText<N>(root: N, adapter: TreeAdapter<N>, opts: { maxChars?: number } = {}): ExtractedText<N> {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const parts: string[] = [];
  const segments: TextSegment<N>[] = [];
  let length = 0;
  let lastWasBreak = true;
  let truncated = false;
  let lang: string | null = null;

  const brk = () => {
    if (!lastWasBreak) {
      parts.push('\n');
      length += 1;
      lastWasBreak = true;
    }
  };

  // An explicit stack, not recursion: pages nest deeply enough to overflow the call stack.
  type Frame = { node: N; exit: boolean };
  const stack: Frame[] = [{ node: root, exit: false }];
  while (stack.length) {
    const { node, exit } = stack.pop()!;
    const kind = adapter.kind(node);
    if (kind === 'text') {
      if (truncated) continue;
      let data = adapter.data(node);
      if (!data) continue;
      if (length + data.length > maxChars) {
        data = data.slice(0, Math.max(0, maxChars - length));
        truncated = true;
      }
      if (!/\S/.test(data)) {
        // White space between elements: one space at most, and none at a line start.
        if (!lastWasBreak && data.length) {
          segments.push({ start: length, end: length + 1, node, nodeOffset: 0 });
          parts.push(' ');
          length += 1;
        }
        continue;
      }
      segments.push({ start: length, end: length + data.length, node, nodeOffset: 0 });
      parts.push(data.replace(/[\n\r\t\f]/g, ' '));
      length += data.length;
      lastWasBreak = false;
      continue;
    }
    if (kind !== 'element') {
      // The document node itself: walk its children.
      if (!exit) pushChildren(stack, adapter.children(node));
      continue;
    }
    const tag = adapter.tag(node);
    if (exit) {
      if (BLOCK.has(tag)) brk();
      continue;
    }
    if (tag === 'html' && lang === null) lang = adapter.attr(node, 'lang');
    if (SKIP.has(tag) || ((adapter.mayHide?.(node) ?? true) && hiddenByMarkup(adapter, node)) || adapter.hidden?.(node)) continue;
    if (BLOCK.has(tag)) brk();
    if (truncated) continue;
    stack.push({ node, exit: true });
    const shadow = adapter.shadowChildren?.(node);
    if (shadow) pushChildren(stack, shadow);
    pushChildren(stack, adapter.children(node));
  }
  return { text: parts.join(''), segments, lang, truncated };
}

function pushChildren<N>(stack: { node: N; exit: boolean }[], children: ArrayLike<N>) {
  for (let i = children.length - 1; i >= 0; i--) stack.push({ node: children[i], exit: false });
}

/** The text node and offset in it for an offset of the extracted text (binary search). */
export function locate<N>(segments: TextSegment<N>[], offset: number): { node: N; offset: number } | null {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return { node: s.node, offset: s.nodeOffset + (offset - s.start) };
  }
  return null;
}
