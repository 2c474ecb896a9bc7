// Checkable values in a sentence: counts of things, percentages and fractions, distances,
// durations, dates, places relative to a landmark, the channel a statement came through, and
// quoted words. Each is normalised so that "around 75%" meets "about three-quarters", "15km" meets
// "15 km (9.3 miles)" and "December 28-29" meets "28-29 December".
import { RU_UK_NUMBERS } from './number-words';
import { isStopWord } from './lexicon';
import { stem } from './tokens';

export type ValueType = 'count' | 'percent' | 'distance' | 'duration' | 'date' | 'place' | 'channel' | 'quote';

export interface Value {
  type: ValueType;
  start: number;
  end: number;
  /** The words as written. */
  text: string;
  /** Numbers: in `unit` (percent; km; years, months or days; count of the stemmed noun). */
  value?: number;
  /** Several values given together ("30, 40, 50 years"). */
  values?: number[];
  unit?: string;
  /** A toll's figure: its people named before it ("the death toll rose to 133"). */
  toll?: true;
  approx?: boolean;
  from?: string;
  to?: string;
  /** Places: the landmark and the direction ("west" of "moscow"), or an area ("northern russia"). */
  direction?: string;
  landmark?: string;
  area?: string;
  region?: string;
  /** Channels: normalised kind ("statement", "telegram", "televised remarks"). */
  channel?: string;
}

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
  thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17, eighteen: 18, nineteen: 19, twenty: 20,
  thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70, eighty: 80, ninety: 90, hundred: 100,
  один: 1, ...RU_UK_NUMBERS,
};

const FRACTIONS: Record<string, number> = {
  half: 50, third: 100 / 3, thirds: 100 / 3, quarter: 25, quarters: 25, fifth: 20, fifths: 20, tenth: 10, tenths: 10,
  // Russian and Ukrainian, in the cases a share is written in ("пятую часть", "п'ятої частини").
  треть: 100 / 3, трети: 100 / 3, третью: 100 / 3, четверть: 25, четверти: 25, четвертей: 25, половина: 50, половину: 50, половины: 50,
  пятую: 20, пятая: 20, пятой: 20, "п'яту": 20, "п'ята": 20, "п'ятої": 20, "п’яту": 20, "п’ятої": 20, третину: 100 / 3, третини: 100 / 3,
  чверть: 25, чверті: 25, чвертей: 25, половини: 50,
};
/** Words that count fractions: "two thirds", "три четверти", "трьох чвертей". */
const FRACTION_COUNTS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, одна: 1, одну: 1, две: 2, дві: 2, три: 3, трех: 3, трёх: 3, трьох: 3, четыре: 4, чотири: 4,
};
const MULTIPLIERS: Record<string, number> = {
  thousand: 1e3, million: 1e6, billion: 1e9, тысяч: 1e3, тысячи: 1e3, тысяча: 1e3, тыс: 1e3, млн: 1e6, миллион: 1e6, миллиона: 1e6, миллионов: 1e6,
  тисяч: 1e3, тисячі: 1e3, тисяча: 1e3, мільйон: 1e6, мільйона: 1e6, мільйонів: 1e6,
};
/** "of" and its Russian and Ukrainian: "25,000 of his fighters", "one of the drones", "один из". */
export const PARTITIVE_WORD = /^(of|из|з|із)$/i;

/** Whether a word multiplies the number before it ("25 тысяч", "1.5 million"). */
export function isMultiplier(word: string): boolean {
  return Object.hasOwn(MULTIPLIERS, word.toLowerCase());
}
const APPROX = /(?<![\p{L}\p{N}])(about|around|roughly|nearly|almost|some|approximately|approx\.?|more than|over|at least|up to|less than|under|close to|около|почти|более|примерно|свыше|близько|майже|понад|приблизно|більше)\s*$/iu;

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6, july: 7, jul: 7,
  august: 8, aug: 8, september: 9, sep: 9, sept: 9, october: 10, oct: 10, november: 11, nov: 11, december: 12, dec: 12,
  января: 1, февраля: 2, марта: 3, апреля: 4, мая: 5, июня: 6, июля: 7, августа: 8, сентября: 9, октября: 10, ноября: 11, декабря: 12,
  січня: 1, лютого: 2, березня: 3, квітня: 4, травня: 5, червня: 6, липня: 7, серпня: 8, вересня: 9, жовтня: 10, листопада: 11, грудня: 12,
};
// \b knows only ASCII word characters; these work in Latin and Cyrillic alike.
const B = '(?<![\\p{L}\\p{N}])';
const E = '(?![\\p{L}\\p{N}])';
const MONTH_RE = Object.keys(MONTHS).sort((a, b) => b.length - a.length).join('|');
const DASH = '[-–—‑]';

