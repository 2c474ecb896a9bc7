// @vitest-environment happy-dom
// The page side of the extractor: the live DOM (here happy-dom) walked through domTreeAdapter, and
// the extracted text's offsets turned back into DOM Ranges (locate, and the highlighter's
// rangeFor and buildMarks) whose text is the text that was matched. Runs in the 'unit' project
// with this file's own environment, as `npm run test:unit` runs it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildMarks, paint, rangeFor } from '@/components/page/highlighter';
import { domTreeAdapter } from '@/lib/extract/dom-adapter';
import { htmlToText } from '@/lib/extract/html';
import { extractVisibleText, locate, type ExtractedText } from '@/lib/extract/visible-text';
import { ScanEngine, type ScanResult } from '@/lib/scan/engine';
import { bundledPack } from '../helpers/corpus';

/** The page's text as the content script extracts it (hiding found by one query from the root),
 *  checked against asking each element. */
function page(html: string): ExtractedText<Node> {
  document.body.innerHTML = html;
  const rooted = extractVisibleText<Node>(document.body, domTreeAdapter({ root: document.body }));
  expect(rooted.text).toBe(extractVisibleText<Node>(document.body, domTreeAdapter()).text);
  return rooted;
}

afterEach(() => {
  document.body.innerHTML = '';
});

/** The [start, end) of `needle` in the extracted text; fails the test when it is not there once. */
function find(text: string, needle: string): [number, number] {
  const at = text.indexOf(needle);
  expect(at, `"${needle}" in ${JSON.stringify(text)}`).toBeGreaterThanOrEqual(0);
  expect(text.indexOf(needle, at + 1), `"${needle}" twice`).toBe(-1);
  return [at, at + needle.length];
}

