// The scanning engine on pages written for the tests (tests/fixtures: paraphrases of the story in
// English, Russian and Ukrainian, and near misses), and on the saved real pages.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { articleHtml } from '../../scripts/article-page.mjs';
import { htmlToText } from '../../lib/extract/html';
import { ScanEngine } from '../../lib/scan/engine';
import { ActorMatcher } from '../../lib/match/actors';
import { analyseSentence, ClaimIndex } from '../../lib/match/claims';
import type { Claim } from '../../lib/pack/schema';
import { Lexicon } from '../../lib/text/lexicon';
import { chunkText, mergeScanResults, shiftScanResult } from '../../lib/scan/merge';
import { bundledPack, bundledPacks, ROOT } from '../helpers/corpus';

interface Fixture {
  lang: string;
  title: string;
  actors: string[];
  sentences: { text: string; claim: string; verdict?: string }[];
  nearMisses: string[];
}
const engine = ScanEngine.fromPacks([bundledPack()]);
const FIXTURES = path.join(ROOT, 'tests/fixtures');
function page(f: Fixture): string {
  return articleHtml(f.title, [...f.sentences.map((s) => s.text), ...f.nearMisses].join('\n'), {
    lang: f.lang,
    head: '<script>var x = "Lavrov said 91 drones";</script>',
    before: '<nav><a href="/">Home</a></nav>',
    after: `<div style="display:none">Putin's residence was attacked by 91 drones, Lavrov said.</div>`,
  });
}

for (const file of fs.readdirSync(FIXTURES).filter((f) => f.startsWith('paraphrase-') && f.endsWith('.json'))) {
  const f = JSON.parse(fs.readFileSync(path.join(FIXTURES, file), 'utf8')) as Fixture;
  describe(`scanning ${file}`, () => {
    const { text, lang } = htmlToText(page(f));
    const result = engine.scanText(text, { lang: lang ?? 'en' });
    const claimsAt = (sentence: string) => result.claims.filter((c) => c.matches.some((m) => m.text.includes(sentence) || sentence.includes(m.text)));

    it('finds the actors', () => {
      expect(result.actors.map((a) => a.id).sort()).toEqual(expect.arrayContaining([...f.actors].sort()));
    });

    it.each(f.sentences)('matches "$text" to $claim', ({ text: sentence, claim, verdict }) => {
      const hit = claimsAt(sentence).find((c) => c.id === claim);
      expect(hit, `claims found: ${result.claims.map((c) => `${c.id} @ ${c.match.text.slice(0, 40)}`).join(' | ')}`).toBeDefined();
      if (verdict) {
        const m = result.claims.find((c) => c.id === claim && (c.match.text.includes(sentence) || sentence.includes(c.match.text)));
        expect(m?.verdict ?? hit!.verdict).toBe(verdict);
      }
      expect(hit!.sources.length).toBeGreaterThan(0);
    });

    it('matches no claim to the near misses', () => {
      for (const s of f.nearMisses) expect(claimsAt(s).map((c) => c.id), s).toEqual([]);
    });

    it('does not scan scripts or hidden text', () => {
      expect(text).not.toMatch(/var x|residence was attacked/);
    });
  });
}