const DISTANCE_UNITS: Record<string, number> = { km: 1, kilometre: 1, kilometres: 1, kilometer: 1, kilometers: 1, mile: 1.609344, miles: 1.609344, mi: 1.609344, км: 1, кілометрів: 1, километров: 1, m: 0.001, metres: 0.001, meters: 0.001 };
const DURATION_UNITS: Record<string, string> = { decade: 'decade', decades: 'decade', десятилетие: 'decade', десятилетия: 'decade', десятилетий: 'decade', десятиліття: 'decade', десятиліть: 'decade', year: 'year', years: 'year', month: 'month', months: 'month', day: 'day', days: 'day', week: 'week', weeks: 'week', hour: 'hour', hours: 'hour', лет: 'year', года: 'year', год: 'year', років: 'year', роки: 'year', рік: 'year', дней: 'day', днів: 'day' };

/** The number a token stands for: digits (with , or . grouping), or a number word. */
export function parseNumber(s: string): number | null {
  const w = s.toLowerCase();
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(w)) return Number(w.replace(/,/g, ''));
  if (/^\d+([.,]\d+)?$/.test(w)) return Number(w.replace(',', '.'));
  return WORD_NUMBERS[w] ?? null;
}

// Linear time on any text (tests/unit/redos.test.ts). Sentences come from pages, so every pattern
// here must take time in proportion to the sentence, whatever it holds:
// - no two ways to read one text: "1,1,1" once matched both as one number and as a list of three
//   ("30, 40, 50 years"), and a list of such numbers that then failed was tried every way
//   (exponential). The list grammar below reads a comma only as a separator, a dot only inside a
//   number, and still matches the same texts;
// - a pattern that reads a number or a list from its first character does not start again at
//   each later one: a start right after a number and its separator is skipped when the pattern
//   could start at that number (it would have matched there, over the same text, or failed there
//   just the same), so each character is read a bounded number of times. (An item written against
//   a list word, "1 and2", is taken to follow an item of the list: only in glued text such as
//   "G7and8, 9 years" can that lose a match the old patterns found);
// - names are read up to a bound no name reaches, and a text up to MAX_VALUE_CHARS.
// tests/unit/redos.test.ts feeds the shapes that were slow; on the corpus, the tests' sentences and
// 700,000 random short texts of numbers, separators and units these patterns find exactly what
// the backtracking ones did.
const NUMBER_WORDS = Object.keys(WORD_NUMBERS).sort((a, b) => b.length - a.length).join('|');
const NUM = `(?:\\d+(?:[.,]\\d+)*|${NUMBER_WORDS})`;
/** Where a number starts that is not the rest of a longer one: after "1.5" the "5" is not a start. */
const NUM_START = `(?=\\d)(?<!${B}\\d+[.,])`;
/** NUM, not starting inside another number, for patterns that begin with one (`B` before it). */
const NUM_FIRST = `(?:${NUM_START}\\d+(?:[.,]\\d+)*|${NUMBER_WORDS})`;

// Lists of numbers: "30, 40, 50 years", "5-10 days", "two or three years", "два или три года".
const LIST_WORDS = 'or|and|to|или|або|чи|и|і';
const LIST_SEP = `,|${LIST_WORDS}|${DASH}`;
/** A number of a list: digits with a decimal part (a comma between digits separates numbers), or a number word. */
const ITEM = `\\d+(?:\\.\\d+)*|${NUMBER_WORDS}`;
/**
 * Where an item of a list may begin: the list's first item (after neither a letter nor a digit),
 * or an item written against the word before it ("1 and2") that follows another item.
 */
const ITEM_AT = `(?:${B}|(?<=(?:\\d|${NUMBER_WORDS})\\s*(?:${LIST_WORDS})))`;
/** A start inside a list: after an item and a separator, or after "1." within a number. */
const IN_LIST = `(?<=(?:${ITEM_AT}\\d+|${ITEM_AT}(?:${NUMBER_WORDS}))\\s*(?:${LIST_SEP})\\s*|${ITEM_AT}\\d+\\.)`;
const LIST = `(?=[\\d\\p{L}])(?!${IN_LIST})(?:${ITEM})(?:\\s*(?:${LIST_SEP})\\s*(?:${ITEM}))*`;