describe('extractVisibleText over the live DOM', () => {
  it('starts a new line at each block and runs inline elements together', () => {
    const r = page('<h1>Title</h1><p>First <b>bold</b> <i>and</i><span>joined</span>.</p><ul><li>One</li><li>Two</li></ul><div>a<br>b</div>');
    expect(r.text).toBe('Title\nFirst bold andjoined.\nOne\nTwo\na\nb\n');
  });

  it('keeps offsets 1:1: new lines inside text become spaces, white space between elements one space', () => {
    const r = page('<p>Sergey\nLavrov\tsaid</p><p><b>A</b>\n    <b>B</b></p><div>\n  <p>C</p>\n</div>');
    expect(r.text).toBe('Sergey Lavrov said\nA B\nC\n');
  });

  it('skips scripts, styles, form fields, editable regions and elements hidden by markup', () => {
    const r = page(`<p>kept one</p>
      <script>var s = "script text";</script><style>.x { content: "style text" }</style><noscript>noscript text</noscript>
      <template><p>template text</p></template><textarea>textarea text</textarea><input value="input text">
      <select><option>option text</option></select><button>button text</button>
      <div contenteditable="true">editable text</div><div contenteditable="">empty editable text</div>
      <div contenteditable="plaintext-only">plain editable text</div><div contenteditable="false">kept two</div>
      <p hidden>hidden attribute text</p><p aria-hidden="true">aria hidden text</p><p aria-hidden="false">kept three</p>
      <p style="color: red; display: none">display none text</p><p style="visibility:hidden">visibility text</p>
      <p style="display: block">kept four</p><svg><text>svg text</text></svg><iframe srcdoc="<p>frame text</p>"></iframe>`);
    const lines = r.text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toEqual(['kept one', 'kept two', 'kept three', 'kept four']);
    expect(r.text).not.toMatch(/script|style|noscript|template|textarea|input|option|button|editable|hidden|none|visibility|svg|frame/);
  });

  it('skips an inline style that hides in any letter case', () => {
    const r = page('<p style="Display: None">mixed case none</p><p style="VISIBILITY: Hidden">mixed case hidden</p><p>shown</p>');
    expect(r.text).toBe('shown\n');
  });

  it('skips the content of a hidden element’s descendants too', () => {
    const r = page('<div hidden><p>deep <b>hidden</b></p></div><section><div style="display:none"><p>also hidden</p></div><p>shown</p></section>');
    expect(r.text).toBe('shown\n');
  });

  it('asks isHidden about elements a stylesheet hides', () => {
    const r0 = page('<style>.gone { display: none }</style><p class="gone">styled away</p><p>stays</p>');
    expect(r0.text).toContain('styled away'); // markup alone cannot know
    const isHidden = vi.fn((el: Element) => getComputedStyle(el).display === 'none');
    const r = extractVisibleText<Node>(document.body, domTreeAdapter({ isHidden }));
    expect(r.text).toBe('stays\n');
    expect(isHidden).toHaveBeenCalled();
  });

  it('includes the text of open shadow roots, and of nested ones, but not of closed ones', () => {
    document.body.innerHTML = '<p>Light</p>';
    const open = document.createElement('div');
    open.attachShadow({ mode: 'open' }).innerHTML = '<style>p { color: red }</style><p>Shadow text</p><div id="inner"></div>';
    open.shadowRoot!.getElementById('inner')!.attachShadow({ mode: 'open' }).innerHTML = '<p>Nested shadow</p><p hidden>hidden in shadow</p>';
    const closed = document.createElement('div');
    closed.attachShadow({ mode: 'closed' }).innerHTML = '<p>Closed shadow</p>';
    document.body.append(open, closed);
    const r = extractVisibleText<Node>(document.body, domTreeAdapter());
    expect(r.text).toBe('Light\nShadow text\nNested shadow\n');
    // And the shadow's offsets map back into the shadow tree.
    const [s, e] = find(r.text, 'Nested shadow');
    const range = rangeFor(r.segments, s, e)!;
    expect(range.toString()).toBe('Nested shadow');
    expect(range.startContainer.getRootNode()).not.toBe(document);
  });

  it('extracts a shadow host’s text in the order the page shows it (slotted content at its slot)', () => {
    document.body.innerHTML = '<div id="host"><span>Body</span></div>';
    document.getElementById('host')!.attachShadow({ mode: 'open' }).innerHTML = '<h2>Title</h2><p hidden>Not shown</p><slot></slot>';
    expect(extractVisibleText<Node>(document.body, domTreeAdapter()).text).toBe('Title\nBody\n');
    expect(extractVisibleText<Node>(document.body, domTreeAdapter({ root: document.body })).text).toBe('Title\nBody\n');
  });

  it('extracts the same text as the parsed-HTML adapter for the same page', () => {
    const html = `<!doctype html><html lang="en"><head><title>T</title></head><body><h1>Heading</h1>
      <p>First <b>bold</b> words.</p><script>x()</script><p hidden>no</p><ul><li>One</li><li>Two</li></ul>
      <div contenteditable>no</div><p style="display:none">no</p><blockquote>Quote <em>here</em></blockquote></body></html>`;
    const doc = new DOMParser().parseFromString(html, 'text/html');
    const live = extractVisibleText<Node>(doc.body, domTreeAdapter());
    expect(live.text).toBe(htmlToText(html).text);
    expect(live.text).toContain('Heading\nFirst bold words.');
  });

  it('maps every segment back to the characters of its text node', () => {
    const r = page('<p>Sergey <b>Lavrov</b> said</p>\n<p>  Zelensky\tdenied <a href="#">it</a>.</p>');
    expect(r.segments.length).toBeGreaterThan(4);
    for (const seg of r.segments) {
      const data = (seg.node as Text).data.slice(seg.nodeOffset, seg.nodeOffset + (seg.end - seg.start));
      const piece = r.text.slice(seg.start, seg.end);
      if (/\S/.test(data)) expect(piece).toBe(data.replace(/[\n\r\t\f]/g, ' '));
      else expect(piece).toBe(' ');
    }
  });
});