describe('the conflicting figure', () => {
  it('says what the page says and what the outlets say', () => {
    const r = engine.scanText('Lavrov claimed Ukraine had sent 89 drones against the presidential residence in the Novgorod region.');
    const drone = r.claims.find((c) => c.id === 'drone-attack')!;
    expect(drone.verdict).toBe('contradicted');
    expect(drone.conflict).toMatchObject({ page: '89 drones', outlets: '91 drones' });
    expect(drone.conflict!.note).toMatch(/^This page says 89 drones; .+ say 91 drones$/);
    expect(drone.sources.every((s) => s.stance === 'contradicts')).toBe(true);
  });

  it('compares each outlet with what the page says: a page saying "northwest" agrees with RFE/RL only', () => {
    const r = engine.scanText('Kyiv was accused of targeting the residence in the Novgorod region northwest of Moscow.');
    const loc = r.claims.find((c) => c.id === 'residence-location')!;
    expect(loc.sources.filter((s) => s.stance === 'corroborates').map((s) => s.outlet)).toEqual(['RFE/RL']);
    expect(loc.sources.find((s) => s.outlet === 'Reuters')).toMatchObject({ stance: 'differs', differences: ['says west of Moscow'] });
  });

  it("sets another place against the claim's only where the sentence tells the claim, not where it shares the place's words", () => {
    // The claim: "The residence Russia says was targeted is in the Novgorod region, west of Moscow."
    const story = 'Russian Foreign Minister Sergei Lavrov said Ukraine had tried to attack Putin’s residence in the Novgorod region with 91 drones.';
    const verdicts = (t: string) => engine.scanText(`${story}\n\n${t}`).claims.filter((c) => c.matches.some((m) => m.start > story.length)).map((c) => [c.id, c.verdict]);
    expect(verdicts('Russia wants Ukraine to pull its troops out of the parts of the Donetsk region that Moscow has failed to occupy.')).toEqual([['donbas-withdrawal-demand', 'corroborated']]);
    expect(verdicts('Moscow says the residence that came under attack lies in the Tver region, west of the capital.')).toEqual([['residence-location', 'contradicted']]);
  });
});

describe('a claim stated in the words of the news', () => {
  const both = ScanEngine.fromPacks(bundledPacks());
  // Ukraine, denying, an attack; the hurt: the setting of many stories' news, and words of the drone story's pack too.
  const said = ['Українська сторона відкинула будь-яку причетність до теракту в Красногорську.', 'More than 140 were hurt in the attack, Russian doctors said.'];
  const ids = (text: string) => both.scanText(text).claims.map((c) => c.id);

  it('is not shown on a page that is not about its story', () => {
    for (const s of said) expect(ids(s), s).toEqual([]);
  });

  it('is shown on a page that plainly is, where those words tell its claims apart', () => {
    const page = ['Gunmen in camouflage fired on concertgoers at the Crocus City Hall near Moscow before setting the hall on fire.', ...said].join('\n\n');
    expect(ids(page)).toEqual(expect.arrayContaining(['kyiv-denies-involvement', 'injured']));
  });

  it("but those words alone, with none of the claim's own, state nothing", () => {
    // A region and a residence: the drone story's setting, not its claim that Valdai is meant.
    const found = ids('По словам Лаврова, Украина направила 91 беспилотник на резиденцию президента в Новгородской области.');
    expect(found).toEqual(expect.arrayContaining(['drone-attack', 'residence-location']));
    expect(found).not.toContain('valdai-compound');
    expect(found).not.toContain('russia-claims-regions');
  });

  it('nor does a sentence that places what it tells in other months', () => {
    expect(ids('In August, Lavrov said, Ukraine sent 91 drones against the presidential residence in the Novgorod region.')).toEqual([]);
    expect(ids('В августе, по словам Лаврова, Украина направила 91 беспилотник на резиденцию президента в Новгородской области.')).toEqual([]);
    expect(ids('In December, Lavrov said, Ukraine sent 91 drones against the presidential residence in the Novgorod region.')).toContain('drone-attack');
    // With the story's year, the month still tells; another year already does.
    expect(ids('In August 2025, Lavrov said, Ukraine sent 91 drones against the presidential residence in the Novgorod region.')).toEqual([]);
    expect(ids('In December 2025, Lavrov said, Ukraine sent 91 drones against the presidential residence in the Novgorod region.')).toContain('drone-attack');
    // So does a day of another month ("on 23 August"); a claim's own date slot is of its months.
    expect(ids('On August 23, Lavrov said, Ukraine sent 91 drones against the presidential residence in the Novgorod region.')).toEqual([]);
    expect(ids('23 августа, по словам Лаврова, Украина направила 91 беспилотник на резиденцию президента в Новгородской области.')).toEqual([]);
    expect(ids('On December 29, Lavrov said, Ukraine sent 91 drones against the presidential residence in the Novgorod region.')).toContain('drone-attack');
    expect(ids("Moscow's Basmanny district court charged the four men with terrorism and remanded them in custody until May 22.")).toContain('court-remand');
    // A month of another year is the background: the year rule reads it.
    expect(ids('Russia, which invaded Ukraine in February 2022, controls about a fifth of the country, including Crimea, which it annexed in 2014.')).toContain('fifth-of-ukraine');
    expect(ids('Russia controls about a fifth of Ukraine, including Crimea, which it annexed in March 2014.')).toContain('fifth-of-ukraine');
  });
});

