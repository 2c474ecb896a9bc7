// A page's visible text, extracted the same way in the browser (the real DOM) and in Node (a
// parsed HTML tree): one walk over a tree that an adapter describes. Scripts, styles, templates,
// SVG, form fields, editable regions and hidden elements are skipped; block elements start a new
// line, so a heading and the paragraph after it are never one sentence. Every character of the
// text maps back to a text node and an offset in it.

export interface TreeAdapter<N> {
  /** 'element', 'text', or 'other' (comments, doctypes: skipped; a document: walked). */
  kind(node: N): 'element' | 'text' | 'other';
  /** Lower-case tag name of an element. */
  tag(node: N): string;
  attr(node: N, name: string): string | null;
  /** The tree is walked by first child and next sibling: no child list is made per node. */
  firstChild(node: N): N | null;
  nextSibling(node: N): N | null;
  /** The data of a text node. */
  data(node: N): string;
  /** Extra hiding a live page knows of (computed styles); Node trees have none. */
  hidden?(node: N, tag: string): boolean;
  /**
   * May an element be hidden or editable by its markup (the hidden, aria-hidden, style or
   * contenteditable attribute)? A fast pre-check: the live DOM answers it for the whole page with
   * one native query.
   */
  mayHide?(node: N): boolean;
  /**
   * What the page shows in place of an element's children, when that is not its children: the
   * shadow root's children for a shadow host, the assigned nodes for a slot that has some.
   */
  composedChildren?(node: N, tag: string): ArrayLike<N> | null;
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

/**
 * Site chrome: navigation, menus, the site's banner and footer. Not what the page reports:
 * skipped. A header or footer inside an article or main (its headline, byline) is kept; so are
 * sidebars and comments, where readers do meet names.
 */
const CHROME_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'search', 'menu', 'menubar']);
const CHROME_OUTSIDE_ARTICLE = new Set(['header', 'footer']);
const ARTICLE = new Set(['article', 'main']);

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

/** The role attribute names site chrome. */
function chromeByRole<N>(a: TreeAdapter<N>, n: N): boolean {
  const role = a.attr(n, 'role');
  return role !== null && CHROME_ROLES.has(role);
}

const DEFAULT_MAX_CHARS = 2_000_000;

/**
 * Walks the tree from `root` and returns its visible text. Text nodes are copied with white
 * space runs of one character each kept as they are (new lines and tabs become spaces, so
 * offsets stay 1:1); block boundaries become "\n". Stops after `maxChars` characters.
 */
export function extractVisibleText<N>(root: N, adapter: TreeAdapter<N>, opts: { maxChars?: number } = {}): ExtractedText<N> {
  const steps = extractSteps(root, adapter, opts);
  for (;;) {
    const r = steps.next();
    if (r.done) return r.value;
  }
}

/** Nodes walked between two asks of `shouldYield`. */
const YIELD_EVERY = 512;

/**
 * The walk of extractVisibleText in steps: it pauses (yields) whenever `shouldYield` says so,
 * asked every few hundred nodes, and returns the text when done. The page's script keeps
 * running between steps (see runInSlices): nodes that change meanwhile are read as they are then.
 */
