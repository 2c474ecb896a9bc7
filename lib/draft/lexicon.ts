// A dictionary's translations, for what a corpus tells in one language to meet the others:
// - in aligning, a word's meanings as the dictionary's English headwords (./features.ts): "residence"
//   and "резиденцию", "helicopters" and "вертолеты", "гелікоптери" meet;
// - as concept groups of the draft: a claim the corpus reports in English only meets a Russian or
//   Ukrainian page through the words the dictionary gives for its words ("residence": резиденц*,
//   "treason": измена, зрада). A claim Russian or Ukrainian reports tell is weighed there by their
//   own words (its cues), and its words are not translated.
// The dictionary is language knowledge (assets/lang/lexicon.json, scripts/build-lexicon.ts:
// Mueller's English-Russian dictionary, the Apertium Russian-Ukrainian one); which words need it
// is the corpus's.
import data from '../../assets/lang/lexicon.json';
import { stemCommonness } from '../text/background';
import { isStopWord } from '../text/lexicon';
import { normWord, stem } from '../text/tokens';

/** A concept group of the draft (docs/story-format.md `concepts:`). */
export interface DraftConcept {
  id: string;
  words: string[];
  /** Why, for the comment: the corpus's words it holds. */
  seen: string[];
}

const EN = (data as unknown as { en: Record<string, string[]> }).en;

