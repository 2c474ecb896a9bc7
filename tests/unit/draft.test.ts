// `crosscheck pack draft` (lib/draft): a story file from the articles alone, deterministic, that
// the compiler accepts; bad corpora refused with one line naming the file.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileCorpus } from '../../lib/compile/compiler';
import { parseStory } from '../../lib/compile/story';
import { DraftError, draftStory, type DraftInput } from '../../lib/draft/index';
import { sameNameWord } from '../../lib/draft/actors';
import { decodeText, readCorpus } from '../../lib/draft/corpus';
import { speakerOf, unitWord } from '../../lib/draft/claims';
import { headword, meanings } from '../../lib/draft/lexicon';
import { cyrillicSpellings, datelineEnd, LANGUAGE_CONCEPTS, OPEN_END, SUBORDINATOR } from '../../lib/draft/rules';
import { INTRODUCTORY } from '../../lib/text/phrases';
import { ScanEngine } from '../../lib/scan/engine';
import { extractValues } from '../../lib/text/values';
import { draftedPack, draftedScores } from '../helpers/drafted';

const CORPUS = path.resolve(__dirname, '../../assets/corpus');

function input(dir: string): DraftInput {
  const manifestFile = path.join(dir, 'manifest.json');
  return {
    dir,
    manifestFile,
    manifest: fs.existsSync(manifestFile) ? fs.readFileSync(manifestFile) : null,
    readArticle: (f) => (fs.existsSync(path.join(dir, f)) ? fs.readFileSync(path.join(dir, f)) : null),
  };
}

