// Page text cannot make the text patterns backtrack (issue 12, item 5). The number grammar once
// read "1,1,1" both as one number and as a list of three, so "a 50-year security deal, 1,1,...,1 x."
// took seconds at 22 numbers and minutes at 30 (exponential); a sentence may have 1,000 characters.
// Here each pathological shape grows step by step up to a whole sentence (or, for the sentence
// splitter, a large page), yielding between steps. Linear patterns take milliseconds for a whole
// batch; a backtracking one passes the test's timeout within a few steps, and the test stops at the
// next step (context.signal) instead of hanging the run. No test measures time itself.
import { describe, expect, it } from 'vitest';
import { ScanEngine } from '../../lib/scan/engine';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../lib/text/sentences';
import { extractPlaces, extractValues } from '../../lib/text/values';
import { bundledPack } from '../helpers/corpus';

/** A batch that takes milliseconds when the patterns are linear. */
const TIMEOUT = 5_000;

/** `head`, then `item` joined by `sep` for as long as the text stays within `len`, then `tail`. */
function fill(head: string, item: string, sep: string, tail: string, len: number): string {
  let s = head + item;
  while (s.length + sep.length + item.length + tail.length <= len) s += sep + item;
  return s + tail;
}
type Shape = [name: string, make: (len: number) => string];
const list = (name: string, head: string, item: string, sep: string, tail = ' x.'): Shape => [name, (len) => fill(head, item, sep, tail, len)];

/** Lengths from short to `max`: one item at a time while a backtracking pattern would blow up, then faster. */
function* lengths(max: number, from = 8) {
  for (let n = from; n < max; n += n < 160 ? 2 : Math.ceil(n / 6)) yield n;
  yield max;
}

/** Runs `run` on each shape at growing lengths up to `max`; returns the texts of the last step. */
async function grow(signal: AbortSignal, shapes: Shape[], run: (text: string) => void, max = MAX_SENTENCE_CHARS): Promise<string[]> {
  for (const n of lengths(max)) {
    await new Promise((r) => setImmediate(r));
    if (signal.aborted) return [];
    for (const [, make] of shapes) run(make(n));
  }
  return shapes.map(([, make]) => make(max));
}

const DEAL = 'a 50-year security deal, ';
const FAMILIES: Record<string, Shape[]> = {
  'comma lists': [
    list('1,1,1', DEAL, '1', ','),
    list('1, 1,1, 1,1', DEAL, '1,1', ', '),
    list('10,000,000', DEAL, '10,000', ','),
    list('1 , 1 ,1', DEAL, '1 ,1', ' , '),
    list('1,1,1 years', 'for ', '1', ',', ' years'),
    list('1,1 and 1,1', DEAL, '1,1', ' and '),
  ],
  'dot lists': [
    list('1.1.1', DEAL, '1', '.'),
    list('1.1,1.1', DEAL, '1.1', ','),
    list('1.5, 2.5,3', DEAL, '1.5,2', ', '),
    list('1.1.1 km', 'about ', '1', '.', ' km'),
  ],
  'space lists': [
    list('1 1 1', DEAL, '1', ' '),
    list('1,1 1,1', DEAL, '1,1', ' '),
    list('1 ,1 ,1', DEAL, '1', ' ,'),
    list('one or two or', DEAL, 'one', ' or '),
    list('1,1 or 1,1', DEAL, '1,1', ' or '),
    ['1 <spaces> x', (len) => `${DEAL}1,1${' '.repeat(Math.max(0, len - DEAL.length - 7))}1 x.`],
  ],
  'hyphen lists': [
    list('1-1-1', DEAL, '1', '-'),
    list('1-1,1-1', DEAL, '1-1', ','),
    list('1 - 1,1 - 1', DEAL, '1,1', ' - '),
    list('1–1—1', DEAL, '1,1', '–'),
    list('1 -- x', DEAL, '1', ' -- '),
    list('1 ------', DEAL, '1,1', '-----'),
  ],
  'percent lists': [
    list('1%, 1%', DEAL, '1%', ', '),
    list('1,1%, 1,1%', DEAL, '1,1%', ','),
    list('1,1,1%', DEAL, '1', ',', '% x.'),
    list('1.1 percent', DEAL, '1,1 per cent', ' '),
    list('11111%', DEAL, '1111111111', '', '%'),
    list('1111 1111', DEAL, '1111111111', ',', ' y'),
  ],
  'date ranges': [
    list('December 1-2, 3-4', 'on December ', '1-2', ','),
    list('28-29 December, 28-29', 'on ', '28-29,30', ' December, '),
    list('Dec. 1-2, 3', 'on Dec. ', '1', '-2,'),
    list('2025-12-30', 'on ', '2025-12-30', ','),
    list('1 - 2 - 3 December', 'on ', '1,2', ' - ', ' December'),
  ],
  'Cyrillic number words and lists': [
    list('один и один', 'сделка на 50 лет, ', 'один', ' и '),
    list('три,три', 'сделка на 50 лет, ', 'три', ','),
    list('1,1 и 1,1', 'сделка на 50 лет, ', '1,1', ' и '),
    list('1,1 або 1,1', 'угода на 50 років, ', '1,1', ' або '),
    list('п’ять, 1,1', 'угода на 50 років, ', 'п’ять, 1,1', ' чи ', ' х.'),
    list('1,1 років', 'на ', '1', ',', ' років'),
    list('А-А-А області', 'у ', 'Нськ', '-', ' області'),
  ],
  // Quadratic before, not exponential (milliseconds at this length): a guard that they stay linear.
  'places and quotes': [
    list('A-A-A region', 'in the ', 'A', '-', ' region 1'),
    list('A-b-C region', 'in the ', 'A-b', '-', ' 1'),
    list('north of north', '1 ', 'north of', ' '),
    list('“““', '1 ', '“a', ' '),
    list("'''", '1 ', "'a", ' '),
  ],
};

