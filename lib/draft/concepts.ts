// The draft's concept groups (docs/story-format.md `concepts:`), deterministic, from the corpus:
// - the language's own groups (./rules.ts LANGUAGE_CONCEPTS) that the corpus uses: "rejected the
//   accusation" meets "denied";
// - cognates across scripts: a name the English reports always capitalise (a place, a venue, a
//   band: not an actor) and the Russian or Ukrainian words the corpus writes with the same letters
//   ("Krasnogorsk" and "Красногорске", "Picnic" and "Пикник", "Пікнік"): seven letters alike from
//   the start, or five and all but two of the English word's in reports aligned with each other
//   (./align.ts). A Cyrillic word is given as a prefix ("красногорск*") so that its other case
//   endings meet it too. Common words are left out: their cognates ("provocation", "провокация")
//   are every story's, and would fold other stories' sentences into this one.
import { stemCommonness, termShared } from '../text/background';
import { PLAIN } from '../text/lexicon';
import { normWord, stem } from '../text/tokens';
import type { DraftActor } from './actors';
import type { DraftCorpus } from './corpus';
import type { FeatureSpace } from './features';
import type { DraftConcept } from './lexicon';
import { consonantsOfSkeleton, cyrillicSpellings, isRoleNoun, LANGUAGE_CONCEPTS, PEOPLE, skeleton } from './rules';

export type { DraftConcept } from './lexicon';

