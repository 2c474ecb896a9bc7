import { describe, expect, it } from 'vitest';
import { htmlToText, htmlTreeAdapter, parseHtml } from '../../lib/extract/html';
import { extractSteps, extractVisibleText, joinExtracted, locate, runInSlices } from '../../lib/extract/visible-text';

describe('visible text', () => {
  const html = `<!doctype html><html lang="uk"><head><title>T</title><style>p{}</style></head><body>
<h1>Heading</h1><p>First <b>bold</b> words.</p>
<script>var hidden = "script text";</script><noscript>noscript text</noscript><template><p>template text</p></template>
<svg><text>svg text</text></svg><p hidden>hidden attribute</p><p style="color:red; display: none">inline none</p>
<p aria-hidden="true">aria hidden</p><div contenteditable="true">editable text</div><textarea>form text</textarea>
<input value="input text"><ul><li>One</li><li>Two</li></ul></body></html>`;
  const r = htmlToText(html);

  it('keeps visible text, one block per line, and the page language', () => {
    const lines = r.text.split('\n').map((l) => l.trim()).filter(Boolean);
    expect(lines).toEqual(['Heading', 'First bold words.', 'One', 'Two']);
    expect(r.lang).toBe('uk');
  });

  it('skips scripts, styles, templates, SVG, hidden elements, form fields and editable regions', () => {
    for (const s of ['script text', 'noscript', 'template', 'svg text', 'hidden attribute', 'inline none', 'aria hidden', 'editable', 'form text', 'input text', 'p{}'])
      expect(r.text).not.toContain(s);
  });

  it('maps every offset back to its text node', () => {
    const at = r.text.indexOf('bold');
    const hit = locate(r.segments, at);
    expect(hit && 'data' in (hit.node as object) && (hit.node as unknown as { data: string }).data.slice(hit.offset, hit.offset + 4)).toBe('bold');
    const w = r.text.indexOf('words');
    const hit2 = locate(r.segments, w);
    expect((hit2!.node as unknown as { data: string }).data.slice(hit2!.offset)).toBe('words.');
  });

  it('stops at a documented size on huge pages', () => {
    const big = htmlToText(`<p>${'word '.repeat(100_000)}</p>`, { maxChars: 1000 });
    expect(big.truncated).toBe(true);
    expect(big.text.length).toBeLessThanOrEqual(1001);
  });

  it('walks deeply nested markup without overflowing the stack', () => {
    const deep = `${'<div>'.repeat(20_000)}deep text${'</div>'.repeat(20_000)}`;
    expect(htmlToText(deep).text).toContain('deep text');
  });
});

describe('site chrome', () => {
  it('skips navigation, menus and the site banner and footer, but keeps an article header and sidebars', () => {
    const r = htmlToText(`<body><header><a>Site name</a></header><nav><a>Putin news</a></nav><div role="navigation">Menu Lavrov</div>
      <main><article><header><h1>Headline stays</h1></header><p>Body stays.</p><footer>Byline stays</footer></article>
      <aside>Sidebar stays</aside></main><footer>Copyright footer</footer></body>`);
    for (const s of ['Headline stays', 'Body stays.', 'Byline stays', 'Sidebar stays']) expect(r.text).toContain(s);
    for (const s of ['Site name', 'Putin news', 'Menu Lavrov', 'Copyright footer']) expect(r.text).not.toContain(s);
  });
});

describe('joined texts (parts a dynamic page added)', () => {
  it('puts a line break between parts and keeps every offset on its own node', () => {
    const a = htmlToText('<p>First part.</p>');
    const b = htmlToText('<p>Second <b>part</b>.</p>');
    const j = joinExtracted([a, htmlToText(''), b]);
    expect(j.text).toBe(`${a.text}\n${b.text}`);
    const at = j.text.indexOf('part</b>'.slice(0, 4), j.text.indexOf('Second'));
    const hit = locate(j.segments, at)!;
    expect((hit.node as unknown as { data: string }).data.slice(hit.offset, hit.offset + 4)).toBe('part');
  });
});

describe('extraction in slices (a page of hundreds of thousands of elements)', () => {
  it('pauses when asked, lets the page run between slices, and reads the same text as in one go', async () => {
    const html = `<article>${Array.from({ length: 5000 }, (_, i) => (i % 500 === 0 ? `<p>Lavrov spoke ${i}.</p>` : '<i>x</i>')).join('')}</article>`;
    const whole = htmlToText(html);
    // A clock that moves 1 ms per read: a slice ends after a few asks.
    let clock = 0;
    const waits: number[] = [];
    const r = await runInSlices((shouldYield) => extractSteps(parseHtml(html), htmlTreeAdapter, { shouldYield }), {
      now: () => clock++,
      wait: async () => void waits.push(clock),
      sliceMs: 2,
    });
    expect(waits.length).toBeGreaterThan(3);
    expect(r.value.text).toBe(whole.text);
    expect(r.longestMs).toBeLessThan(r.busyMs);
  });

  it('never pauses when not asked to', () => {
    const steps = extractSteps(parseHtml('<p>One.</p><p>Two.</p>'), htmlTreeAdapter);
    const first = steps.next();
    expect(first.done).toBe(true);
    expect(extractVisibleText(parseHtml('<p>One.</p><p>Two.</p>'), htmlTreeAdapter).text).toBe((first.value as { text: string }).text);
  });
});