describe('a claim stated in Russian', () => {
  // A drafted claim that only Russian and Ukrainian outlets report has a Russian text: a Russian
  // sentence must cover its words, not only its concept words ("Москва").
  const lexicon = new Lexicon([{ id: 'moscow', words: ['moscow', 'москв*'] }]);
  const claim: Claim = { id: 'halt', story: 's', text: 'Колонны «Вагнера» остановились в 200 километрах от Москвы и повернули назад.', kind: 'event', actors: [], slots: [], cues: { en: ['convoy', 'halted'] }, anchors: {}, requires: [] };
  const index = new ClaimIndex([claim], new ActorMatcher([]), undefined, undefined, { lexicon });
  const match = (text: string) => index.match(analyseSentence(text, new ActorMatcher([]), { lang: 'ru', lexicon })).map((m) => m.claim.id);
  it('is weighed in Russian by its own words', () => {
    expect(match('Колонны «Вагнера» остановились в 200 километрах от Москвы.')).toEqual(['halt']);
    expect(match('В Москве колонны техники прошли по улицам.')).toEqual([]);
  });
});

describe("a claim's source", () => {
  // "according to the governor": a page that tells the fact without the outlet's source still tells it.
  const actors = new ActorMatcher([{ actor: 'gusev', text: 'Gusev', safeAlone: true }, { actor: 'lavrov', text: 'Lavrov', safeAlone: true }]);
  const claim = (role: 'source' | 'claimant'): Claim => ({ id: role, story: 's', text: 'A large fire broke out at a fuel depot in Voronezh, governor Gusev said.', kind: 'statement', actors: [{ actor: 'gusev', role }], slots: [], cues: {}, anchors: {}, requires: [] });
  const score = (role: 'source' | 'claimant', text: string) => new ClaimIndex([claim(role)], actors).match(analyseSentence(text, actors, { lang: 'en' }))[0]?.score ?? 0;
  it('costs nothing where a sentence leaves it out, and counts where it names them', () => {
    const without = 'A large fire broke out at a fuel depot in Voronezh.';
    expect(score('source', without)).toBeGreaterThan(score('claimant', without));
    expect(score('source', 'A fire broke out at a fuel depot in Voronezh, Gusev said.')).toBeGreaterThan(score('source', 'A fire broke out at a fuel depot in Voronezh.'));
  });
});

describe("a claim's figures", () => {
  // A Ukrainian page may share no word with an English claim but its figures: both required counts agree.
  const claim: Claim = {
    id: 'detained', story: 's', text: 'Russian authorities said they had detained 11 people, including all four gunmen.', kind: 'figure', actors: [],
    slots: [{ name: 'people', type: 'count', text: '11 people', value: 11, unit: 'people' }, { name: 'gunmen', type: 'count', text: 'four gunmen', value: 4, unit: 'gunmen' }],
    cues: {}, anchors: {}, requires: ['people', 'gunmen'],
  };
  const index = new ClaimIndex([claim], new ActorMatcher([]));
  const match = (text: string) => index.match(analyseSentence(text, new ActorMatcher([]), { lang: 'uk' })).map((m) => [m.claim.id, m.strong]);
  it('make it a candidate for a sentence in another language, as a weak match', () => {
    expect(match('Росія заявила про затримання 11 осіб у справі про теракт, серед них і чотирьох імовірних стрільців.')).toEqual([['detained', false]]);
    expect(match('Росія заявила про затримання 11 осіб у справі про теракт.')).toEqual([]);
  });
});