describe('offsets to Ranges and back', () => {
  const HTML = '<p>Sergey <b>Lavrov</b> said</p><p>Ukraine <i>dismissed</i> the <span><b>claim</b></span>.</p>';

  it('locates an offset in its text node', () => {
    const r = page(HTML);
    const [s] = find(r.text, 'Lavrov');
    const hit = locate(r.segments, s)!;
    expect((hit.node as Text).data).toBe('Lavrov');
    expect(hit.offset).toBe(0);
    const last = locate(r.segments, s + 5)!;
    expect(last.node).toBe(hit.node);
    expect(last.offset).toBe(5);
    const said = locate(r.segments, find(r.text, 'said')[0] + 1)!;
    expect((said.node as Text).data).toBe(' said');
    expect(said.offset).toBe(2);
  });

  it('finds no node for a block break or past the end', () => {
    const r = page(HTML);
    expect(r.text[find(r.text, 'said')[1]]).toBe('\n');
    expect(locate(r.segments, find(r.text, 'said')[1])).toBeNull();
    expect(locate(r.segments, r.text.length)).toBeNull();
    expect(locate(r.segments, -1)).toBeNull();
  });

  it.each([
    ['inside one node', 'erge'],
    ['a whole text node', 'Lavrov'],
    ['from a node’s start', 'Sergey'],
    ['to a node’s end', 'said'],
    ['one character at a node’s start', 'L'],
    ['the last characters of a node', 'ov'],
    ['a one-character text node', '.'],
    ['across two nodes', 'Sergey Lavrov'],
    ['across two nodes, from the middle of each', 'ey Lav'],
    ['ending at a node boundary', 'Sergey '],
    ['starting at a node boundary', 'Lavrov said'],
    ['across three nodes', 'Sergey Lavrov said'],
    ['through nested inline elements', 'dismissed the claim.'],
    ['a whole block', 'Ukraine dismissed the claim.'],
  ])('gives a Range over the matched text: %s ("%s")', (_, needle) => {
    const r = page(HTML);
    const [s, e] = find(r.text, needle);
    const range = rangeFor(r.segments, s, e);
    expect(range).not.toBeNull();
    expect(range!.toString()).toBe(needle);
    // The Range starts and ends where locate says.
    const a = locate(r.segments, s)!;
    const b = locate(r.segments, e - 1)!;
    expect([range!.startContainer, range!.startOffset]).toEqual([a.node, a.offset]);
    expect([range!.endContainer, range!.endOffset]).toEqual([b.node, b.offset + 1]);
  });

  it('gives a Range for a match at the very end of the text', () => {
    const r = page('<p>ends with Lavrov</p>');
    expect(r.text).toBe('ends with Lavrov\n');
    expect(rangeFor(r.segments, r.text.length - 7, r.text.length - 1)!.toString()).toBe('Lavrov');
  });

  it('gives the DOM’s own characters where the text has spaces for new lines', () => {
    const r = page('<p>Sergey\nLavrov</p><p><b>A</b>\n   <b>B</b></p>');
    expect(rangeFor(r.segments, ...find(r.text, 'Sergey Lavrov'))!.toString()).toBe('Sergey\nLavrov');
    expect(rangeFor(r.segments, ...find(r.text, 'A B'))!.toString()).toBe('A\n   B');
  });

  it('round-trips every span within a line', () => {
    const r = page('<p>Sergey <b>Lavrov</b> <i>said</i>, <a href="#">Kyiv</a>\n  denied<span> it</span>.</p><h2>Next <em>one</em></h2>');
    const norm = (s: string) => s.replace(/\s+/g, ' ');
    let checked = 0;
    for (let s = 0; s < r.text.length; s++)
      for (let e = s + 1; e <= r.text.length; e++) {
        const want = r.text.slice(s, e);
        if (want.includes('\n')) break;
        expect(norm(rangeFor(r.segments, s, e)!.toString()), `[${s}, ${e})`).toBe(norm(want));
        checked++;
      }
    expect(checked).toBeGreaterThan(500);
  });

  it('returns null, not a throw, when an offset has no node', () => {
    const r = page('<p>One</p><p>Two</p>');
    const brk = r.text.indexOf('\n');
    expect(rangeFor(r.segments, brk, brk + 2)).toBeNull();
    expect(rangeFor(r.segments, 0, r.text.length + 5)).toBeNull();
  });
});