const WORDS = /[\p{L}\p{M}'’]+/gu;
const CYR = /[\u0400-\u04ff]/;
/** An English word of fewer letters, or a key of fewer consonants, is too short to tell a cognate. */
const MIN_LETTERS = 6;
const MIN_CONSONANTS = 4;
/** Letters alike from the start enough without an alignment to vouch for them; the least with one. */
const SURE_LETTERS = 7;
const MIN_COMMON = 5;
const MAX_WORDS = 40;
/** A name as common as this in ordinary English is a known place, with a Cyrillic name of its own. */
const EXONYM_COMMONNESS = 0.2;

/** A word's consonants in one rough Latin spelling: "concert" and "концертном" knkrt(nm). */
export function consonants(norm: string): string {
  return consonantsOfSkeleton(skeleton(norm).replace(/z/g, 's'));
}

const letters = (norm: string) => skeleton(norm).replace(/z/g, 's');

/** A role ("Director") or a people's adjective ("American"): names of nothing in particular. */
const namesNothing = (w: string) => isRoleNoun(w) || (PEOPLE.test(w) && !/ic$/.test(w));

export function draftConcepts(corpus: DraftCorpus, space: FeatureSpace, groups: number[][]): DraftConcept[] {
  const vocabulary = new Set<string>();
  for (const s of corpus.sentences) for (const m of s.text.matchAll(WORDS)) vocabulary.add(normWord(m[0]));
  const words = [...vocabulary].sort();
  const out: DraftConcept[] = [];
  const taken = (w: string) => out.some((c) => c.words.some((x) => (x.endsWith('*') ? w.startsWith(x.slice(0, -1)) : w === x)));
  for (const g of LANGUAGE_CONCEPTS) {
    const seen = words.filter((w) => g.words.some((x) => (x.endsWith('*') ? w.startsWith(x.slice(0, -1)) : w === x)));
    if (seen.length) out.push({ id: g.id, words: g.words, seen: seen.slice(0, 12) });
  }
  return [...out, ...cognates(space, groups, taken, new Set(out.map((c) => c.id)))];
}

function cognates(space: FeatureSpace, groups: number[][], taken: (w: string) => boolean, ids: Set<string>): DraftConcept[] {
  const { infos } = space;
  // The corpus's content words by script, with how often each is written.
  const latin = new Map<string, number>();
  const common = new Set<string>();
  const cyrillic = new Map<string, number>();
  for (const info of infos)
    for (const t of info.terms) {
      if (taken(t.norm)) continue;
      if (CYR.test(t.norm)) {
        cyrillic.set(t.norm, (cyrillic.get(t.norm) ?? 0) + 1);
      } else if (/^[a-z]+$/.test(t.norm) && info.s.lang === 'en' && t.norm.length >= MIN_LETTERS) {
        latin.set(t.norm, (latin.get(t.norm) ?? 0) + 1);
        if (!/^\p{Lu}/u.test(info.s.text.slice(t.start, t.end))) common.add(t.norm);
      }
    }
  // Names only (places, venues, bands the corpus always capitalises): a common word's cognate
  // ("provocation", "президент") is in every story's reporting, and would fold it into this one.
  for (const w of common) latin.delete(w);
  // Nor a role or a people's adjective.
  for (const w of [...latin.keys()]) if (namesNothing(w)) latin.delete(w);
  // Which words are written in reports aligned with each other.
  const together = new Set<string>();
  for (const g of groups) {
    if (g.length < 2) continue;
    const en = new Set<string>();
    const cy = new Set<string>();
    for (const i of g) for (const t of infos[i].terms) (CYR.test(t.norm) ? cy : en).add(t.norm);
    if (!en.size || !cy.size) continue;
    for (const a of en) for (const b of cy) together.add(`${a}\u0000${b}`);
  }
  // Cyrillic words by their first consonants: each English word looks up its own only.
  const byKey = new Map<string, string[]>();
  for (const w of [...cyrillic.keys()].sort()) {
    const k = consonants(w);
    if (k.length < MIN_CONSONANTS) continue;
    const head = k.slice(0, MIN_CONSONANTS);
    byKey.set(head, [...(byKey.get(head) ?? []), w]);
  }
  const found = new Map<string, { english: Set<string>; cyr: Set<string> }>();
  for (const en of [...latin.keys()].sort()) {
    const ke = consonants(en);
    if (ke.length < MIN_CONSONANTS) continue;
    for (const cy of byKey.get(ke.slice(0, MIN_CONSONANTS)) ?? []) {
      const kc = consonants(cy);
      const [short, long] = ke.length <= kc.length ? [ke, kc] : [kc, ke];
      if (!long.startsWith(short)) continue;
      // The letters too, vowels and all, from the start: "concert" and "концерт", not "concrete".
      const se = letters(en);
      const sc = letters(cy);
      let cp = 0;
      while (cp < se.length && se[cp] === sc[cp]) cp++;
      if (!(cp >= SURE_LETTERS || (cp >= MIN_COMMON && cp >= se.length - 2 && together.has(`${en}\u0000${cy}`)))) continue;
      // One group per English stem's first consonants: "terrorist" and "terrorists" together.
      const id = ke.slice(0, Math.max(MIN_CONSONANTS, Math.min(ke.length, kc.length)));
      const f = found.get(id) ?? { english: new Set(), cyr: new Set() };
      f.english.add(en);
      // The Cyrillic word as far as its letters are the English word's: "провока*" of "провокацією",
      // "ростов*" of "ростове" (a name's stem may be cut short: the stemmer reads "-ов" as an ending).
      let k = Math.min(cy.length, Math.max(4, stem(cy).length, cp));
      while (k > 4 && letters(cy.slice(0, k)).length > cp) k--;
      f.cyr.add(cy.slice(0, k));
      found.set(id, f);
    }
  }
  const out: DraftConcept[] = [];
  for (const [, f] of [...found.entries()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const english = [...f.english].sort((a, b) => (latin.get(b)! - latin.get(a)!) || (a < b ? -1 : 1));
    const prefixes = [...f.cyr].sort();
    const kept = prefixes.filter((p) => !prefixes.some((q) => q !== p && p.startsWith(q)));
    let id = english[0].replace(/[^a-z0-9]/g, '');
    for (let k = 2; ids.has(id); k++) id = `${english[0]}-${k}`;
    ids.add(id);
    out.push({ id, words: [...english, ...kept.map((p) => `${p}*`)].slice(0, MAX_WORDS), seen: english.slice(0, 12) });
  }
  return out;
}

/**
 * Names of the claims only English reports tell ("Novgorod", "Donbas": a place, no actor), as a
 * Russian or Ukrainian page writes them: their Cyrillic spellings read back from the romanisation
 * (./rules.ts cyrillicSpellings), less the last letter, which a case ending or the other
 * language's adjective takes ("новгоро*": Новгородскую, Новгородська; "смоленс*": Смоленской,
 * Смоленській). A name is a word written capitalised inside a sentence of a report (not a
 * headline's title case) and never in lower case; not a word of the claims Russian or Ukrainian
 * reports tell (`kept`: those reports write it their own way, "Belarus" and "Белоруссия"), nor
 * one a group holds already (`taken`), nor an actor's.
 */
export function spelledNames(space: FeatureSpace, texts: string[], kept: string[], taken: (w: string) => boolean, actors: DraftActor[]): DraftConcept[] {
  const wordsOf = (list: string[]) => new Set(list.flatMap((t) => [...t.matchAll(WORDS)].map((m) => normWord(m[0]))));
  const actorWords = wordsOf(actors.flatMap((a) => [a.name, ...a.aliases.map((x) => x.text)]));
  const [inTexts, inKept] = [wordsOf(texts), wordsOf(kept)];
  const named = new Set<string>();
  const lower = new Set<string>();
  for (const info of space.infos) {
    if (info.s.lang !== 'en') continue;
    for (const t of info.terms) {
      if (!/^[a-z]+$/.test(t.norm)) continue;
      const written = info.s.text.slice(t.start, t.end);
      if (!/^\p{Lu}/u.test(written)) lower.add(t.norm);
      else if (!info.s.headline && /\p{L}/u.test(info.s.text.slice(0, t.start))) named.add(t.norm);
    }
  }
  const out: DraftConcept[] = [];
  for (const en of [...named].sort()) {
    if (lower.has(en) || en.length < MIN_LETTERS || !inTexts.has(en) || inKept.has(en) || taken(en)) continue;
    if (namesNothing(en) || actorWords.has(en)) continue;
    // A name ordinary English writes ("Florida", "Moscow", "Europe"), or the setting of every
    // story's news, has a Cyrillic name of its own (Москва, Европа), which no romanisation gives.
    const st = stem(en);
    if (stemCommonness(st) > EXONYM_COMMONNESS || termShared(st, PLAIN)) continue;
    const prefixes = [...new Set(cyrillicSpellings(en).map((w) => w.toLowerCase().slice(0, -1)))].filter((p) => p.length >= MIN_COMMON && !taken(p));
    if (prefixes.length) out.push({ id: en, words: [en, ...prefixes.sort().map((p) => `${p}*`)], seen: [en] });
  }
  return out;
}

/**
 * Russian and Ukrainian words of one root as the corpus writes them ("напад" and "нападению",
 * "терористичне" and "террористического"): the word of the other language whose letters begin
 * alike for five or more, and all but three of the shorter's. For a claim only one of the two
 * languages reports, its cues there give cues in the other (./claims.ts).
 */
export function kinship(space: FeatureSpace): (norm: string, lang: string) => string | null {
  const byLang = new Map<string, Map<string, string[]>>();
  const count = new Map<string, number>();
  for (const info of space.infos) {
    if (info.s.lang !== 'ru' && info.s.lang !== 'uk') continue;
    for (const t of info.terms) {
      if (!CYR.test(t.norm)) continue;
      count.set(`${info.s.lang}\u0000${t.norm}`, (count.get(`${info.s.lang}\u0000${t.norm}`) ?? 0) + 1);
      const head = letters(t.norm).slice(0, MIN_COMMON);
      if (head.length < MIN_COMMON) continue;
      const m = byLang.get(info.s.lang) ?? new Map<string, string[]>();
      byLang.set(info.s.lang, m);
      const list = m.get(head) ?? [];
      if (!list.includes(t.norm)) list.push(t.norm);
      m.set(head, list);
    }
  }
  return (norm, lang) => {
    const a = letters(norm);
    const cands = byLang.get(lang)?.get(a.slice(0, MIN_COMMON)) ?? [];
    let best: { w: string; cp: number; n: number } | null = null;
    for (const w of cands) {
      const b = letters(w);
      let cp = 0;
      while (cp < a.length && a[cp] === b[cp]) cp++;
      if (cp < Math.min(a.length, b.length) - 3) continue;
      const n = count.get(`${lang}\u0000${w}`) ?? 0;
      if (!best || cp > best.cp || (cp === best.cp && (n > best.n || (n === best.n && w < best.w)))) best = { w, cp, n };
    }
    return best?.w ?? null;
  };
}

/**
 * Words the outlets swap for one another in reports of one fact ("Kyiv strongly denied any
 * involvement" / "Kiev has rejected any involvement", "the other scum" / "the other thugs"): in two
 * reports of a claim in one language, a single content word each between the same neighbours
 * (the longest common run of words, function words included). Each pair seen is a group of two;
 * pairs that share a word join, up to MAX_SWAP words; a larger cluster is no one meaning and is
 * dropped. Directions, numbers and names are not swapped.
 */
export function swaps(space: FeatureSpace, claims: { members: number[] }[], taken: (w: string) => boolean): { id: string; words: string[] }[] {
  const { infos } = space;
  const pairs: [string, string][] = [];
  for (const c of claims) {
    // The first reports only: the pairs grow with their square.
    const en = c.members.filter((i) => infos[i].s.lang === 'en' && !infos[i].s.headline).slice(0, MAX_PAIRED);
    for (let x = 0; x < en.length; x++)
      for (let y = x + 1; y < en.length; y++) pairs.push(...substitutions(tokens(space, en[x]), tokens(space, en[y])));
  }
  const parent = new Map<string, string>();
  const find = (w: string): string => {
    let p = parent.get(w) ?? w;
    while (p !== (parent.get(p) ?? p)) p = parent.get(p)!;
    return p;
  };
  for (const [a, b] of pairs) {
    // A word of everyday prose ("left", "fire", "holds") has many meanings: it is swapped for
    // another only in its sentence.
    if (taken(a) || taken(b) || stemCommonness(stem(a)) > SWAP_COMMONNESS || stemCommonness(stem(b)) > SWAP_COMMONNESS) continue;
    const [ra, rb] = [find(a), find(b)];
    if (!parent.has(a)) parent.set(a, a);
    if (!parent.has(b)) parent.set(b, b);
    if (ra !== rb) parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
  const clusters = new Map<string, string[]>();
  for (const w of [...parent.keys()].sort()) clusters.set(find(w), [...(clusters.get(find(w)) ?? []), w]);
  return [...clusters.entries()]
    .filter(([, ws]) => ws.length >= 2 && ws.length <= MAX_SWAP)
    .sort((a, b) => (a[0] < b[0] ? -1 : 1))
    .map(([root, ws]) => ({ id: root, words: ws }));
}

const MAX_SWAP = 4;
const MAX_PAIRED = 8;
const SWAP_COMMONNESS = 0.8;
const DIRECTION = /^(north|south|east|west)/;

interface Tok {
  key: string;
  word: string | null;
}

/** A report's words as keys (stems; function words as written), content words marked. */
function tokens(space: FeatureSpace, i: number): Tok[] {
  const info = space.infos[i];
  const content = new Map(info.terms.map((t) => [t.start, t]));
  const out: Tok[] = [];
  for (const m of info.s.text.matchAll(WORDS)) {
    const t = content.get(m.index!);
    const norm = normWord(m[0]);
    if (!norm) continue;
    const inName = info.mentions.some((x) => m.index! >= x.start && m.index! < x.end);
    const word = t && !inName && !DIRECTION.test(t.norm) && /^[a-z]{3,}$/.test(t.norm) && !/^\p{Lu}/u.test(m[0]) ? t.norm : null;
    out.push({ key: t ? t.stem : norm, word });
  }
  return out;
}

/** One content word each between the same neighbours of the longest common run of two reports. */
function substitutions(a: Tok[], b: Tok[]): [string, string][] {
  const n = a.length;
  const m = b.length;
  if (n * m > 20_000) return [];
  const L = Array.from({ length: n + 1 }, () => new Int16Array(m + 1));
  for (let i = n - 1; i >= 0; i--) for (let j = m - 1; j >= 0; j--) L[i][j] = a[i].key === b[j].key ? L[i + 1][j + 1] + 1 : Math.max(L[i + 1][j], L[i][j + 1]);
  const out: [string, string][] = [];
  let i = 0;
  let j = 0;
  let ga: Tok[] = [];
  let gb: Tok[] = [];
  let anchored = false;
  const close = (end: boolean) => {
    const wa = ga.filter((t) => t.word);
    const wb = gb.filter((t) => t.word);
    // Between two common words, or after one at the end; one content word each, and no more words.
    if (anchored && !end && wa.length === 1 && wb.length === 1 && ga.length === 1 && gb.length === 1 && wa[0].key !== wb[0].key) out.push([wa[0].word!, wb[0].word!]);
    ga = [];
    gb = [];
  };
  while (i < n && j < m) {
    if (a[i].key === b[j].key) {
      close(false);
      anchored = true;
      i++;
      j++;
    } else if (L[i + 1][j] >= L[i][j + 1]) ga.push(a[i++]);
    else gb.push(b[j++]);
  }
  ga.push(...a.slice(i));
  gb.push(...b.slice(j));
  close(true);
  return out;
}