/** An English word as common as this in ordinary language ("state", "people") has too many meanings to translate. */
const MAX_COMMON = 0.9;
/** Translations a word gives at most, in the dictionary's order (its common senses first). */
const MAX_TRANSLATIONS = 6;
const MIN_PREFIX = 5;
/** A Russian or Ukrainian infinitive's ending: its suffix, the vowel before it, "-ть"/"-ти", and "-ся". */
const VERB_ENDING = /(?:ыва|ива|ова|ева|ува|юва)?[аяиеіїоуыю](?:ть|ти)(?:ся|сь)?$/;
/** Nouns whose last vowel drops in their other forms, and the start those forms share: "боец" бойц-, "отец" отц-, "боєць" бійц-, "гравець" гравц-. */
const FLEETING: [RegExp, string][] = [
  [/(?<=\p{L}[аеиоуыэюя])ец$/u, 'йц'],
  [/(?<=\p{L}{2}[^аеиоуыэюяєії])ец$/u, 'ц'],
  [/оєць$/, 'ійц'],
  [/(?<=\p{L}{2}[^аеиоуыэюяєії])ець$/u, 'ц'],
];
/** Meanings a Cyrillic word is read as at most, for aligning sentences (those it translates first). */
const MAX_MEANINGS = 2;
const WORDS = /[\p{L}'’]+/gu;

/** The dictionary's headword for an English word form: "drones" drone, "seized" seize, "talks" talk. */
export function headword(norm: string): string | null {
  // The forms that keep a final "e" first: "fires" fire, not fir; "caring" care, not car.
  const forms = [norm];
  if (norm.endsWith('ies')) forms.push(`${norm.slice(0, -3)}y`);
  if (norm.endsWith('s')) forms.push(norm.slice(0, -1));
  if (norm.endsWith('es')) forms.push(norm.slice(0, -2));
  if (norm.endsWith('ied')) forms.push(`${norm.slice(0, -3)}y`);
  if (norm.endsWith('ed')) forms.push(norm.slice(0, -1), norm.slice(0, -2), norm.slice(0, -3));
  if (norm.endsWith('ing')) forms.push(`${norm.slice(0, -3)}e`, norm.slice(0, -3), norm.slice(0, -4));
  return forms.find((f) => f.length >= 3 && Object.hasOwn(EN, f)) ?? null;
}

/**
 * Groups for the English words of `texts` the dictionary knows (one a stem, with the forms the
 * texts write), most used first; not the words of `kept`, nor a word or translation another group
 * holds already (`taken`), and at most `room` groups. An English-only group of the corpus's own
 * (words the outlets swap) takes the translations of its words. The nouns of counts (`units`:
 * "fighters" of "25,000 of his fighters") are translated whatever claim they are of: "50 тысяч
 * бойцов" is that claim's figure, one that differs, only where "бойцов" is known to be fighters.
 */
export function translatedConcepts(texts: string[], kept: string[], existing: DraftConcept[], taken: (w: string) => boolean, room: number, units: string[] = []): { added: DraftConcept[]; extended: DraftConcept[] } {
  const unitStems = new Set(units.map((u) => stem(normWord(u))));
  const keep = new Set(kept.flatMap((t) => [...t.matchAll(WORDS)].map((m) => stem(normWord(m[0])))).filter((st) => !unitStems.has(st)));
  // A group's word holds the other forms of its stem too (lib/text/lexicon.ts): "attacks" is the group of "attack".
  const held = new Set(existing.flatMap((c) => c.words.filter((w) => !w.endsWith('*')).map((w) => stem(normWord(w)))));
  const uses = new Map<string, { forms: Set<string>; n: number; head: string }>();
  for (const text of [...texts, ...units])
    for (const m of text.matchAll(WORDS)) {
      const norm = normWord(m[0]);
      if (!/^[a-z]{3,}$/.test(norm) || isStopWord(norm) || /^\p{Lu}/u.test(m[0])) continue;
      const st = stem(norm);
      if (stemCommonness(st) > MAX_COMMON || keep.has(st) || held.has(st)) continue;
      const head = headword(norm);
      if (!head) continue;
      const u = uses.get(st) ?? { forms: new Set<string>(), n: 0, head };
      u.forms.add(norm);
      u.n++;
      uses.set(st, u);
    }
  const given = new Set<string>();
  const free = (w: string) => !given.has(w) && !taken(w);
  // A translation is given as its stem and "*" where that is five letters or more ("гарант*":
  // гарантии, гарантії), so that both languages' endings meet it; a shorter one as the word.
  const asMember = (w: string): string[] => {
    // A verb as its root, without the infinitive's ending and the vowel before it ("обвинять":
    // обвин*, so that "обвинила" and "обвинили" meet it too; "звинувачувати": звинувач*).
    const root = w.replace(VERB_ENDING, '');
    if (root !== w && root.length >= MIN_PREFIX) return [`${root}*`];
    // A noun whose vowel drops in its other forms: "боец" бойцов, "боєць" бійців.
    const fleeting = FLEETING.find(([end]) => end.test(w));
    if (fleeting) return [w, `${w.replace(fleeting[0], fleeting[1])}*`];
    const st = stem(w);
    return [st.length >= MIN_PREFIX && w.startsWith(st) ? `${st}*` : w];
  };
  const translate = (head: string) => [...new Set(EN[head].flatMap(asMember))].filter(free).slice(0, MAX_TRANSLATIONS);
  const extended: DraftConcept[] = [];
  for (const c of existing) {
    if (c.words.some((w) => /[\u0400-\u04ff]/.test(w) || keep.has(stem(normWord(w))))) continue;
    const heads = [...new Set(c.words.map(headword).filter((h): h is string => !!h))];
    const cyr = heads.flatMap(translate);
    if (!cyr.length) continue;
    for (const w of cyr) given.add(w);
    extended.push({ ...c, words: [...c.words, ...new Set(cyr)] });
  }
  const ids = new Set(existing.map((c) => c.id));
  const added: DraftConcept[] = [];
  const order = [...uses.entries()].sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
  for (const [st, u] of order) {
    // A story file holds at most LIMITS.concepts groups: the most used words first.
    if (added.length >= room) break;
    const forms = [...u.forms].sort().filter((f) => !taken(f));
    if (!forms.length) continue;
    const cyr = translate(u.head);
    if (!cyr.length) continue;
    for (const w of cyr) given.add(w);
    const base = st.replace(/[^a-z0-9]/g, '');
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    added.push({ id, words: [...forms, ...cyr], seen: forms });
  }
  return { added, extended };
}

let reverse: Map<string, string[]> | null = null;

/**
 * Cyrillic translation stems -> the English headwords that give them, those that give it earlier
 * among their translations first ("зрада" is treason's second word, betrayal's third).
 */
function reverseIndex(): Map<string, string[]> {
  if (reverse) return reverse;
  const all = new Map<string, { head: string; at: number }[]>();
  for (const [head, words] of Object.entries(EN)) {
    if (stemCommonness(stem(head)) > MAX_COMMON) continue;
    words.slice(0, MAX_TRANSLATIONS).forEach((w, at) => {
      const st = stem(w);
      if (st.length < MIN_PREFIX - 1) return;
      const list = all.get(st);
      if (!list) all.set(st, [{ head, at }]);
      else if (!list.some((x) => x.head === head)) list.push({ head, at });
    });
  }
  reverse = new Map([...all].map(([st, list]) => [st, list.sort((a, b) => a.at - b.at || (a.head < b.head ? -1 : 1)).slice(0, MAX_MEANINGS).map((x) => x.head)]));
  return reverse;
}

/**
 * What a word means across languages, as the dictionary's English headwords: an English word's
 * own ("seized": seize), a Russian or Ukrainian word's by its stem, or the longest start of it that
 * is a translation's stem ("зрадою": treason, "вертолеты": helicopter). None for a common word.
 */
export function meanings(norm: string): string[] {
  if (/^[a-z]+$/.test(norm)) {
    if (stemCommonness(stem(norm)) > MAX_COMMON) return [];
    const h = headword(norm);
    return h ? [h] : [];
  }
  if (!/^[\u0400-\u04ff]+$/.test(norm) || stemCommonness(stem(norm)) > MAX_COMMON) return [];
  const index = reverseIndex();
  const own = index.get(stem(norm));
  if (own) return own;
  for (let k = norm.length - 1; k >= MIN_PREFIX; k--) {
    const hit = index.get(norm.slice(0, k));
    if (hit) return hit;
  }
  return [];
}