describe('the highlighter’s marks on a scanned page', () => {
  const ARTICLE = `<article><h1>Drones over Valdai</h1>
    <p>Russian Foreign Minister Sergey <b>Lavrov</b> said Ukraine had launched 91 long-range drones at <a href="/putin">Putin</a>’s residence in the Novgorod region.</p>
    <p><em>Zelensky</em> denied that Ukraine had attacked the residence and called Russia's claim a lie.</p>
    <aside hidden><p>Lavrov said it again.</p></aside></article>`;

  function scanned(): { r: ExtractedText<Node>; result: ScanResult } {
    const r = page(ARTICLE);
    return { r, result: engine().scanText(r.text) };
  }

  it('gives each actor mention a Range over its words on the page', () => {
    const { result, r } = scanned();
    const marks = buildMarks(result, r.segments);
    const actors = marks.filter((m) => m.kind === 'actor');
    expect(actors.map((m) => [m.actor.id, m.range.toString()])).toEqual([
      ['lavrov', 'Sergey Lavrov'],
      ['putin', 'Putin'],
      ['zelensky', 'Zelensky'],
    ]);
    // "Sergey Lavrov" spans two text nodes: "…Sergey " and <b>'s "Lavrov".
    const lavrov = actors[0].range;
    expect(lavrov.startContainer).not.toBe(lavrov.endContainer);
    expect((lavrov.endContainer as Text).data).toBe('Lavrov');
    expect(lavrov.endOffset).toBe(6);
  });

  it('gives each claim sentence a Range over the sentence, after the actors, best match first', () => {
    const { result, r } = scanned();
    const marks = buildMarks(result, r.segments);
    const kinds = marks.map((m) => m.kind);
    expect(kinds.indexOf('claim')).toBe(kinds.lastIndexOf('actor') + 1);
    const claims = marks.flatMap((m) => (m.kind === 'claim' ? [m] : []));
    const expected = result.claims.flatMap((c) => c.matches.map((m) => ({ id: c.id, ...m })));
    expect(claims).toHaveLength(expected.length);
    expect(claims.length).toBeGreaterThanOrEqual(2);
    for (const m of claims) {
      const match = m.claim.matches.find((x) => x.start === r.text.indexOf(m.range.toString()));
      expect(match, m.range.toString()).toBeDefined();
      expect(m.range.toString()).toBe(match!.text);
    }
    const scores = claims.map((m) => m.claim.matches.find((x) => x.text === m.range.toString())!.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(claims.map((m) => m.range.toString())).toContain(
      'Russian Foreign Minister Sergey Lavrov said Ukraine had launched 91 long-range drones at Putin’s residence in the Novgorod region.',
    );
  });

  it('marks nothing in hidden text', () => {
    const { result, r } = scanned();
    for (const m of buildMarks(result, r.segments)) {
      for (let n: Node | null = m.range.commonAncestorContainer; n; n = n.parentNode) expect((n as Element).localName).not.toBe('aside');
    }
  });

  it('finds a claim in a sentence built of thousands of tiny elements, but does not mark it (a page froze painting such marks)', () => {
    // Each word in its own element; so many per sentence that no reader sees them as one.
    const words = 'Russian Foreign Minister Sergey Lavrov said Ukraine had launched 91 long-range drones at Putin’s residence in the Novgorod region.'.split(' ');
    const spread = words.map((w) => `<i>${w}</i>${' <i></i>'.repeat(8)} `).join('');
    const r = page(`<article><p>${spread}</p><p>${ARTICLE.slice('<article>'.length)}</p></article>`);
    const result = engine().scanText(r.text);
    const sentences = result.claims.flatMap((c) => c.matches);
    const spreadEnd = r.text.indexOf('\n', 1);
    expect(sentences.some((m) => m.end <= spreadEnd), 'the claim is found in the spread-out sentence').toBe(true);
    const claims = buildMarks(result, r.segments).filter((m) => m.kind === 'claim');
    expect(claims.length).toBeGreaterThan(0);
    // The same sentence in the article's ordinary paragraph is marked; the spread-out one is not.
    for (const m of claims) expect(m.range.startContainer.parentElement?.localName, m.range.toString()).not.toBe('i');
    // The actors in it are still marked: their names span one or two nodes.
    expect(buildMarks(result, r.segments).filter((m) => m.kind === 'actor' && r.text.indexOf(m.range.toString()) < spreadEnd).length).toBeGreaterThan(0);
  });

  it('marks at most the limit, the first in reading order, when a page repeats the story endlessly', () => {
    const r = page(`<article>${ARTICLE.slice('<article>'.length).replace('</article>', '').repeat(30)}</article>`);
    const result = engine().scanText(r.text);
    const all = buildMarks(result, r.segments, Infinity);
    expect(all.length).toBeGreaterThan(60);
    const some = buildMarks(result, r.segments, 20);
    expect(some.length).toBeLessThanOrEqual(20);
    expect(some.length).toBeGreaterThan(10);
    // Every mark kept starts before every mark left out.
    const offsetOf = (range: Range) => r.segments.find((s) => s.node === range.startContainer)!.start + range.startOffset;
    const kept = new Set(some.map((m) => offsetOf(m.range)));
    const lastKept = Math.max(...kept);
    for (const m of all) if (!kept.has(offsetOf(m.range))) expect(offsetOf(m.range)).toBeGreaterThanOrEqual(lastKept);
    // Both kinds survive the cut.
    expect(new Set(some.map((m) => m.kind))).toEqual(new Set(['actor', 'claim']));
    expect(buildMarks(result, r.segments, 0)).toEqual([]);
  });

  it('drops a match whose offsets fall outside the text instead of throwing', () => {
    const { result, r } = scanned();
    const bad = structuredClone(result);
    bad.actors[0].mentions.push({ text: 'x', start: r.text.length + 10, end: r.text.length + 12 });
    expect(buildMarks(bad, r.segments)).toHaveLength(buildMarks(result, r.segments).length);
  });
});

describe('paint', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    document.adoptedStyleSheets = [];
  });

  it('wraps the marked text where the Highlight API is missing, keeps each mark on its words, and unwraps', () => {
    const html =
      '<p>Sergei <b>Lavrov</b> claimed Ukraine had sent 89 drones against the presidential residence in the Novgorod region.</p><p>Trump spoke with Putin.</p>';
    const r = page(html);
    const marks = buildMarks(engine().scanText(r.text), r.segments);
    const before = marks.map((m) => m.range.toString());
    expect(before).toContain('Sergei Lavrov');
    vi.stubGlobal('Highlight', undefined);
    const unpaint = paint(marks);
    const spans = [...document.querySelectorAll('[data-crosscheck]')];
    expect(spans.length).toBeGreaterThan(0);
    expect(spans.some((s) => s.getAttribute('data-crosscheck')!.includes('crosscheck-actor'))).toBe(true);
    // The page reads the same; every mark still covers exactly its words (for hover and navigation).
    expect(document.body.textContent).toBe('Sergei Lavrov claimed Ukraine had sent 89 drones against the presidential residence in the Novgorod region.Trump spoke with Putin.');
    expect(marks.map((m) => m.range.toString())).toEqual(before);
    unpaint();
    expect(document.querySelectorAll('[data-crosscheck]')).toHaveLength(0);
    expect(document.body.textContent).toBe('Sergei Lavrov claimed Ukraine had sent 89 drones against the presidential residence in the Novgorod region.Trump spoke with Putin.');
  });

  it('groups actors and claims by verdict into named highlights, and removes them and its styles', () => {
    class FakeHighlight {
      ranges: Range[];
      constructor(...ranges: Range[]) {
        this.ranges = ranges;
      }
    }
    const registry = new Map<string, FakeHighlight>();
    vi.stubGlobal('Highlight', FakeHighlight);
    vi.stubGlobal('CSS', { highlights: registry });
    const r = page(
      '<p>Lavrov claimed Ukraine had sent 89 drones against the presidential residence in the Novgorod region.</p><p>Trump said his conversation with Putin was productive.</p>',
    );
    const result = engine().scanText(r.text);
    const marks = buildMarks(result, r.segments);
    const before = document.adoptedStyleSheets.length;
    const undo = paint(marks);
    const names = (h?: FakeHighlight) => h?.ranges.map((x) => x.toString()) ?? [];
    expect(names(registry.get('crosscheck-actor'))).toEqual(['Lavrov', 'Trump', 'Putin']);
    expect(names(registry.get('crosscheck-contradicted'))).toContain('Lavrov claimed Ukraine had sent 89 drones against the presidential residence in the Novgorod region.');
    expect(names(registry.get('crosscheck-claim'))).toContain('Trump said his conversation with Putin was productive.');
    expect(document.adoptedStyleSheets.length).toBe(before + 1);
    undo();
    expect([...registry.keys()]).toEqual([]);
    expect(document.adoptedStyleSheets.length).toBe(before);
  });
});

let cachedEngine: ScanEngine | undefined;
function engine(): ScanEngine {
  return (cachedEngine ??= ScanEngine.fromPacks([bundledPack()]));
}