describe('a claim in another language than its statement', () => {
  // There it weighs its concepts and a third of its cues: a report's words are many, a page tells the fact in few.
  const lexicon = new Lexicon([
    { id: 'voronezh', words: ['voronezh', 'воронеж*'] },
    { id: 'convoy', words: ['convoys', 'колонн*', 'колон*'] },
    { id: 'minister', words: ['minister', 'министр*', 'міністр*'] },
  ]);
  const none = new ActorMatcher([]);
  const claim = (id: string, text: string, cues: Claim['cues'], slots: Claim['slots'] = []): Claim => ({ id, story: 's', text, kind: 'event', actors: [], slots, cues, anchors: {}, requires: slots.map((x) => x.name) });
  const index = new ClaimIndex(
    [
      claim('convoys', 'Wagner convoys then drove north through the Voronezh region.', { ru: ['двигались', 'трассе', 'север', 'воронежскую', 'область', 'ночью', 'направлении', 'столицы', 'бронетехника', 'грузовики', 'федеральной', 'автомагистрали', 'быстро', 'шли'] }),
      claim('depot', 'A fuel depot caught fire in the Voronezh region.', { ru: ['пожар', 'нефтебаза', 'воронежской', 'области'] }),
      claim('fabrication', 'Ukrainian Foreign Minister Andrii Sybiha said the attack was a fabrication meant to create a pretext.', { uk: ['вигадка', 'привід', 'міністр закордонних справ'] }),
      claim('capacity', 'The Crocus concert venue in Krasnogorsk can hold 6,200 people.', { ru: ['вмещает', 'мест', 'зал', 'концертный', 'площадка', 'подмосковный', 'крупнейших', 'один', 'зрителей', 'вместимость', 'комплекс', 'пригороде'] }, [{ name: 'capacity', type: 'count', text: '6,200 people', value: 6200, unit: 'people seats человек мест' }]),
      // Claims of other facts, as a pack has: a term's weight is its rarity among them.
      ...['обстрел', 'переговоры', 'санкции', 'выборы', 'гарантии'].map((w, i) => claim(`other-${i}`, `Another fact ${i}.`, { ru: [w], uk: [w] })),
    ],
    none,
    undefined,
    undefined,
    { lexicon },
  );
  const match = (text: string, lang: string) => index.match(analyseSentence(text, none, { lang, lexicon })).map((m) => m.claim.id);
  it('is found where a sentence tells it in a few of its cues', () => {
    expect(match('Колонны двигались через всю область.', 'ru')).toEqual(['convoys']);
    expect(match('Міністр закордонних справ назвав атаку вигадкою.', 'uk')).toEqual(['fabrication']);
  });
  it('takes one of the names its statement writes for no piece of it, and a cue of several words for one', () => {
    expect(match('Губернатор Воронежской области открыл новую школу.', 'ru')).toEqual([]);
    expect(match('На нефтебазе в Воронежской области вспыхнул пожар.', 'ru')).toEqual(['depot']);
    expect(match('Лавров обговорив з міністром закордонних справ Індії торгівлю.', 'uk')).toEqual([]);
  });
  it('sets a figure against it only where the sentence covers half its cues, as before', () => {
    expect(match('В Красногорске открылся зал для зрителей на 200 человек.', 'ru')).toEqual([]);
    expect(match('Концертный зал «Крокус» вмещает 9000 человек.', 'ru')).toEqual(['capacity']);
    expect(match('Концертный зал вмещает 6200 человек.', 'ru')).toEqual(['capacity']);
  });
});

const REAL = path.resolve(ROOT, '../shared/real-pages');
describe.runIf(fs.existsSync(REAL))('the saved real pages (none is about the story)', () => {
  const pages = fs.existsSync(REAL) ? fs.readdirSync(REAL).filter((f) => f.endsWith('.html')) : [];
  it.each(pages)('%s: no story claim', (f) => {
    const { text, lang } = htmlToText(fs.readFileSync(path.join(REAL, f), 'utf8'));
    const r = engine.scanText(text, { lang: lang ?? 'en' });
    expect(r.claims.map((c) => `${c.id}: ${c.match.text.slice(0, 80)}`)).toEqual([]);
    if (['breitbart.html', 'yahoo-1.html', 'nytimes-1.html'].includes(f)) expect(r.actors.map((a) => a.id)).toContain('trump');
  });
});

