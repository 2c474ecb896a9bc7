import { describe, expect, it } from 'vitest';
import { ActorMatcher } from '../../lib/match/actors';
import { Lexicon } from '../../lib/text/lexicon';
import { compareSlot } from '../../lib/match/compare';
import type { Slot } from '../../lib/pack/schema';
import { MAX_SENTENCE_CHARS, splitSentences } from '../../lib/text/sentences';
import { normWord, stem } from '../../lib/text/tokens';
import { extractValues } from '../../lib/text/values';

const slot = (s: Partial<Slot> & Pick<Slot, 'type' | 'text'>): Slot => ({ name: 'x', ...s });
const status = (sl: Slot, sentence: string) => compareSlot(sl, extractValues(sentence, { year: 2025 })).status;

describe('sentences', () => {
  it('does not break after abbreviations and initials', () => {
    const s = splitSentences('U.S. President Donald Trump spoke. Col. Gen. Mikhail Teplinsky replied. Mr. Smith left.');
    expect(s.map((x) => x.text)).toEqual(['U.S. President Donald Trump spoke.', 'Col. Gen. Mikhail Teplinsky replied.', 'Mr. Smith left.']);
  });

  it("does not break inside a quote in single quotation marks, as British outlets write them", () => {
    const s = splitSentences("Crowds chanted 'Wagner! Wagner!', and some ran up. 'Russia's weakness is obvious. Full-scale weakness,' he said. The Wagners' trucks left. Rock 'n' roll lives.");
    expect(s.map((x) => x.text)).toEqual(["Crowds chanted 'Wagner! Wagner!', and some ran up.", "'Russia's weakness is obvious. Full-scale weakness,' he said.", "The Wagners' trucks left.", "Rock 'n' roll lives."]);
    expect(splitSentences('He called it ‘a lie. A plain lie’. Then he left.').map((x) => x.text)).toEqual(['He called it ‘a lie. A plain lie’.', 'Then he left.']);
  });

  it('keeps a heading and the paragraph after it apart, with offsets into the text', () => {
    const text = 'TERRITORIAL ISSUES UNRESOLVED\nTrump said the talks went well.';
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['TERRITORIAL ISSUES UNRESOLVED', 'Trump said the talks went well.']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
  });

  it('goes on after a quoted exclamation when the next word is in lower case', () => {
    expect(splitSentences('Люди скандировали «Вагнер!» и фотографировались с бойцами. Потом ушли.').map((x) => x.text)).toEqual(['Люди скандировали «Вагнер!» и фотографировались с бойцами.', 'Потом ушли.']);
    expect(splitSentences("He shouted 'Stop!' Then he left.").map((x) => x.text)).toEqual(["He shouted 'Stop!'", 'Then he left.']);
  });

  it('cuts a heading a page ran into its paragraph from it, and leaves names like WhatsApp whole', () => {
    const text = 'SEE ALSO: How The Kremlin Hides His Location With Three Offices Lavrov did not name the residence.'.replace('Offices Lavrov', 'OfficesLavrov');
    const s = splitSentences(text);
    expect(s.map((x) => x.text)).toEqual(['SEE ALSO: How The Kremlin Hides His Location With Three Offices', 'Lavrov did not name the residence.']);
    for (const x of s) expect(text.slice(x.start, x.end)).toBe(x.text);
    expect(splitSentences("Trump Says Peace Talks Moving In 'Right Direction' After MeetingTrump's meeting was long.").map((x) => x.text)[1]).toBe("Trump's meeting was long.");
    for (const t of ['Zelensky told reporters via WhatsApp that it was a lie.', 'How WhatsApp Changed The News For Everyone in the region.', "The McDonald's Corporation Closed Its Moscow Restaurants after the invasion.", 'Meet The New LinkedIn Page'])
      expect(splitSentences(t).map((x) => x.text)).toEqual([t]);
  });

  it('cuts text that runs on without a full stop into pieces, at spaces, so no claim spans a page', () => {
    const words = Array.from({ length: 2000 }, (_, i) => `Word${i}`).join(' ');
    const text = `Lavrov spoke. ${words} Then he left.`;
    const s = splitSentences(text);
    expect(s[0].text).toBe('Lavrov spoke.');
    expect(s.length).toBeGreaterThan(10);
    for (const x of s) {
      expect(x.text.length).toBeLessThanOrEqual(MAX_SENTENCE_CHARS);
      expect(text.slice(x.start, x.end)).toBe(x.text);
      expect(x.text).toMatch(/^\S.*\S$/s);
    }
    // Every word is in exactly one piece, none cut in two.
    expect(s.map((x) => x.text).join(' ')).toBe(text);
    // Without spaces at all (letters a page joined), still cut, at the limit.
    const run = 'x'.repeat(MAX_SENTENCE_CHARS * 3 + 5);
    expect(splitSentences(run).map((x) => x.text.length)).toEqual([MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, MAX_SENTENCE_CHARS, 5]);
  });

  it('keeps a quotation of several sentences together with its attribution', () => {
    const s = splitSentences('"It is late. We must go," he said. Then he left.');
    expect(s.map((x) => x.text)).toEqual(['"It is late. We must go," he said.', 'Then he left.']);
  });
});