export function* extractSteps<N>(
  root: N,
  adapter: TreeAdapter<N>,
  opts: { maxChars?: number; shouldYield?: () => boolean } = {},
): Generator<void, ExtractedText<N>, void> {
  const maxChars = opts.maxChars ?? DEFAULT_MAX_CHARS;
  const shouldYield = opts.shouldYield;
  let walked = 0;
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

  // An explicit stack of cursors, not recursion: pages nest deeply enough to overflow the call
  // stack. A cursor walks a node's children by next sibling (or a composed list: shadow root,
  // slot); when it runs out, the element it belongs to ends.
  type Cursor = { list: ArrayLike<N> | null; i: number; next: N | null; block: boolean; article: boolean };
  const stack: Cursor[] = [];
  let inArticle = 0;
  const open = (node: N, tag: string, block: boolean, article: boolean) => {
    const list = adapter.composedChildren?.(node, tag) ?? null;
    if (article) inArticle++;
    stack.push({ list, i: 0, next: list ? null : adapter.firstChild(node), block, article });
  };

  let node: N | null = root;
  while (node !== null && !truncated) {
    if (shouldYield && ++walked % YIELD_EVERY === 0 && shouldYield()) yield;
    const kind = adapter.kind(node);
    if (kind === 'text') {
      let data = adapter.data(node);
      if (data) {
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
        } else {
          segments.push({ start: length, end: length + data.length, node, nodeOffset: 0 });
          parts.push(data.replace(/[\n\r\t\f]/g, ' '));
          length += data.length;
          lastWasBreak = false;
        }
      }
    } else if (kind === 'element') {
      const tag = adapter.tag(node);
      if (tag === 'html' && lang === null) lang = adapter.attr(node, 'lang');
      const skip =
        SKIP.has(tag) ||
        tag === 'nav' ||
        (inArticle === 0 && CHROME_OUTSIDE_ARTICLE.has(tag)) ||
        ((adapter.mayHide?.(node) ?? true) && (hiddenByMarkup(adapter, node) || chromeByRole(adapter, node))) ||
        adapter.hidden?.(node, tag);
      if (!skip) {
        const block = BLOCK.has(tag);
        if (block) brk();
        open(node, tag, block, ARTICLE.has(tag));
      }
    } else {
      // The document node itself: walk its children.
      open(node, '', false, false);
    }
    // The next node: the next child of the innermost cursor that has one; ended elements close.
    node = null;
    while (stack.length) {
      const top = stack[stack.length - 1];
      if (top.list) node = top.i < top.list.length ? top.list[top.i++] : null;
      else if ((node = top.next) !== null) top.next = adapter.nextSibling(node);
      if (node !== null) break;
      stack.pop();
      if (top.block) brk();
      if (top.article) inArticle--;
    }
  }
  return { text: parts.join(''), segments, lang, truncated };
}

/** The text node and offset in it for an offset of the extracted text (binary search). */
export function locate<N>(segments: TextSegment<N>[], offset: number): { node: N; offset: number; index: number } | null {
  let lo = 0;
  let hi = segments.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = segments[mid];
    if (offset < s.start) hi = mid - 1;
    else if (offset >= s.end) lo = mid + 1;
    else return { node: s.node, offset: s.nodeOffset + (offset - s.start), index: mid };
  }
  return null;
}

/**
 * Runs steps (such as extractSteps') in slices of about `sliceMs` of the main thread, waiting
 * between them (`wait`: a macrotask, so the page can paint and answer input). Returns the result,
 * the time spent in the slices and the longest slice.
 */
export async function runInSlices<T>(
  start: (shouldYield: () => boolean) => Generator<void, T, void>,
  opts: { now: () => number; wait: () => Promise<void>; sliceMs: number },
): Promise<{ value: T; busyMs: number; longestMs: number }> {
  let sliceStart = 0;
  const shouldYield = () => opts.now() - sliceStart >= opts.sliceMs;
  let steps: Generator<void, T, void> | null = null;
  let busyMs = 0;
  let longestMs = 0;
  for (;;) {
    sliceStart = opts.now();
    steps ??= start(shouldYield);
    const r = steps.next();
    const ms = opts.now() - sliceStart;
    busyMs += ms;
    longestMs = Math.max(longestMs, ms);
    if (r.done) return { value: r.value, busyMs, longestMs };
    await opts.wait();
  }
}

/** Several extracted texts as one (a line break between them), with the segments' offsets moved. */
export function joinExtracted<N>(parts: ExtractedText<N>[]): ExtractedText<N> {
  const texts: string[] = [];
  const segments: TextSegment<N>[] = [];
  let at = 0;
  for (const p of parts) {
    if (!p.text) continue;
    if (at > 0) {
      texts.push('\n');
      at += 1;
    }
    texts.push(p.text);
    for (const s of p.segments) segments.push({ ...s, start: s.start + at, end: s.end + at });
    at += p.text.length;
  }
  return { text: texts.join(''), segments, lang: parts.find((p) => p.lang)?.lang ?? null, truncated: parts.some((p) => p.truncated) };
}