describe('the compiled engine', () => {
  it('restores from its cache (a structured clone, as IndexedDB keeps it) and scans alike', () => {
    const pack = bundledPack();
    const cache = structuredClone(engine.cache());
    const restored = ScanEngine.restore([pack], cache);
    const text = 'Sergey Lavrov said Ukraine had launched 98 long-range drones at Putin’s residence in the Novgorod region. Зеленський назвав це брехнею.';
    expect(restored.scanText(text)).toEqual(engine.scanText(text));
  });

  it('refuses a cache of other packs', () => {
    const pack = bundledPack();
    const cache = engine.cache();
    expect(() => ScanEngine.restore([{ ...pack, version: pack.version + 1 }], cache)).toThrow(/other packs/);
  });
});

describe('a page scanned in parts (text added later)', () => {
  it('adds the part\'s claims and mentions to what the page had; a conflicting figure wins the verdict', () => {
    const first = engine.scanText("Sergei Lavrov said Ukraine had launched 91 long-range drones at Putin's residence in the Novgorod region.", { lang: 'en' });
    const later = engine.scanText("Russia's foreign minister Sergei Lavrov said Ukraine had launched 89 long-range drones at Vladimir Putin's state residence in the Novgorod region overnight.", { lang: 'en' });
    const drone = (r: typeof first) => r.claims.find((c) => c.id === 'drone-attack');
    expect(drone(first)?.verdict).not.toBe('contradicted');
    expect(drone(later)?.verdict).toBe('contradicted');
    const merged = mergeScanResults(first, later);
    expect(drone(merged)?.verdict).toBe('contradicted');
    expect(drone(merged)?.matches.length).toBe(drone(first)!.matches.length + drone(later)!.matches.length);
    const lavrov = merged.actors.find((a) => a.name.includes('Lavrov'))!;
    expect(lavrov.mentions.length).toBe(2);
    expect(merged.claims.length).toBe(new Set([...first.claims, ...later.claims].map((c) => c.id)).size);
    expect(merged.claims[0].verdict).toBe('contradicted');
  });
});

describe('the differing words of each quote', () => {
  it('marks where an outlet\'s words differ from the page: its figure, not the rest of the quote', () => {
    const r = engine.scanText("Russia's foreign minister Sergei Lavrov said Ukraine had launched 89 long-range drones at Vladimir Putin's state residence in the Novgorod region overnight.", { lang: 'en' });
    const drone = r.claims.find((c) => c.id === 'drone-attack')!;
    const against = drone.sources.filter((s) => s.stance === 'contradicts');
    expect(against.length).toBeGreaterThan(0);
    for (const s of against) {
      expect(s.differing.length, s.outlet).toBeGreaterThan(0);
      const marked = s.differing.map((d) => s.quote.slice(d.start, d.end)).join(' ');
      expect(marked, s.outlet).toMatch(/91/);
      expect(marked.length).toBeLessThan(s.quote.length / 2);
    }
    for (const s of drone.sources.filter((x) => x.stance === 'corroborates')) expect(s.differing).toEqual([]);
  });
});

describe('a huge page, scanned in chunks', () => {
  it('cuts at line breaks, and the chunks\' findings land at the same offsets as one scan\'s', () => {
    const story = "Russia's foreign minister Sergei Lavrov said Ukraine had launched 89 long-range drones at Vladimir Putin's state residence in the Novgorod region overnight.";
    const filler = 'Tomatoes need six hours of sun a day.\n'.repeat(40);
    const text = `${filler}${story}\n${filler}${story}\n${filler}`;
    const chunks = chunkText(text, 1000);
    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.map((c) => c.text).join('')).toBe(text);
    for (const c of chunks.slice(0, -1)) expect(c.text.endsWith('\n')).toBe(true);
    const whole = engine.scanText(text, { lang: 'en' });
    const parts = chunks.map((c) => shiftScanResult(engine.scanText(c.text, { lang: 'en' }), c.start)).reduce((a, b) => mergeScanResults(a, b));
    const at = (r: typeof whole) => r.claims.find((c) => c.id === 'drone-attack')!.matches.map((m) => [m.start, m.end, text.slice(m.start, m.end) === m.text]);
    expect(at(parts)).toEqual(at(whole));
    expect(at(parts).every((m) => m[2])).toBe(true);
    expect(parts.actors.find((a) => a.name.includes('Lavrov'))!.mentions.map((m) => m.start)).toEqual(whole.actors.find((a) => a.name.includes('Lavrov'))!.mentions.map((m) => m.start));
  });
});