describe('pack draft', () => {
  const dir = path.join(CORPUS, 'crocus-city-hall-attack-2024-03');
  const draft = draftStory(input(dir));
  const story = parseStory(draft.yaml, 'draft.yaml');

  it('writes a story file the compiler builds, the same bytes each time', () => {
    expect(draftStory(input(dir)).yaml).toBe(draft.yaml);
    const { pack } = compileCorpus({
      manifestText: fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'),
      manifestFile: 'manifest.json',
      storyText: draft.yaml,
      storyFile: 'draft.yaml',
      readArticle: (f) => fs.readFileSync(path.join(dir, f), 'utf8'),
    });
    expect(pack.claims.length).toBeGreaterThan(15);
    expect(draft.stats.multiOutlet).toBeGreaterThanOrEqual(15);
  });

  it('finds actors with their spellings in three languages, first names not safe alone', () => {
    const putin = story.actors.find((a) => /Putin/.test(a.name))!;
    const texts = putin.aliases.map((x) => (typeof x === 'string' ? x : x.text));
    expect(texts).toEqual(expect.arrayContaining(['Putin', 'Путин', 'Путін']));
    expect(putin.aliases).toContainEqual({ text: 'Vladimir', safeAlone: false });
    expect(story.actors.find((a) => /Peskov/.test(a.name))?.role).toBe('Kremlin spokesman');
    expect(story.actors.find((a) => a.name === 'FSB')?.kind).toBe('organisation');
  });

  it('keeps the figure most outlets give and says which differ', () => {
    expect(draft.yaml).toMatch(/figures differ: .*115 .*133 |figures differ: .*133 .*115 /);
  });

  it(`writes a claim of one fact each: a lead's second figure is a claim of its own, both figures of "11 people, including the four gunmen" required`, () => {
    const detained = story.claims.find((c) => /detained 11 people, including all four gunmen\.$/.test(c.text));
    expect(detained?.requires).toEqual(['people', 'gunmen']);
    expect(detained?.anchors ?? {}).toEqual({});
    // ... and reads as one: not "Over an assault ..." of the lead's "detained 11 people ... over an assault".
    expect(story.claims.filter((c) => c.text !== detained?.text && /that killed at least 133 people\.$/.test(c.text)).map((c) => c.text)).toEqual(['An assault on a concert hall outside Moscow that killed at least 133 people.']);
    // An apposition left out never takes the predicate with it ("..., Islamic State Khorasan Province (ISKP), was behind it").
    expect(story.claims.filter((c) => /Afghan branch/.test(c.text)).map((c) => c.text)).toEqual([expect.stringMatching(/was behind it\.$/)]);
    // Appositions no other outlet repeats are left out; datelines too.
    expect(story.claims.filter((c) => /^Islamic State (has claimed|claimed responsibility for) .*attack on Crocus City Hall in Krasnogorsk\b/.test(c.text)).map((c) => c.text)).toEqual([expect.not.stringMatching(/suburb|outskirts/)]);
    expect(story.claims.every((c) => !/^[A-Z]{3,},/.test(c.text))).toBe(true);
    for (const dateline of ['MOSCOW/ROSTOV-ON-DON, June 24 (Meridian Wire) - ', 'МОСКВА/РОСТОВ-НА-ДОНУ, 24 июня. /ТАСС/. '])
      expect(datelineEnd(`${dateline}Yevgeny Prigozhin ordered his fighters to turn back.`)).toBe(dateline.length);
  });

  it(`gives concept groups from the corpus: the language's denial verbs, names across scripts, words the outlets swap`, () => {
    expect(story.concepts.deny).toEqual(expect.arrayContaining(['denied', 'reject*', 'відкида*', 'отверг*']));
    expect(story.concepts.krasnogorsk).toEqual(expect.arrayContaining(['krasnogorsk', 'красногорск*', 'красногорськ*']));
    expect(story.concepts.picnic).toEqual(expect.arrayContaining(['picnic', 'пикник*', 'пікнік*']));
    // A name's Cyrillic prefix is as long as the letters it shares, though a stemmer cuts the name shorter
    // ("Басманный" is "басман"): "басма*" would fold every word that starts so into it.
    expect(story.concepts.basmanny).toEqual(['basmanny', 'басманн*']);
    expect(Object.values(story.concepts).some((ws) => ws.includes('scum') && ws.includes('thugs'))).toBe(true);
    // Common words' cognates are every story's: not folded.
    expect(Object.values(story.concepts).flat()).not.toContain('president');
  });

  it('folds a name across scripts by its consonants, and keeps common abbreviations out', () => {
    const watson = story.actors.find((a) => a.name === 'Adrienne Watson')!;
    expect(watson.aliases.map((x) => (typeof x === 'string' ? x : x.text))).toEqual(expect.arrayContaining(['Уотсон', 'Вотсон']));
    expect(story.actors.some((a) => a.name === 'ЗМІ')).toBe(false);
  });

  it('folds spellings by their letters', () => {
    for (const [a, b] of [['Zelenskiy', 'Zelenskyy'], ['Zelensky', 'Зеленського'], ['Peskov', 'Пєсков'], ['Putin', 'Путіна'], ['Watson', 'Уотсон'], ['Watson', 'Вотсон']]) expect(sameNameWord(a, b), `${a} ~ ${b}`).toBe(true);
    for (const [a, b] of [['Putin', 'Путь'], ['Lavrov', 'Lavrentiy']]) expect(sameNameWord(a, b), `${a} !~ ${b}`).toBe(false);
  });
});