describe('value extraction reads any sentence in linear time', () => {
  for (const [family, shapes] of Object.entries(FAMILIES)) {
    it(`${family}, up to ${MAX_SENTENCE_CHARS} characters`, { timeout: TIMEOUT }, async ({ signal }) => {
      const last = await grow(signal, shapes, (t) => {
        extractValues(t, { year: 2025 });
        extractPlaces(t);
      });
      for (const t of last) expect(t.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      // The figure before the list is still read.
      for (const t of last.filter((x) => x.startsWith(DEAL)))
        expect(extractValues(t).find((v) => v.type === 'duration')).toMatchObject({ text: '50-year', value: 50, unit: 'year' });
    });
  }
});

describe("the engine's scan of a sentence reads any sentence in linear time", () => {
  const engine = ScanEngine.fromPacks([bundledPack()]);
  const SAID = 'Zelensky said he had sought ';
  for (const [family, shapes] of Object.entries(FAMILIES)) {
    it(`${family}, in a sentence stating a claim`, { timeout: TIMEOUT }, async ({ signal }) => {
      // The claim's own words first, so that the engine reads the sentence's values.
      const stated = shapes.map(([name, make]): Shape => [name, (len) => `${SAID}${make(len - SAID.length)}`]);
      const last = await grow(signal, stated, (t) => {
        engine.scanText(t);
      });
      for (const t of last.filter((x) => x.startsWith(SAID + DEAL)))
        expect(engine.scanText(t).claims.map((c) => c.id)).toContain('fifty-year-guarantees');
    });
  }
});

describe('the sentence splitter reads any page in linear time', () => {
  // A run of abbreviations or initials never ends a sentence: each piece once joined the run so
  // far and read it all again (40,000 characters of "J. " took seconds).
  const PAGE = 160_000;
  const pages: Shape[] = [
    ['J. J. J.', (len) => fill('', 'J.', ' ', '', len)],
    ['Mr. Mr. Mr.', (len) => fill('“', 'Mr.', ' ', '', len)],
    ['Gen. A. Gen. A.', (len) => fill('', 'Gen. U.S.', ' ', '', len)],
  ];
  const growPages = async (signal: AbortSignal, run: (t: string) => void) => {
    for (let n = 10_000; ; n = Math.min(PAGE, n * 2)) {
      await new Promise((r) => setImmediate(r));
      if (signal.aborted) return;
      for (const [, make] of pages) run(make(n));
      if (n === PAGE) return;
    }
  };

  it(`splits pages of up to ${PAGE} characters of abbreviations`, { timeout: TIMEOUT }, async ({ signal }) => {
    await growPages(signal, (t) => {
      const s = splitSentences(t);
      // One run-on sentence, cut into pieces of at most MAX_SENTENCE_CHARS.
      expect(s.every((x) => x.text.length <= MAX_SENTENCE_CHARS)).toBe(true);
      expect(s.length).toBeGreaterThanOrEqual(Math.floor(t.length / MAX_SENTENCE_CHARS));
    });
  });

  it('and the engine scans them', { timeout: TIMEOUT }, async ({ signal }) => {
    const engine = ScanEngine.fromPacks([bundledPack()]);
    await growPages(signal, (t) => {
      expect(engine.scanText(t).stats.chars).toBe(t.length);
    });
  });

  it('still keeps an abbreviation or an initial inside its sentence', () => {
    expect(splitSentences('Col. Gen. Mikhail Teplinsky told U.S. President Trump. J. Smith agreed. He left.').map((s) => s.text)).toEqual([
      'Col. Gen. Mikhail Teplinsky told U.S. President Trump.',
      'J. Smith agreed.',
      'He left.',
    ]);
  });
});