describe('normalisation', () => {
  it('folds case, apostrophes, possessives and Latin diacritics, keeping Cyrillic letters', () => {
    expect(normWord('Putin’s')).toBe('putin');
    expect(normWord('Zelenskyy’s')).toBe('zelenskyy');
    expect(normWord('Élysée')).toBe('elysee');
    expect(normWord('Зеленський')).toBe('зеленський');
    expect(stem('attacked')).toBe(stem('attacks'));
    expect(stem('preparing')).toBe(stem('prepare'));
  });
});

describe('values', () => {
  it('"around 75%" agrees with "about three-quarters"', () => {
    const s = slot({ type: 'percent', text: 'around 75%', value: 75 });
    expect(status(s, 'Russia holds about three-quarters of the region.')).toBe('agrees');
    expect(status(s, 'Russia holds roughly 75 per cent of the region.')).toBe('agrees');
    expect(status(s, 'Russia holds about two-thirds of the region.')).toBe('contradicts');
  });

  it('"15km" agrees with "15 km (9.3 miles)" and "about 15 kilometres"; 25 km does not', () => {
    const s = slot({ type: 'distance', text: '15 km', value: 15, unit: 'km' });
    expect(status(s, 'Forces were 15km from the city.')).toBe('agrees');
    expect(status(s, 'Forces were 15 km (9.3 miles) from the city.')).toBe('agrees');
    expect(status(s, 'Forces were about 15 kilometres from the city.')).toBe('agrees');
    expect(status(s, 'Forces were 9.3 miles from the city.')).toBe('agrees');
    expect(status(s, 'Forces were 25 km from the city.')).toBe('contradicts');
  });

  it('"December 28-29" agrees with "28-29 December" and "December 29", not with "December 20"', () => {
    const [v] = extractValues('December 28-29', { year: 2025 });
    expect(v).toMatchObject({ type: 'date', from: '2025-12-28', to: '2025-12-29' });
    const s = slot({ type: 'date', text: 'December 28-29', from: v.from, to: v.to });
    expect(status(s, 'on 28-29 December')).toBe('agrees');
    expect(status(s, 'on December 28–29')).toBe('agrees');
    expect(status(s, 'posted on December 29')).toBe('agrees');
    expect(status(s, 'on December 20')).toBe('contradicts');
  });

  it('reads a toll as a count of the people it names before the figure, in three languages', () => {
    const dead = slot({ type: 'count', text: '133 people', value: 133, unit: 'people человек людей осіб' });
    expect(status(dead, 'The death toll rose to 133 on Sunday.')).toBe('agrees');
    expect(status(dead, "The Investigative Committee put the death toll from the assault on the venue at 115.")).toBe('contradicts');
    expect(status(dead, 'Число погибших возросло до 143.')).toBe('contradicts');
    expect(status(dead, 'Кількість загиблих, за даними слідчих, сягнула 133.')).toBe('agrees');
    // Of two figures of people, the one nearest the claim's is its figure told otherwise, not the detained.
    const o = compareSlot(dead, extractValues("Russia has detained 11 people over Friday's assault that left at least 115 people dead."));
    expect([o.status, o.status === 'contradicts' ? o.note : '']).toEqual(['contradicts', 'says 115 people']);
    // The figure's own noun wins ("the toll rose to 115 people"); a year, a percentage or another clause is no toll.
    expect(extractValues('The toll rose to 115 people.').map((v) => [v.value, v.unit])).toEqual([[115, 'peopl']]);
    expect(extractValues('The death toll of the 2004 siege was high.').filter((v) => v.type === 'count')).toEqual([]);
    expect(extractValues('Road tolls rose by 5%.').filter((v) => v.type === 'count')).toEqual([]);
    expect(extractValues('The death toll is unknown; 40 people were detained.').map((v) => [v.value, v.unit])).toEqual([[40, 'peopl wer detain']]);
  });

  it('counts things with their noun: 91 drones agrees, 89 drones contradicts, 91 soldiers is another count', () => {
    const s = slot({ type: 'count', text: '91 drones', value: 91, unit: 'drone' });
    expect(status(s, 'Ukraine launched 91 long-range drones.')).toBe('agrees');
    expect(status(s, 'Ukraine launched 89 drones.')).toBe('contradicts');
    expect(status(s, 'Some 91 soldiers were there.')).toBe('absent');
    expect(extractValues('more than 1.5 million soldiers')[0]).toMatchObject({ type: 'count', value: 1_500_000, approx: true });
    // A multiplier with no noun after it still multiplies: "«Нас 25 тысяч», ..." is 25,000, as "25,000 men" is.
    const count = (t: string) => extractValues(t).find((v) => v.type === 'count');
    expect(count('«Нас 25 тысяч, и мы идем разбираться»')).toMatchObject({ value: 25_000 });
    expect(count('«Нас 25 тисяч», – заявив він')).toMatchObject({ value: 25_000 });
    expect(count('1 constructor was hired')).toMatchObject({ value: 1 });
    // A member of a group is no count of one: "91 drones" is not contradicted by it.
    expect(count('Every one of the drones was brought down')).toBeUndefined();
    expect(count('один из беспилотников упал')).toBeUndefined();
    expect(status(slot({ type: 'count', text: '91 drones', value: 91, unit: 'drones' }), 'Every one of the drones was brought down')).toBe('absent');
  });

  it('reads no count in the number of a name: a road, an aircraft, a group', () => {
    for (const t of ['Columns drove north along the M4 motorway.', 'An Il-22 airborne command post was downed.', 'F-16 jets arrived.', 'G7 leaders met.', 'Covid-19 cases rose.'])
      expect(extractValues(t).filter((v) => v.type === 'count'), t).toEqual([]);
    expect(extractValues('the 20-point plan')[0]).toMatchObject({ type: 'count', value: 20 });
    expect(extractValues('six helicopters and an Il-22 were downed').map((v) => v.value)).toEqual([6]);
  });

  it('reads Russian and Ukrainian number words in their cases, and collective numerals', () => {
    const first = (t: string) => extractValues(t, { year: 2023 })[0];
    expect(first('Колони зупинилися приблизно за двісті кілометрів від Москви.')).toMatchObject({ type: 'distance', value: 200, unit: 'km' });
    expect(first('Задержаны четверо подозреваемых.')).toMatchObject({ type: 'count', value: 4 });
    expect(first('серед них і чотирьох імовірних стрільців')).toMatchObject({ type: 'count', value: 4 });
    expect(first('По словам двух источников, ...')).toMatchObject({ type: 'count', value: 2 });
    // Decades are a time, not a count of things a claim could require.
    expect(first('the most serious challenge in more than two decades')).toMatchObject({ type: 'duration', value: 2, unit: 'decade' });
    // A figure spelled out is checked like digits: "за двісті кілометрів" agrees with "200 km", "за триста" does not.
    const km = slot({ type: 'distance', text: '200 km', value: 200, unit: 'km' });
    expect(status(km, 'Колони зупинилися за двісті кілометрів від Москви.')).toBe('agrees');
    expect(status(km, 'Колони зупинилися за триста кілометрів від Москви.')).toBe('contradicts');
    // Words that only contain a number word, or share its letters, are none.
    expect(extractValues('Он потерял семью и место работы.')).toEqual([]);
    expect(extractValues('Сторона обвинения настаивает.')).toEqual([]);
  });

  it("a count whose unit is written in another script than the slot's agrees by its figure alone, and never contradicts", () => {
    const s = slot({ type: 'count', text: '91 long-range drones', value: 91, unit: 'drones' });
    expect(status(s, 'Украина направила 91 беспилотник на резиденцию')).toBe('agrees');
    expect(status(s, 'Погибли 45 человек')).toBe('absent');
    expect(status(s, 'Ukraine launched 91 missiles')).toBe('absent');
    expect(status(s, 'Ukraine launched 89 drones')).toBe('contradicts');
    // A unit the slot gives in both scripts is checked in both.
    expect(status({ ...s, unit: 'drones беспилотник' }, 'в деревне живут 91 человек')).toBe('absent');
  });

  it('a list of durations that includes the figure differs; another figure contradicts', () => {
    const s = slot({ type: 'duration', text: '50 years', value: 50, unit: 'year' });
    expect(status(s, 'he had sought a 50-year security deal')).toBe('agrees');
    const r = compareSlot(s, extractValues('the possibility of 30, 40, 50 years'));
    expect(r).toMatchObject({ status: 'differs', note: 'says 30, 40, 50 years' });
    expect(status(s, 'guarantees for 15 years')).toBe('contradicts');
  });

  it('places: another direction from the same landmark differs; a vaguer area differs; the same region agrees', () => {
    const s = slot({ type: 'place', text: 'Novgorod region, west of Moscow' });
    expect(compareSlot(s, extractValues('in the Novgorod region northwest of Moscow'))).toMatchObject({ status: 'differs', note: 'says northwest of Moscow' });
    expect(compareSlot(s, extractValues('a residence in northern Russia'))).toMatchObject({ status: 'differs', note: 'says northern Russia' });
    expect(status(s, 'in the Novgorod region, west of Moscow')).toBe('agrees');
    expect(status(s, 'in the Novgorod region')).toBe('agrees');
    expect(status(s, 'the house was quiet')).toBe('absent');
  });

  it('places in another script: another region contradicts, a loosely transliterated one is not called different', () => {
    const s = slot({ type: 'place', text: 'Bryansk region' });
    expect(status(s, 'Их задержали в Брянской области.')).toBe('agrees');
    expect(compareSlot(s, extractValues('Их задержали в Курской области.'))).toMatchObject({ status: 'contradicts', note: 'says Курской области' });
    expect(status(s, 'Їх затримали в Курській області.')).toBe('contradicts');
    // Харьков / Kharkiv: one city, spelt two ways; nothing is said rather than a false conflict.
    expect(status(slot({ type: 'place', text: 'Kharkiv region' }), 'Удар пришёлся по Харьковской области.')).toBe('absent');
  });

  it('channels: a Telegram post and televised remarks differ from a statement; "social media" covers X', () => {
    const statement = slot({ type: 'channel', text: 'a statement' });
    expect(compareSlot(statement, extractValues('In a statement posted on Telegram, Lavrov said'))).toMatchObject({ status: 'differs', note: 'says a post on Telegram' });
    expect(compareSlot(statement, extractValues('Lavrov appeared in televised remarks'))).toMatchObject({ status: 'differs', note: 'says televised remarks' });
    expect(status(statement, 'Lavrov said in a statement')).toBe('agrees');
    expect(status(slot({ type: 'channel', text: 'on X' }), 'Sybiha said on social media')).toBe('agrees');
  });

  it("quotes: the same words agree, another wording of them differs, someone's other words are no evidence", () => {
    const q = slot({ type: 'quote', text: 'Another round of lies from the Russian Federation' });
    expect(status(q, '“Another round of lies from the Russian Federation,” he told reporters.')).toBe('agrees');
    // Other wordings are told by the story's concept groups (a lie, a fabrication): without them, no evidence.
    const lexicon = new Lexicon([{ id: 'lie', words: ['lie', 'li', 'fabrication', 'fabricat'] }]);
    expect(compareSlot(q, extractValues('He called it “a complete fabrication”.'), lexicon)).toMatchObject({ status: 'differs', note: 'quotes “a complete fabrication”' });
    expect(compareSlot(q, extractValues('He called it “a complete fabrication”.'))).toMatchObject({ status: 'absent' });
    expect(compareSlot(q, extractValues('He called the claim a "lie."'), lexicon)).toMatchObject({ status: 'differs', note: 'quotes “lie”' });
    expect(status(q, 'He said: "We will meet again in January."')).toBe('absent');
  });
});