describe('pack draft, the bundled story told in English only', () => {
  const dir = path.join(CORPUS, 'putin-residence-claim-2025-12');
  const story = parseStory(draftStory(input(dir)).yaml, 'draft.yaml');
  const aliases = (name: RegExp) => story.actors.find((a) => name.test(a.name))!.aliases.map((x) => (typeof x === 'string' ? x : x.text));
  it('reads a count up to its noun, and gives the denial and lie groups the corpus uses', () => {
    expect(story.claims.some((c) => Object.values(c.slots).some((x) => typeof x !== 'string' && x.type === 'count' && x.text === '91 long-range drones'))).toBe(true);
    expect(Object.keys(story.concepts)).toEqual(expect.arrayContaining(['deny', 'lie']));
    // A picture's credit is no actor ("(Photo: Spencer Platt / Getty Images)"), nor is a province a person.
    expect(story.actors.filter((a) => /Getty|Platt|Images/.test(a.name)).map((a) => a.name)).toEqual([]);
    // A concession after the fact is another fact: "..., although it provided no evidence ..." is left out of the accusation.
    expect(story.claims.filter((c) => /^Russia accused Ukraine on Monday of trying to attack/.test(c.text)).map((c) => c.text)).toEqual(['Russia accused Ukraine on Monday of trying to attack President Vladimir Putin’s residence in northern Russia.']);
    // A translated verb is its root: "accused" meets "обвинила" and "обвинили", not only "обвиняет".
    const accused = Object.values(story.concepts).find((ws) => ws.includes('accused'))!;
    expect(['обвинила', 'обвиняет'].map((w) => accused.some((x) => x.endsWith('*') && w.startsWith(x.slice(0, -1))))).toEqual([true, true]);
    // "враньё" is a lie; Ukrainian "вранці" (in the morning) is not.
    const folds = (w: string) => story.concepts.lie.some((x) => (x.endsWith('*') ? w.startsWith(x.slice(0, -1)) : w === x));
    expect([folds('враньё'), folds('вранці')]).toEqual([true, false]);
  });
  it('spells the people it names in Latin letters only as Russian and Ukrainian pages do', () => {
    expect(aliases(/Lavrov/)).toContain('Лавров');
    expect(aliases(/Sybiha/)).toEqual(expect.arrayContaining(['Сибіга', 'Сибига']));
    expect(aliases(/Zelensk/)).toEqual(expect.arrayContaining(['Зеленский', 'Зеленський']));
    for (const [latin, cyrillic] of [['Prigozhin', 'Пригожин'], ['Shoigu', 'Шойгу'], ['Podolyak', 'Подоляк'], ['Yevgeny', 'Евгений'], ['Trump', 'Трамп'], ['Mikhail', 'Михаил'], ['Maria', 'Мария']]) expect(cyrillicSpellings(latin), latin).toContain(cyrillic);
    expect(cyrillicSpellings('Pushkin')).not.toContain('Пашкин');
  });
  it("gives the dictionary's Russian and Ukrainian for its claims' words, so that a Russian page meets them", () => {
    expect(Object.values(story.concepts).find((ws) => ws.includes('residence'))).toContain('резиденц*');
    expect(headword('seized')).toBe('seize');
    for (const [form, head] of [['fires', 'fire'], ['caring', 'care'], ['notes', 'note'], ['hoped', 'hope'], ['talks', 'talk'], ['boxes', 'box']]) expect(headword(form), form).toBe(head);
    expect(meanings('вертолеты')).toContain('helicopter');
    expect(meanings('гелікоптери')).toContain('helicopter');
    // Common words have too many meanings: none.
    expect(meanings('said')).toEqual([]);
    const pack = draftedPack(dir);
    const engine = ScanEngine.fromPacks([pack]);
    const found = engine.scanText('Дональд Трамп заявил журналистам, что гарантии безопасности для Украины готовы на 95 процентов.').claims;
    expect(found.map((c) => pack.claims.find((x) => `${pack.id}/${x.id}` === c.id || x.id === c.id)?.text)).toEqual([expect.stringMatching(/95% ready/)]);
    expect(engine.scanText('Лавров встретился в Пекине с министром иностранных дел Китая.').claims).toEqual([]);
  });
});