interface Span { start: number; end: number }
const overlapsAny = (spans: Span[], s: number, e: number) => spans.some((x) => s < x.end && e > x.start);

/** All values in `text`, in order of position. `year` fills in dates that name no year. */
const HAS_DIGIT = /\d/;
const HAS_NUMBER_WORD = new RegExp(`${'(?<![\\p{L}\\p{N}])'}(${Object.keys(WORD_NUMBERS).join('|')}|${Object.keys(FRACTIONS).join('|')})${'(?![\\p{L}\\p{N}])'}`, 'iu');

/**
 * The most of a text the value patterns read: a report's quote, the longest text a pack gives them
 * (a page's sentence has at most MAX_SENTENCE_CHARS, 1,000). Whatever comes after is not read.
 */
export const MAX_VALUE_CHARS = 8_000;

export function extractValues(text: string, opts: { year?: number } = {}): Value[] {
  if (text.length > MAX_VALUE_CHARS) text = text.slice(0, MAX_VALUE_CHARS);
  // Most sentences carry no figure: the number patterns run only where a digit or a number word is.
  if (!HAS_DIGIT.test(text) && !HAS_NUMBER_WORD.test(text)) return [...extractPlaces(text), ...extractChannels(text), ...extractQuotes(text)].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Value[] = [];
  const taken: Span[] = [];
  const add = (v: Value) => {
    out.push(v);
    if (v.type !== 'quote' && v.type !== 'place' && v.type !== 'channel') taken.push({ start: v.start, end: v.end });
  };
  const approxBefore = (i: number) => APPROX.test(text.slice(Math.max(0, i - 16), i));

  // Dates: "December 28-29", "28–29 December", "Dec. 29, 2025", "2025-12-30".
  const year = opts.year ?? null;
  const iso = (y: number | null, m: number, d: number) => `${y ?? '0000'}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
  for (const m of text.matchAll(/\b(\d{4})-(\d{2})-(\d{2})\b/g)) {
    const d = iso(Number(m[1]), Number(m[2]), Number(m[3]));
    add({ type: 'date', start: m.index!, end: m.index! + m[0].length, text: m[0], from: d, to: d });
  }
  const monthFirst = new RegExp(`${B}(${MONTH_RE})\\.?\\s+(\\d{1,2})(?:\\s*${DASH}\\s*(\\d{1,2}))?(?:,?\\s+(\\d{4}))?${E}`, 'giu');
  const dayFirst = new RegExp(`${B}(\\d{1,2})(?:\\s*${DASH}\\s*(\\d{1,2}))?\\s+(${MONTH_RE})${E}\\.?(?:,?\\s+(\\d{4}))?`, 'giu');
  for (const m of text.matchAll(monthFirst)) {
    if (overlapsAny(taken, m.index!, m.index! + m[0].length)) continue;
    const mo = MONTHS[m[1].toLowerCase()];
    const y = m[4] ? Number(m[4]) : year;
    add({ type: 'date', start: m.index!, end: m.index! + m[0].length, text: m[0], from: iso(y, mo, Number(m[2])), to: iso(y, mo, Number(m[3] ?? m[2])) });
  }
  for (const m of text.matchAll(dayFirst)) {
    if (overlapsAny(taken, m.index!, m.index! + m[0].length)) continue;
    const mo = MONTHS[m[3].toLowerCase()];
    const y = m[4] ? Number(m[4]) : year;
    add({ type: 'date', start: m.index!, end: m.index! + m[0].length, text: m[0], from: iso(y, mo, Number(m[1])), to: iso(y, mo, Number(m[2] ?? m[1])) });
  }

  // Percentages: "75%", "75 percent", "75 per cent".
  for (const m of text.matchAll(/(?<!\d)(\d+(?:[.,]\d+)?)\s*(%|per\s?cent\b|percent\b|процент\p{L}*|відсот\p{L}*)/giu)) {
    if (overlapsAny(taken, m.index!, m.index! + m[0].length)) continue;
    add({ type: 'percent', start: m.index!, end: m.index! + m[0].length, text: m[0], value: Number(m[1].replace(',', '.')), unit: 'percent', approx: approxBefore(m.index!) });
  }
  // Fractions: "three-quarters", "a fifth", "one-fifth", "half", "two thirds", "пятую часть".
  const fracRe = new RegExp(`${B}(?:(a|an|${Object.keys(FRACTION_COUNTS).join('|')})[\\s-]+)?(${Object.keys(FRACTIONS).sort((a, b) => b.length - a.length).join('|')})${E}`, 'giu');
  for (const m of text.matchAll(fracRe)) {
    if (overlapsAny(taken, m.index!, m.index! + m[0].length)) continue;
    const frac = m[2].toLowerCase();
    const lead = (m[1] ?? '').toLowerCase();
    // "half" alone is a fraction; "a third"/"a fifth" need the article or number ("the third round" is not).
    if (!lead && !/^(half|[\u0400-\u04ff'])/.test(frac)) continue;
    const n = lead === 'a' || lead === 'an' || lead === '' ? 1 : (FRACTION_COUNTS[lead] ?? 1);
    add({ type: 'percent', start: m.index!, end: m.index! + m[0].length, text: m[0], value: round(n * FRACTIONS[frac]), unit: 'percent', approx: approxBefore(m.index!) });
  }

  // Distances: "15km", "15 km (9.3 miles)", "about 15 kilometres".
  const distRe = new RegExp(`${B}(${NUM_FIRST})\\s*(${Object.keys(DISTANCE_UNITS).sort((a, b) => b.length - a.length).join('|')})${E}`, 'giu');
  for (const m of text.matchAll(distRe)) {
    if (overlapsAny(taken, m.index!, m.index! + m[0].length)) continue;
    const n = parseNumber(m[1]);
    if (n == null) continue;
    add({ type: 'distance', start: m.index!, end: m.index! + m[0].length, text: m[0], value: round(n * DISTANCE_UNITS[m[2].toLowerCase()]), unit: 'km', approx: approxBefore(m.index!) || m[2].toLowerCase().startsWith('mi') });
  }

  // Durations: "15 years", "50-year", "30, 40, 50 years", "a 60-day cease-fire".
  const durRe = new RegExp(`${B}(${LIST})[\\s-]*(${Object.keys(DURATION_UNITS).sort((a, b) => b.length - a.length).join('|')})${E}`, 'giu');
  for (const m of text.matchAll(durRe)) {
    if (overlapsAny(taken, m.index!, m.index! + m[0].length)) continue;
    const nums = [...m[1].matchAll(new RegExp(NUM, 'giu'))].map((x) => parseNumber(x[0])).filter((x): x is number => x != null);
    if (!nums.length) continue;
    const unit = DURATION_UNITS[m[2].toLowerCase()];
    add({ type: 'duration', start: m.index!, end: m.index! + m[0].length, text: m[0], value: nums[nums.length - 1], values: nums, unit, approx: approxBefore(m.index!) });
  }

  // Counts of things: "91 long-range drones", "1.5 million soldiers", "two main issues", "20-point";
  // not the number of a name ("the M4 motorway", "an Il-22", "F-16 jets", "G7 leaders").
  const countRe = new RegExp(`((?:(?<!\\d)(?<!\\d[.,])(?<!\\p{L}[-‑]?)\\d+(?:[.,]\\d+)*|${NUMBER_WORDS}))(?:\\s+(${Object.keys(MULTIPLIERS).join('|')}))?((?:[\\s-]+[\\p{L}'’-]+){1,3})`, 'giu');
  for (const m of text.matchAll(countRe)) {
    const s = m.index!;
    const numEnd = s + m[1].length + (m[2] ? text.slice(s + m[1].length).indexOf(m[2]) + m[2].length : 0);
    if (overlapsAny(taken, s, numEnd)) continue;
    if (!m[2] && isYear(m[1])) continue;
    const base = parseNumber(m[1]);
    if (base == null) continue;
    let raw = m[3].split(/[\s-]+/).filter(Boolean);
    // "Нас 25 тысяч, и ...": a multiplier with no noun after it is read as the count's first word;
    // it multiplies, and is no noun of the count.
    let times = m[2] ? MULTIPLIERS[m[2].toLowerCase()] : 1;
    if (!m[2] && raw.length && isMultiplier(raw[0])) {
      times = MULTIPLIERS[raw[0].toLowerCase()];
      raw = raw.slice(1);
    }
    const value = base * times;
    // "one of the drones", "один из", "один з": a member of a group, no count of one.
    if (value === 1 && PARTITIVE_WORD.test(raw[0] ?? '')) continue;
    const words = raw.map((w) => stem(w.toLowerCase().replace(/[’']s$/, '')));
    add({ type: 'count', start: s, end: s + m[0].length, text: m[0].trim(), value, unit: words.join(' '), approx: approxBefore(s) });
  }

  // A toll names its count's people before the figure ("the death toll had risen to 115", "число
  // погибших возросло до 133", "кількість загиблих сягнула 133"): the figure after it in the clause,
  // when it has no noun of its own, counts those people.
  for (const m of text.matchAll(TOLL)) {
    const kind = TOLL_KINDS.find(([re]) => re.test(m[1]))!;
    const from = m.index! + m[0].length;
    const clause = text.slice(from, from + TOLL_REACH).split(/[;:!?]|\.(?!\d)/)[0];
    const n = /(?<![\p{L}\p{N}.,])\d+(?:[.,]\d{3})*(?![\p{N}]|[.,]\d)/u.exec(clause);
    if (!n) continue;
    const start = from + n.index;
    const end = start + n[0].length;
    const at = out.findIndex((v) => v.type === 'count' && v.start === start);
    if (at >= 0) {
      const first = (out[at].unit ?? '').split(' ')[0];
      // "133 on Sunday", "115 and was": no noun (the stop words hold the days and months).
      if (first && !isStopWord(first)) continue;
      out[at] = { ...out[at], end, text: n[0], unit: kind[1], toll: true };
    } else if (!overlapsAny(taken, start, end) && !isYear(n[0])) {
      const value = parseNumber(n[0]);
      if (value != null) add({ type: 'count', start, end, text: n[0], value, unit: kind[1], toll: true, approx: approxBefore(start) });
    }
  }

  out.push(...extractPlaces(text), ...extractChannels(text), ...extractQuotes(text));
  return out.sort((a, b) => a.start - b.start || b.end - a.end);
}

/** "death toll", "number of dead", "число погибших", "кількість загиблих": a count of people named before its figure. */
const TOLL = /(?<!\p{L})(death toll|toll|number of (?:the )?(?:dead|deaths|victims|fatalities|injured|wounded)|(?:число|количество)\s+(?:погибших|жертв|убитых|пострадавших|раненых)|(?:кількість|число)\s+(?:загиблих|жертв|убитих|постраждалих|поранених))(?!\p{L})/giu;
/** The people a toll counts, as a count's noun stems: people and who they are, in the toll's language. */
const TOLL_KINDS: [RegExp, string][] = (
  [
    [/injured|wounded/i, 'people injured'],
    [/toll|dead|deaths|victims|fatalities/i, 'people dead'],
    [/пострадавших|раненых/iu, 'человек людей пострадавших'],
    [/погибших|жертв|убитых/iu, 'человек людей погибших'],
    [/постраждалих|поранених/iu, 'осіб особи людей постраждалих'],
    [/загиблих|жертв|убитих/iu, 'осіб особи людей загиблих'],
  ] as const
).map(([re, words]) => [re, words.split(' ').map(stem).join(' ')]);
/** How far after a toll its figure may be: "put the death toll from the assault on the Krasnogorsk venue at 133". */
const TOLL_REACH = 80;

/** A number that is a year, 1900 to 2100, not a count ("in 2024"). */
function isYear(number: string): boolean {
  return /\d{4}/.test(number) && Number(number) >= 1900 && Number(number) <= 2100;
}

function round(n: number): number {
  return Math.round(n * 100) / 100;
}

// Places: "west of Moscow", "northwest of Moscow", "in northern Russia", "the Novgorod region".
const DIRS = 'north|south|east|west|north-?east|north-?west|south-?east|south-?west|northern|southern|eastern|western|north-?eastern|north-?western|south-?eastern|south-?western|central';
export function extractPlaces(text: string): Value[] {
  const out: Value[] = [];
  // A name is read up to 60 letters and hyphens (no place name comes near): a pattern that starts
  // again at each capital of "A-A-A-..." then reads a bounded stretch from each.
  for (const m of text.matchAll(new RegExp(`\\b(${DIRS})\\s+of\\s+(\\p{Lu}[\\p{L}-]+)`, 'gu'))) {
    out.push({ type: 'place', start: m.index!, end: m.index! + m[0].length, text: m[0], direction: dir(m[1]), landmark: m[2].toLowerCase() });
  }
  for (const m of text.matchAll(new RegExp(`\\b(${DIRS})\\s+(\\p{Lu}[\\p{L}-]+)`, 'gu'))) {
    if (/^(north|south|east|west)$/i.test(m[1]) && /^(Korea|America|Africa|Sudan|Macedonia|Carolina|Dakota|Bank|Virginia)$/.test(m[2])) continue;
    out.push({ type: 'place', start: m.index!, end: m.index! + m[0].length, text: m[0], area: `${dir(m[1])} ${m[2].toLowerCase()}` });
  }
  for (const m of text.matchAll(/\b(\p{Lu}[\p{L}-]{1,60})\s+(region|oblast|province|district|krai)\b/gu)) {
    out.push({ type: 'place', start: m.index!, end: m.index! + m[0].length, text: m[0], region: m[1].toLowerCase() });
  }
  // "Новгородской области", "Новгородській області": the region's adjective, compared by its stem.
  for (const m of text.matchAll(/(?<![\p{L}\p{N}])(\p{Lu}[\u0400-\u04ff'’-]{1,60}?)(?:ая|ой|ую|ий|ій|ої|ьку|ька|ькій|ської|ськ\p{L}{0,30})?\s+(област\p{L}{0,30}|облас\p{L}{0,30}|регион\p{L}{0,30}|регіон\p{L}{0,30})(?![\p{L}\p{N}])/gu)) {
    out.push({ type: 'place', start: m.index!, end: m.index! + m[0].length, text: m[0], region: m[1].toLowerCase() });
  }
  return out;
}
const TRANSLIT: Record<string, string> = {
  а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y',
  к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh',
  щ: 'shch', ъ: '', ы: 'y', ь: '', э: 'e', ю: 'yu', я: 'ya', "'": '', '’': '',
};
/** Cyrillic to Latin letters, to compare place names across scripts ("Новгород" ~ "novgorod"). */
export function translit(s: string): string {
  return [...s.toLowerCase()].map((c) => TRANSLIT[c] ?? c).join('');
}

/**
 * Whether two region names in different scripts are of different places: their consonants,
 * transliterated, differ from the start ("Курской" / "Bryansk"). Vowels and h/g, which spellings
 * of one name vary in ("Харьков" / "Kharkiv", "Луганск" / "Luhansk"), are not compared.
 */
export function otherRegion(a: string, b: string): boolean {
  const skeleton = (x: string) =>
    translit(x)
      .replace(/kh/g, 'x')
      .replace(/h/g, 'g')
      .replace(/[aeiouy'’-]/g, '')
      .slice(0, 3);
  const x = skeleton(a);
  const y = skeleton(b);
  return x.length >= 2 && y.length >= 2 && !x.startsWith(y) && !y.startsWith(x);
}

/** Two names of one region, whatever the script or case ending: one is a prefix of the other, of five letters or more. */
export function sameRegion(a: string, b: string): boolean {
  const x = translit(a).replace(/skoy|skaya|skiy|skoi|ska|sky$/, '');
  const y = translit(b).replace(/skoy|skaya|skiy|skoi|ska|sky$/, '');
  const n = Math.min(x.length, y.length);
  return n >= 5 && x.slice(0, n) === y.slice(0, n);
}

function dir(d: string): string {
  return d.toLowerCase().replace('-', '').replace(/ern$/, '');
}

// Channels: how a statement reached the public. Specific kinds first: "a statement posted on
// Telegram" is a Telegram post.
const CHANNELS: [string, RegExp][] = [
  ['Telegram post', /\bTelegram\b/i],
  ['televised remarks', /\b(televised|on television|on TV|on state TV)\b/i],
  ['post on X', /\b(on X|X post|tweet(ed)?|on Twitter)\b/],
  ['WhatsApp', /\bWhatsApp\b/i],
  ['interview', /\binterview\b/i],
  ['news conference', /\b(news|press) conference\b/i],
  ['social media', /\bsocial media\b/i],
  ['phone call', /\b(phone call|by phone|call with)\b/i],
  ['statement', /\bstatement\b/i],
  ['comments to media', /\bcomments reported by\b/i],
];
export function extractChannels(text: string): Value[] {
  for (const [channel, re] of CHANNELS) {
    const m = re.exec(text);
    if (m) return [{ type: 'channel', start: m.index, end: m.index + m[0].length, text: m[0], channel }];
  }
  return [];
}

// Quotes: words between double quotation marks (straight or curly), single quotes around a
// phrase ('lie'), with the quotation marks left out of the span.
export function extractQuotes(text: string): Value[] {
  const out: Value[] = [];
  const re = /“([^”]{1,600})”|"([^"]{1,600})"|„([^“”]{1,600})[“”]|«([^»]{1,600})»|(?<![\p{L}])'([^'\n]{2,120})'(?![\p{L}])/gu;
  for (const m of text.matchAll(re)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4] ?? m[5];
    const start = m.index! + 1;
    out.push({ type: 'quote', start, end: start + inner.length, text: inner });
  }
  return out;
}