describe('actor mentions', () => {
  const m = new ActorMatcher([
    { actor: 'lavrov', text: 'Lavrov', safeAlone: true },
    { actor: 'lavrov', text: 'Sergei Lavrov', safeAlone: true },
    { actor: 'lavrov', text: 'Лавров', safeAlone: true },
    { actor: 'zelensky', text: 'Зеленський', safeAlone: true },
    { actor: 'zelensky', text: 'Зеленский', safeAlone: true },
    { actor: 'trump', text: 'Donald Trump', safeAlone: true },
    { actor: 'trump', text: 'Donald', safeAlone: false },
  ]);
  const found = (t: string) => m.find(t).map((x) => `${x.actor}:${x.text}`);

  it('matches the longest alias, whole words only', () => {
    expect(found('Sergei Lavrov spoke; Lavrovich did not.')).toEqual(['lavrov:Sergei Lavrov']);
  });

  it('finds inflected Russian and Ukrainian names', () => {
    expect(found('Заявление Сергея Лаврова и слова Зеленского')).toEqual(['lavrov:Лаврова', 'zelensky:Зеленского']);
    expect(found('Офіс Зеленського')).toEqual(['zelensky:Зеленського']);
    expect(found('Лавровка — село')).toEqual([]);
  });

  it('counts a first name only after the full name', () => {
    expect(found('Donald went home.')).toEqual([]);
    expect(found('Donald Trump spoke. Later Donald went home.')).toEqual(['trump:Donald Trump', 'trump:Donald']);
  });
});