describe('pack draft, a story reported in Russian and Ukrainian too', () => {
  const dir = path.join(CORPUS, 'crocus-city-hall-attack-2024-03');
  const draft = draftStory(input(dir));
  it("translates no word of a claim that Russian or Ukrainian reports tell: they are weighed there by the reports' own words", () => {
    const story = parseStory(draft.yaml, 'draft.yaml');
    const told = story.claims.filter((c) => c.cues.ru?.length || c.cues.uk?.length);
    expect(told.length).toBeGreaterThan(5);
    // The dictionary's translations: not the language's own groups (LANGUAGE_CONCEPTS: "denied" is `deny` in every story).
    const own = new Set(LANGUAGE_CONCEPTS.map((g) => g.id));
    const translated = new Set(Object.entries(story.concepts).filter(([id, ws]) => !own.has(id) && ws.some((w) => /[\u0400-\u04ff]/.test(w))).flatMap(([, ws]) => ws));
    // Their words written in lower case (names have their own groups across scripts), but the nouns of their counts.
    const units = new Set(story.claims.flatMap((c) => Object.values(c.slots).flatMap((x) => (typeof x !== 'string' && x.type === 'count' ? (x.unit ?? '').split(' ') : []))));
    for (const c of told) for (const w of c.text.match(/(?<![\p{L}'’])[a-z]{6,}(?![\p{L}])/gu) ?? []) if (!units.has(w)) expect(translated.has(w), `${c.id}: ${w}`).toBe(false);
  });
});

describe('pack draft, what is no report of a fact', () => {
  it('reads titles, subheadings and short questions as headlines; paragraphs, list items and long lines as reports', () => {
    const long = `The convoy, ${'which had driven north along the motorway for most of the day, '.repeat(4)}stopped 200 km from the capital`;
    const text = `Wagner chief halts march on Moscow\r\n\nThe convoy stopped 200 km from the capital. It turned back.\n\nWhat next for Wagner?\n\nKyiv: 'Full-scale weakness'\n\nHis adviser said the state had lost its monopoly on violence.\n\nThe army advanced 5 km. Will it hold?\n\n- 12 drones were shot down over Kyiv\n\n${long}`;
    const manifest = Buffer.from(JSON.stringify({ story: 'x', articles: [{ file: '000_a.txt', outlet: 'A', language: 'en' }] }));
    const corpus = readCorpus({ dir: 'x', manifestFile: 'x/manifest.json', manifest, readArticle: () => Buffer.from(text) });
    expect(corpus.sentences.map((s) => [s.text, s.headline])).toEqual([
      ['Wagner chief halts march on Moscow', true],
      ['The convoy stopped 200 km from the capital.', false],
      ['It turned back.', false],
      ['What next for Wagner?', true],
      ["Kyiv: 'Full-scale weakness'", true],
      ['His adviser said the state had lost its monopoly on violence.', false],
      ['The army advanced 5 km.', false],
      ['Will it hold?', true],
      ['- 12 drones were shot down over Kyiv', false],
      [long, false],
    ]);
  });
});

describe("a quote's speaker", () => {
  const kindOf = new Map([['prigozhin', 'person'], ['peskov', 'person']]);
  const speaker = (text: string, names: string[]) => {
    const mentions = names.map((n) => ({ actor: n.toLowerCase(), start: text.indexOf(n), end: text.indexOf(n) + n.length }));
    return speakerOf(text, mentions, kindOf, extractValues(text));
  };
  it('is the actor named before the reporting verb, and no one when a pronoun says it', () => {
    expect(speaker('"Prigozhin will go to Belarus," Peskov said.', ['Prigozhin', 'Peskov'])).toBe('peskov');
    expect(speaker('"Excessive ambitions have led to treason," he said, without mentioning Mr. Prigozhin by name.', ['Prigozhin'])).toBeNull();
    expect(speaker('«Непомерные амбиции привели к измене», — заявил он, не назвав Пригожина по имени.', ['Пригожина'])).toBeNull();
  });
  it('after the verb, is the one it names next, not the object of what was said', () => {
    expect(speaker('The talks will go on, said the Kremlin spokesman Peskov.', ['Peskov'])).toBe('peskov');
    expect(speaker("Russia accused Ukraine on Monday of trying to attack Prigozhin's headquarters.", ['Prigozhin'])).toBeNull();
  });
});

describe("a count's noun", () => {
  const noun = (text: string) => extractValues(text).filter((v) => v.type === 'count').map(unitWord);
  it('is read past multipliers and "of" with its determiners, and is no function word', () => {
    expect(noun('they had detained 11 people, including all four gunmen')).toEqual(['people', 'gunmen']);
    expect(noun('Ukraine launched 91 long-range drones')).toEqual(['drones']);
    expect(noun('he declared that 25,000 of his fighters were ready')).toEqual(['fighters']);
    expect(noun('more than 1.5 million soldiers')).toEqual(['soldiers']);
    expect(noun('«Нас 25 тысяч, и мы идем разбираться»')).toEqual(['']);
    expect(noun('four were seized')).toEqual(['were']);
    // A toll's figure has its noun before it (lib/text/values.ts reads "people"): none after it.
    expect(noun('the toll rose to 133 as emergency crews searched')).toEqual(['']);
    expect(noun('the crowd grew to 133 as emergency crews searched')).toEqual(['as']);
    // A Russian or Ukrainian adjective before the noun is no noun.
    expect(noun('загинули щонайменше 13 російських льотчиків')).toEqual(['льотчиків']);
    expect(noun('погибли не менее 10 военных летчиков')).toEqual(['летчиков']);
    // A noun shaped like an adjective is the noun before a function word.
    expect(noun('задержаны 4 подозреваемых в теракте')).toEqual(['подозреваемых']);
    expect(noun('известно о 143 погибших и 360 раненых')).toEqual(['погибших', 'раненых']);
  });
  it('of the figure most reports give is required; one fewer reports give is not', () => {
    const pack = draftedPack(path.resolve(__dirname, '../fixtures/unseen/corpus'));
    const downed = pack.claims.find((c) => c.slots.some((x) => /helicopters/.test(x.text ?? '')) && c.slots.some((x) => /airmen/.test(x.text ?? '')));
    expect(downed?.requires).toEqual([downed!.slots.find((x) => /airmen/.test(x.text ?? ''))!.name]);
    expect(downed!.slots.find((x) => /airmen/.test(x.text ?? ''))!.unit).not.toMatch(/російськ|российск/);
  });
  it('is known in the other languages, so that a figure told there is checked: the same agrees, another differs, another noun is another count', () => {
    // "Нас 25 тысяч" of the Russian report has no noun; the dictionary knows "fighters" as боец (бойцов) and боєць (бійців).
    const engine = ScanEngine.fromPacks([draftedPack(path.resolve(__dirname, '../fixtures/unseen/corpus'))]);
    const scan = (t: string, lang: string) => engine.scanText(t, { lang }).claims.map((c) => [c.text.slice(0, 40), c.verdict]);
    const claim = 'Prigozhin then declared that 25,000 of h';
    expect(scan('Пригожин заявлял, что за ним идут 40 тысяч бойцов.', 'ru')).toEqual([[claim, 'contradicted']]);
    expect(scan('Пригожин запевняв, що за ним стоять 30 тисяч бійців.', 'uk')).toEqual([[claim, 'contradicted']]);
    expect(scan('Пригожин заявлял, что за ним идут 25 тысяч бойцов.', 'ru')).toEqual([[claim, 'corroborated']]);
    expect(scan('Пригожин заявлял, что у него 40 тысяч танков.', 'ru')).toEqual([]);
  });
});

describe('drafted packs on the held-out pages of their stories (npm run quality -- --drafted)', () => {
  const { pages, elsewhere } = draftedScores();
  const sum = (list: typeof pages) => list.reduce((n, p) => n + p.score.found, 0);
  // Today's figures, rounded down (docs/drafting.md): far below the curated packs' and the goal of 0.60.
  it('find at least 64 of the 126 held-out sentences (58 as the right claim), 17 of the unseen story (16 right), with at most two claims on its near misses', () => {
    expect(sum(pages)).toBeGreaterThanOrEqual(64);
    const right = (list: typeof pages) => list.reduce((n, p) => n + (p.right?.found ?? 0), 0);
    // Every page's facts are known: the curated packs' reports, and tests/fixtures/unseen/facts.json.
    expect(pages.every((p) => p.right)).toBe(true);
    expect(right(pages)).toBeGreaterThanOrEqual(58);
    const unseen = pages.filter((p) => p.story === 'unseen');
    expect(sum(unseen)).toBeGreaterThanOrEqual(17);
    expect(right(unseen)).toBeGreaterThanOrEqual(16);
    expect(unseen.reduce((n, p) => n + p.score.falseMatches.length, 0)).toBeLessThanOrEqual(2);
  });
  it('find a claim told in other words where the sentence names all its actors, and not where it leaves one out', () => {
    const engine = ScanEngine.fromPacks([draftedPack(path.resolve(__dirname, '../fixtures/unseen/corpus'))]);
    const claims = (t: string) => engine.scanText(t, { lang: 'en' }).claims.map((c) => c.text);
    // The claim: "Shortly after 8pm local time Lukashenko's office said that Prigozhin had accepted an offer to halt his forces ...".
    expect(claims('Belarusian leader Alexander Lukashenko mediated the agreement that persuaded Prigozhin to stand down.')).toEqual([expect.stringContaining("Lukashenko's office said that Prigozhin")]);
    expect(claims('Belarusian leader Alexander Lukashenko mediated the agreement that persuaded the mercenary chief to stand down.')).toEqual([]);
  });
  it('in another language than a claim\'s statement, take a name and one word of its cues for no claim of it', () => {
    const engine = ScanEngine.fromPacks([draftedPack(path.resolve(__dirname, '../fixtures/unseen/corpus'))]);
    // A page of the story: its strong match lets weak ones show.
    const story = 'У Кремлі пообіцяли, що кримінальну справу проти Пригожина закриють.';
    const claims = (t: string) => engine.scanText(`${story}\n\n${t}`, { lang: 'uk' }).claims.filter((c) => c.matches.some((m) => m.start > story.length)).map((c) => c.text);
    // The claim "Prigozhin confirmed in an audio message that he was ordering his columns back ...", whose
    // Ukrainian cues are one report's words ("столиці, той, момент, російської, колони").
    for (const t of ['Пригожин вимагав відставки російського міністра оборони.', 'Пригожин звинуватив російського генерала у брехні.', 'Пригожин назвав російського міністра оборони зрадником.'])
      expect(claims(t).filter((c) => /^Prigozhin confirmed in an audio message/.test(c)), t).toEqual([]);
    // Nor a name and one word of the claim whose Ukrainian cues are the report of his demand for Shoigu ("вимагав видати йому очільника російського Міноборони").
    expect(claims('Пригожин звинуватив російського генерала у брехні.')).toEqual([]);
    // A figure beside the name and a word is two pieces: the 25,000 fighters.
    expect(claims('Пригожин похвалився, що за ним стоять 25 тисяч бійців.')).toEqual([expect.stringContaining('25,000 of his fighters')]);
  });
  it('set a figure against a claim whose actors the sentence names, not against their other doings', () => {
    const engine = ScanEngine.fromPacks([draftedPack(path.join(CORPUS, 'putin-residence-claim-2025-12'))]);
    const scan = (t: string) => engine.scanText(t, { lang: 'en' }).claims.map((c) => [c.text.slice(0, 40), c.verdict]);
    // The claim: "Colonel-General Mikhail Teplinsky, commander of Russia's Dnieper military grouping, told Putin that Russian forces were 15 km from its biggest city".
    expect(scan('Teplinsky told Putin that his troops were 25 km from Zaporizhzhia.')).toEqual([['Colonel-General Mikhail Teplinsky, comma', 'contradicted']]);
    expect(scan('Putin and Teplinsky flew 300 km to inspect a training ground near Moscow.')).toEqual([]);
  });
  it('meet a Russian or Ukrainian page through the Cyrillic spellings of the places only English reports name, not of the names that have their own', () => {
    // The drone story's corpus is English only: "Moscow also claims the Donbas, the Donetsk and Luhansk regions, as well as the Zaporizhzhia and Kherson regions."
    const pack = draftedPack(path.join(CORPUS, 'putin-residence-claim-2025-12'));
    const engine = ScanEngine.fromPacks([pack]);
    const claims = (t: string, lang: string) => engine.scanText(t, { lang }).claims.map((c) => c.text);
    expect(claims('Москва вимагає визнати своїми Луганську, Херсонську та Донецьку області, хоча світ визнає їх українськими.', 'uk')).toEqual([expect.stringContaining('Moscow also claims the Donbas')]);
    expect(claims('Москва претендует на Луганскую, Донецкую, Запорожскую и Херсонскую области.', 'ru')).toEqual([expect.stringContaining('Moscow also claims the Donbas')]);
    const concepts = pack.stories[0].concepts ?? [];
    expect(concepts.find((c) => c.id === 'novgorod')?.words).toContain('новгоро*');
    // "Moscow" is Москва, "Russia" Россия: no romanisation gives them.
    expect(concepts.filter((c) => ['moscow', 'russia', 'ukraine', 'florida'].includes(c.id))).toEqual([]);
  });
  it('find a short claim a sentence states nearly all of by one word of its statement, on a page of the story only', () => {
    const engine = ScanEngine.fromPacks([draftedPack(path.join(CORPUS, 'crocus-city-hall-attack-2024-03'))]);
    const claims = (t: string) => engine.scanText(t, { lang: 'en' }).claims.map((c) => c.text);
    const story = 'Russian authorities said they had detained 11 people, among them the four gunmen, after the attack on Crocus City Hall.';
    // The claim: "Sunday was a national day of mourning." Its one specific word is "mourning".
    expect(claims(`${story}\n\nPutin designated Monday a day of national mourning for the victims.`)).toContain('Sunday was a national day of mourning.');
    expect(claims('Putin designated Monday a day of national mourning for the victims.')).toEqual([]);
    // Its cues ("bloody", "barbaric", of the reports it was aligned with) are no such word.
    expect(claims(`${story}\n\nPutin condemned a bloody and barbaric act of terror.`)).not.toContain('Sunday was a national day of mourning.');
  });
  it('show nothing on ordinary text, and on other events only the unseen story itself', () => {
    for (const e of elsewhere.filter((x) => x.fixture.name.startsWith('ordinary'))) expect(e.claims).toEqual([]);
    // tests/fixtures/blind/other-en.json and other-uk.json, written for the two bundled stories, tell the mutiny in a sentence each.
    const other = elsewhere.filter((x) => x.fixture.name.startsWith('other')).flatMap((x) => x.claims);
    expect(other.filter((c) => !/Rostov-on-Don in June 2023|^У червні 2023 року бійці «Вагнера»/.test(c.text))).toEqual([]);
  });
  it("take the story's dates from the articles when the manifest gives none, so that another month is another event", () => {
    const pack = draftedPack(path.resolve(__dirname, '../fixtures/unseen/corpus'));
    expect(pack.stories[0].dates).toEqual(['2023-06-24', '2023-06-25', '2023-06-26']);
    // A text is never cut where it leaves a clause open ("... when Wagner units were."); a year, a
    // time or an attribution ends one well.
    for (const w of ['were', 'the', 'when', 'и', 'що']) expect(OPEN_END.test(w), w).toBe(true);
    for (const w of ['2014', 'night', 'said', 'ago', 'belarus']) expect(OPEN_END.test(w), w).toBe(false);
    expect(pack.claims.filter((c) => /\b(were|was|and|the|of|when|to)\.?$/.test(c.text)).map((c) => c.text)).toEqual([]);
    expect(pack.claims.some((c) => /^The deal was struck when Wagner units were, .*125 miles/.test(c.text))).toBe(true);
    // An introductory phrase keeps the clause it opens: not "Under the deal announced on Saturday night."
    expect(pack.claims.some((c) => c.text === 'Under the deal announced on Saturday night, he is supposed to move to Belarus.')).toBe(true);
    expect(INTRODUCTORY.test('По условиям сделки')).toBe(true);
    expect(SUBORDINATOR.test('если Киев причастен')).toBe(true);
    // A place or body before a name is no first name ("президента Білорусі Олександра Лукашенка",
    // "речник Кремля Дмитро Пєсков"): "Belarus" and "Kremlin" stay words of their own.
    const aliases = (id: string) => pack.actors.find((a) => a.id === id)!.aliases.map((x) => (typeof x === 'string' ? x : x.text));
    expect(aliases('alexander-lukashenko')).not.toEqual(expect.arrayContaining(['Belarus']));
    expect(aliases('alexander-lukashenko').filter((x) => /Belarus|Білорус/.test(x))).toEqual([]);
    expect(aliases('dmitry-peskov').filter((x) => /Kremlin|Кремл/.test(x))).toEqual([]);
    // Nor is a word before a name the corpus writes alone elsewhere ("Президент України Володимир
    // Зеленський" beside "Volodymyr Zelensky"): "Ukraine" is no first name of Zelensky's.
    expect(aliases('volodymyr-zelensky').filter((x) => /Ukrain|Україн/.test(x))).toEqual([]);
    expect(aliases('volodymyr-zelensky')).toContain('Володимир Зеленський');
    expect(aliases('valery-gerasimov').filter((x) => /Генштаб/.test(x))).toEqual([]);
    // Who wrote it and where (the dateline "MOSCOW/ROSTOV-ON-DON, June 24 (Meridian Wire) - ") is no cue nor concept.
    expect(JSON.stringify([pack.claims.map((c) => c.cues), pack.stories[0].concepts ?? []])).not.toMatch(/meridian|ledger|northgate/i);
    // The number of a road is no count: "the M4 motorway" requires no "4 motorway".
    expect(pack.claims.flatMap((c) => c.slots).filter((x) => /motorway/.test(x.text ?? ''))).toEqual([]);
    // "Downing Street" and "Red Square" are places, not people; so is a province ("Islamic State Khorasan Province" of the crocus story).
    expect(parseStory(draftStory(input(path.join(CORPUS, 'crocus-city-hall-attack-2024-03'))).yaml, 'x.yaml').actors.filter((a) => /Province/.test(a.name))).toEqual([]);
    expect(pack.actors.filter((a) => /street|square/i.test(a.name))).toEqual([]);
    const other = elsewhere.find((x) => x.fixture.name === 'other-en')!.claims;
    expect(other.filter((c) => /August 2023/.test(c.text))).toEqual([]);
  });
});

describe('bad corpora', () => {
  it('refuses a folder without manifest, naming the file', () => {
    expect(() => draftStory({ dir: 'x', manifestFile: 'x/manifest.json', manifest: null, readArticle: () => null })).toThrow(/x\/manifest\.json: no manifest\.json/);
  });
  it('refuses a missing article and one that is not UTF-8, with its line', () => {
    const manifest = Buffer.from(JSON.stringify({ story: 'x', articles: [{ file: '000_a.txt', outlet: 'A', language: 'en' }] }));
    expect(() => draftStory({ dir: 'x', manifestFile: 'x/manifest.json', manifest, readArticle: () => null })).toThrow(/000_a\.txt not found/);
    expect(() => decodeText(Buffer.from([0x61, 0x0a, 0xff, 0xfe]), 'a.txt')).toThrow(DraftError);
    expect(() => decodeText(Buffer.from([0x61, 0x0a, 0xff, 0xfe]), 'a.txt')).toThrow(/a\.txt:2: not UTF-8/);
  });
  it('drafts a single outlet, saying nothing is corroborated', () => {
    const d = draftStory(input(path.resolve(__dirname, '../fixtures/draft/one-outlet')));
    expect(d.warnings.join(' ')).toMatch(/nothing is corroborated/);
    expect(d.yaml).toMatch(/single-source/);
    parseStory(d.yaml, 'one.yaml');
  });
});
