// Actors from the articles alone: runs of capitalised words are names; a name of two or three
// words none of which the corpus also writes in lower case is a person, one with an organisation
// word ("Committee") or an acronym ("FSB") an organisation, and a single word is kept when it is a
// person's surname or first name, or an institution ("the Kremlin", "its Amaq news agency").
// Spellings of one actor are folded by their letters (./rules.ts skeleton: Zelenskiy, Zelenskyy,
// Зеленский, Зеленського); inflected Cyrillic forms are reduced to those the engine's alias
// matcher needs. Roles come from appositions ("Kremlin spokesman Dmitry Peskov", "Podolyak, an
// adviser to ..."). Nothing here knows a name: what the corpus says is what the draft knows.
import { ActorMatcher } from '../match/actors';
import { normWord, stem, WORD_SOURCE } from '../text/tokens';
import type { DraftCorpus } from './corpus';
import { consonantsOfSkeleton, cyrillicSpellings, isAdjective, isOrgWord, isRoleNoun, isStop, PEOPLE, skeleton } from './rules';

export interface DraftAlias {
  text: string;
  safeAlone: boolean;
}

export interface DraftActor {
  id: string;
  kind: 'person' | 'organisation';
  name: string;
  role?: string;
  aliases: DraftAlias[];
  mentions: number;
  articles: number;
}

interface Word {
  text: string;
  norm: string;
  start: number;
  end: number;
  cap: boolean;
  cyr: boolean;
}

interface Candidate {
  kind: 'person' | 'organisation' | 'single';
  /** The name as written ("ISIS-K", "Vladimir Putin"). */
  form: string;
  words: string[];
  count: number;
  articles: Set<number>;
  roles: Map<string, number>;
  /** Occurrences after "the", and followed by an organisation word. */
  afterThe: number;
  /** Occurrences after "the", "in", "at", "near", "outside": a place's. */
  placePrev: number;
  beforeOrg: number;
  atStart: number;
  /** Occurrences after an adjective ("російські ЗМІ"): a common noun's abbreviation, not a name. */
  afterAdjective: number;
}

const CYR = /[\u0400-\u04ff]/;
const UPPER = /^\p{Lu}/u;
const ACRONYM = /^(?![IVX]+$)\p{Lu}{2,5}$/u;
const COMPASS = /^(north|south|east|west|middle|central|upper|lower|greater)/i;
const PLACE_NEXT = /^(region|oblast|province|district|city|town|village|river|border|krai|republic|county|area)$/;
// Not "park" or "lane": surnames too (Ji-sung Park, Nathan Lane).
const PLACE_LAST = /^(street|square|avenue|road|bridge|boulevard|palace|airport|station|highway|motorway|province|region|district|oblast|county)$/;
/** A picture's credit ("(Photo: Spencer Platt / Getty Images)", "Фото: ..."): who took it is no actor of the story. */
const CREDIT = /(?:^|[(\s])(?:photo|photograph|picture|image|credit|фото|світлина)\s*:[^()]*$/iu;

function wordsOf(text: string): Word[] {
  const out: Word[] = [];
  for (const m of text.matchAll(new RegExp(WORD_SOURCE, 'gu'))) {
    const raw = m[0].replace(/['’ʼ]s$/, '');
    out.push({ text: raw, norm: normWord(raw), start: m.index!, end: m.index! + raw.length, cap: UPPER.test(raw), cyr: CYR.test(raw) });
  }
  return out;
}

/** Two spellings of one name word (the Cyrillic one perhaps inflected). */
export function sameNameWord(latinOrA: string, b: string): boolean {
  const A = skeleton(latinOrA);
  const B = skeleton(b);
  if (A.length < 3 || B.length < 3) return false;
  if (A === B) return true;
  // Across scripts the vowels of a name differ (Watson, Уотсон, Вотсон): its consonants do not,
  // but for a case ending's.
  if (CYR.test(latinOrA) !== CYR.test(b)) {
    const [cl, cc] = CYR.test(b) ? [consonantsOf(A), consonantsOf(B)] : [consonantsOf(B), consonantsOf(A)];
    if (cl.length >= 3 && latinOrA.length + b.length >= 10 && cc.startsWith(cl) && cc.length - cl.length <= 1) return true;
  }
  const [s, l] = A.length <= B.length ? [A, B] : [B, A];
  let p = 0;
  while (p < s.length && s[p] === l[p]) p++;
  if (p < 4) return false;
  // One is the other with a case ending, or they differ in a last vowel.
  return p >= s.length - 1 && l.length - p <= 4 && (p === s.length || CYR.test(b) || CYR.test(latinOrA));
}

const consonantsOf = (sk: string) => consonantsOfSkeleton(sk.replace(/^u(?=[aeo])/, 'v'));

export function draftActors(corpus: DraftCorpus): { actors: DraftActor[]; leftOut: string[] } {
  // What the corpus writes in lower case: those words are common words, not names.
  const lower = new Set<string>();
  const lowerStems = new Set<string>();
  const perSentence = corpus.sentences.map((s) => wordsOf(s.text));
  for (const ws of perSentence) for (const w of ws) if (!w.cap && /\p{L}/u.test(w.text)) {
    lower.add(w.norm);
    if (w.cyr) lowerStems.add(stem(w.norm));
  }
  const common = (w: Word) => isStop(w.norm) || lower.has(w.norm) || (w.cyr && lowerStems.has(stem(w.norm)));
  // Words capitalised where a sentence does not start: names, or words of names.
  // A capitalised word by its stem in Cyrillic ("Кремля", "Кремле", "Кремль" are one).
  const capKey = (w: Word) => (w.cyr ? stem(w.norm) : w.norm);
  const midCap = new Set<string>();
  const capCount = new Map<string, number>();
  const caps = (w: Word) => capCount.get(capKey(w)) ?? 0;
  const placeNames = new Set<string>();
  for (const ws of perSentence) ws.forEach((w, k) => {
    if (k > 0 && w.cap) midCap.add(w.norm);
    if (w.cap) capCount.set(capKey(w), caps(w) + 1);
  });
  const outletWords = new Set(corpus.outlets.flatMap((o) => wordsOf(o).map((w) => w.norm)));
  // Two capitalised words alone ("Volodymyr Zelensky", "Valery Gerasimov"): the corpus's full names.
  const pairs: [string, string][] = [];
  for (const [s, ws] of perSentence.entries()) {
    const text = corpus.sentences[s].text;
    const joined = (k: number) => k > 0 && k < ws.length && ws[k - 1].cap && ws[k].cap && text.slice(ws[k - 1].end, ws[k].start) === ' ';
    for (let k = 1; k < ws.length; k++) if (joined(k) && !joined(k - 1) && !joined(k + 1)) pairs.push([ws[k - 1].text, ws[k].text]);
  }
  const isPair = (a: Word, b: Word) => pairs.some(([x, y]) => sameNameWord(x, a.text) && sameNameWord(y, b.text));

  const cands = new Map<string, Candidate>();
  const add = (kind: Candidate['kind'], ws: Word[], s: number, extra: { role?: string; afterThe?: boolean; placePrev?: boolean; beforeOrg?: boolean; atStart?: boolean; afterAdjective?: boolean }) => {
    const form = corpus.sentences[s].text.slice(ws[0].start, ws[ws.length - 1].end);
    const key = `${kind}\u0000${form}`;
    let c = cands.get(key);
    if (!c) cands.set(key, (c = { kind, form, words: ws.map((w) => w.text), count: 0, articles: new Set(), roles: new Map(), afterThe: 0, placePrev: 0, beforeOrg: 0, atStart: 0, afterAdjective: 0 }));
    c.count++;
    c.articles.add(corpus.sentences[s].article);
    if (extra.role) c.roles.set(extra.role, (c.roles.get(extra.role) ?? 0) + 1);
    if (extra.afterThe) c.afterThe++;
    if (extra.placePrev) c.placePrev++;
    if (extra.beforeOrg) c.beforeOrg++;
    if (extra.atStart) c.atStart++;
    if (extra.afterAdjective) c.afterAdjective++;
  };

  perSentence.forEach((ws, s) => {
    const text = corpus.sentences[s].text;
    for (let i = 0; i < ws.length; i++) {
      if (!ws[i].cap) continue;
      // A run of capitalised words joined by a space or a hyphen.
      let j = i;
      while (j + 1 < ws.length && ws[j + 1].cap && /^[ \u00a0-]$/.test(text.slice(ws[j].end, ws[j + 1].start)) && ws[j + 1].cyr === ws[i].cyr) j++;
      let run = ws.slice(i, j + 1);
      const runStart = i;
      i = j;
      // A dateline ("MOSCOW, March 23") and outlet names are not actors.
      if (runStart === 0 && run.length === 1 && ACRONYM.test(run[0].text) && /^\s*[,/.]/.test(text.slice(run[0].end))) continue;
      if (run.length > 5 || run.some((w) => outletWords.has(w.norm) && !common(w))) continue;
      // A word of the sentence's start that the corpus never capitalises elsewhere is not a name ("Denying Ukraine").
      if (runStart === 0 && !midCap.has(run[0].norm)) run = run.slice(1);
      if (!run.length) continue;
      if (CREDIT.test(text.slice(Math.max(0, run[0].start - 120), run[0].start))) continue;
      const quoted = /[«„]\s*$/.test(text.slice(0, run[0].start)) || /^[\p{L}\s-]*»/u.test(text.slice(run[0].start));
      // Split at the last role noun: "FSB Director Alexander Bortnikov" is a role and a name.
      let role: string | undefined;
      const r = run.map((w) => isRoleNoun(w.text)).lastIndexOf(true);
      if (r >= 0 && r < run.length - 1) {
        role = roleBefore(text, ws, runStart + r) ?? undefined;
        const org = run.slice(0, r).filter((w) => !common(w));
        if (org.length && org.length === r && org.every((w) => ACRONYM.test(w.text) || isOrgWord(w.text))) add('organisation', org, s, {});
        run = run.slice(r + 1);
      } else if (r === run.length - 1) continue;
      else role = roleBefore(text, ws, runStart - 1) ?? undefined;
      // Leading common words ("The", "In", "President") are not part of a name.
      while (run.length && common(run[0]) && !isOrgWord(run[0].text) && !ACRONYM.test(run[0].text)) run = run.slice(1);
      // Nor is a place or body the corpus writes far more often than the name after it ("президента
      // України Володимира Зеленського", "речник Кремля Дмитро Пєсков"): no first name, that.
      while (run.length >= 3 && run[1].text.length >= 2 && caps(run[0]) >= 2 && caps(run[0]) >= 2 * caps(run[1])) run = run.slice(1);
      // Nor a word before a name the corpus writes alone, in any script, that is never a first name of
      // it ("президента України Володимир Зеленський" beside "Volodymyr Zelensky", "начальник
      // Генштаба Валерий Герасимов" beside "Valery Gerasimov"); "Владимир Владимирович Путин" stays.
      if (run.length === 3 && isPair(run[1], run[2]) && !isPair(run[0], run[2])) run = run.slice(1);
      if (!run.length) continue;
      const first = ws.indexOf(run[0]);
      const last = ws.indexOf(run[run.length - 1]);
      role ??= roleAfter(text, run[run.length - 1].end) ?? undefined;
      const prev = ws[first - 1];
      const next = ws[last + 1];
      const gapNext = next ? text.slice(run[run.length - 1].end, next.start) : '';
      const extra = {
        role,
        afterThe: prev?.norm === 'the' || prev?.norm === 'its',
        placePrev: !!prev && /^(the|in|at|near|outside|в|во|у|на)$/.test(prev.norm),
        beforeOrg: !!next && /^\s+$/.test(gapNext) && isOrgWord(next.text),
        atStart: first === 0,
        afterAdjective: !!prev && /^\s+$/.test(text.slice(prev.end, run[0].start)) && isAdjective(prev.norm),
      };
      // "Downing Street", "Red Square": a name ending in a place's noun is a place.
      if (run.length >= 2 && PLACE_LAST.test(run[run.length - 1].norm)) {
        placeNames.add(run.map((w) => w.norm).join(' '));
        continue;
      }
      if (next && PLACE_NEXT.test(next.norm) && /^\s+$/.test(gapNext)) {
        placeNames.add(run.map((w) => w.norm).join(' '));
        continue;
      }
      if (quoted && run.every((w) => w.cyr)) continue;
      // "State Marco Rubio": an organisation word and a person's name after it.
      const k = run.map((w) => isOrgWord(w.text)).lastIndexOf(true);
      const rest = run.slice(k + 1);
      if (k >= 0 && rest.length >= 2 && rest.length <= 3 && rest.every((w) => !common(w) && !ACRONYM.test(w.text))) {
        if (k >= 1) add('organisation', run.slice(0, k + 1), s, {});
        add('person', rest, s, { ...extra, role: undefined });
      } else if (k >= 0 && run.length >= 2) add('organisation', run, s, extra);
      else if (run.length === 1 && ACRONYM.test(run[0].text) && !common(run[0])) add('organisation', run, s, extra);
      else if (run.length >= 2 && run.length <= 3 && run.every((w) => !common(w) && w.text.length >= 2 && !ACRONYM.test(w.text))) add('person', run, s, extra);
      else if (run.every((w) => ACRONYM.test(w.text) || w.text.length === 1) && ACRONYM.test(run[0].text) && !common(run[0])) add('organisation', run, s, extra);
      else for (const w of run) if (!common(w) && w.text.length >= 3) add(ACRONYM.test(w.text) && run.length === 1 ? 'organisation' : 'single', [w], s, { ...extra, role: run.length === 1 ? role : undefined });
    }
  });

  // People: full names grouped by their surname's spelling.
  type Group = { kind: DraftActor['kind']; full?: number; forms: Map<string, number>; first: Set<string>; surnames: string[]; roles: Map<string, number>; articles: Set<number>; count: number; afterAdjective: number };
  const groups: Group[] = [];
  const all = [...cands.values()].sort((a, b) => b.count - a.count || (a.form < b.form ? -1 : a.form > b.form ? 1 : 0));
  const merge = (g: Group, c: Candidate, form: string) => {
    g.forms.set(form, (g.forms.get(form) ?? 0) + c.count);
    for (const [r, n] of c.roles) g.roles.set(r, (g.roles.get(r) ?? 0) + n);
    for (const a of c.articles) g.articles.add(a);
    g.count += c.count;
    g.afterAdjective += c.afterAdjective;
    if (c.kind === 'person') g.full = (g.full ?? 0) + c.count;
  };
  // "the United States", "the White House": a name written after "the" is no person's.
  for (const c of all.filter((x) => x.kind === 'person' && x.placePrev * 2 < x.count && !x.afterThe)) {
    const surname = c.words[c.words.length - 1];
    const g = groups.find((x) => x.kind === 'person' && x.surnames.some((s) => sameNameWord(s, surname)));
    if (g) {
      merge(g, c, c.form);
      if (!g.surnames.includes(surname)) g.surnames.push(surname);
      c.words.slice(0, -1).forEach((w) => g.first.add(w));
    } else {
      const n: Group = { kind: 'person', forms: new Map(), first: new Set(c.words.slice(0, -1)), surnames: [surname], roles: new Map(), articles: new Set(), count: 0, afterAdjective: 0 };
      merge(n, c, c.form);
      groups.push(n);
    }
  }
  for (const c of all.filter((x) => x.kind === 'organisation')) {
    const form = c.form;
    const g = groups.find((x) => x.kind === 'organisation' && [...x.forms.keys()].some((f) => skeleton(f) === skeleton(form)));
    if (g) merge(g, c, form);
    else {
      const n: Group = { kind: 'organisation', forms: new Map(), first: new Set(), surnames: [], roles: new Map(), articles: new Set(), count: 0, afterAdjective: 0 };
      merge(n, c, form);
      groups.push(n);
    }
  }
  const leftOut: string[] = [];
  for (const c of all.filter((x) => x.kind === 'single')) {
    const w = c.words[0];
    const person = groups.find((x) => x.kind === 'person' && x.surnames.some((s) => sameNameWord(s, w)) && (CYR.test(w) || [...x.forms.keys()].some((f) => !CYR.test(f))));
    if (person) {
      merge(person, c, w);
      continue;
    }
    const firstOf = groups.find((x) => x.kind === 'person' && [...x.first].some((f) => sameNameWord(f, w)));
    if (firstOf) {
      firstOf.first.add(w);
      continue;
    }
    const org = groups.find((x) => x.kind === 'organisation' && [...x.forms.keys()].some((f) => f.split(' ').length === 1 && sameNameWord(f, w)));
    if (org) {
      merge(org, c, w);
      continue;
    }
    const cyr = CYR.test(w);
    if (placeNames.has(normWord(w)) || COMPASS.test(w)) continue;
    // An institution: written after "the" or before an organisation word, in most of its uses.
    if (!cyr && c.count >= 2 && !PEOPLE.test(w.toLowerCase()) && (c.afterThe + c.beforeOrg) * 2 >= c.count) {
      const n: Group = { kind: 'organisation', forms: new Map(), first: new Set(), surnames: [], roles: new Map(), articles: new Set(), count: 0, afterAdjective: 0 };
      merge(n, c, w);
      groups.push(n);
    } else if (c.count - c.atStart >= 2) leftOut.push(w);
  }

  const actors: DraftActor[] = [];
  const ids = new Set<string>();
  const initials = new Set(corpus.outlets.map((o) => o.split(/\s+/).map((w) => w[0]).join('').toUpperCase()));
  for (const g of groups) {
    const names = [...g.forms.keys()];
    if (g.count < 2 && names.every((f) => ACRONYM.test(f))) continue;
    if (g.kind === 'organisation' && names.every((f) => ACRONYM.test(f)) && g.afterAdjective * 2 >= g.count) continue;
    if (names.some((f) => initials.has(f))) continue;
    if (g.kind === 'person' && (g.full ?? 0) < 2 && names.every((f) => CYR.test(f) || !f.includes(' '))) continue;
    const forms = [...g.forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const full = forms.filter(([f]) => !CYR.test(f) && f.includes(' '));
    const name = (g.kind === 'person' ? full[0] : undefined) ?? forms.find(([f]) => !CYR.test(f)) ?? forms[0];
    if (!name) continue;
    if (g.kind === 'person')
      for (const [f, n] of [...forms]) {
        const last = f.split(/\s+/).pop()!;
        if (last !== f && !forms.some(([x]) => x === last)) forms.push([last, n]);
      }
    const latin = forms.filter(([f]) => !CYR.test(f));
    const cyrForms = forms.filter(([f]) => CYR.test(f)).map(([f]) => f);
    const aliases: DraftAlias[] = [];
    const seen = new Set<string>([name[0]]);
    const push = (text: string, safeAlone: boolean) => {
      if (seen.has(text)) return;
      seen.add(text);
      aliases.push({ text, safeAlone });
    };
    for (const [f] of latin) push(f, !(f.split(' ').length === 1 && lower.has(normWord(f))));
    for (const f of reduceForms(cyrForms)) push(f, true);
    // A person the corpus names in Latin letters only: the Cyrillic a Russian or Ukrainian page
    // writes, read back from the romanisation (rules.ts cyrillicSpellings), the surname and each
    // first name as their Latin forms are.
    if (g.kind === 'person' && !cyrForms.length) {
      for (const [f] of latin) if (!f.includes(' ')) for (const c of cyrillicSpellings(f)) push(c, !lower.has(normWord(f)));
      for (const f of [...g.first].filter((x) => !CYR.test(x))) for (const c of cyrillicSpellings(f)) push(c, false);
    }
    for (const f of reduceForms([...g.first].filter((f) => CYR.test(f)), [...g.first].filter((f) => !CYR.test(f)))) push(f, false);
    const role = [...g.roles.entries()].sort((a, b) => Number(CYR.test(a[0])) - Number(CYR.test(b[0])) || b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1))[0]?.[0];
    let id = slug(name[0]) || 'actor';
    for (let n = 2; ids.has(id); n++) id = `${slug(name[0])}-${n}`;
    ids.add(id);
    actors.push({ id, kind: g.kind, name: name[0], ...(role ? { role } : {}), aliases, mentions: g.count, articles: g.articles.size });
  }
  actors.sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'person' ? -1 : 1) || b.mentions - a.mentions || (a.id < b.id ? -1 : 1));
  return { actors, leftOut: [...new Set(leftOut)].sort() };
}

/**
 * The fewest of a name's forms that the engine's alias matcher needs to find them all: "Путин"
 * finds "Путина" and "Путину" (it matches a Cyrillic alias's case endings). Latin forms are kept.
 */
function reduceForms(cyr: string[], latin: string[] = []): string[] {
  const keep: string[] = [...latin];
  const sorted = [...new Set(cyr)].sort((a, b) => a.length - b.length || (a < b ? -1 : 1));
  const out: string[] = [];
  for (const f of sorted) {
    const m = new ActorMatcher(out.map((text) => ({ actor: 'x', text, safeAlone: true })));
    const hit = out.length ? m.find(f) : [];
    if (!hit.some((x) => x.start === 0 && x.end === f.length)) out.push(f);
  }
  return [...keep, ...out];
}

/** The role written before a name: words back to a function word, ending in a role noun ("Kremlin spokesman"). */
function roleBefore(text: string, ws: Word[], at: number): string | null {
  if (at < 0 || !isRoleNoun(ws[at].text)) return null;
  let from = at;
  while (from > 0 && from > at - 4) {
    const w = ws[from - 1];
    if (isStop(w.norm) || !(w.cap || isRoleNoun(w.text)) || !/^\s+$/.test(text.slice(w.end, ws[from].start).replace(/^['’ʼ]s/, ''))) break;
    from--;
  }
  return tidyRole(text.slice(ws[from].start, ws[at].end));
}

/** The role in an apposition after a name: ", an adviser to the head of Ukraine's presidential office,". */
function roleAfter(text: string, end: number): string | null {
  const m = /^,\s+(?:a|an|the)\s+([^,;.()"“”«»]{3,90}?)(?:,|\s+who\b|\s+said\b|\.|$)/u.exec(text.slice(end));
  if (!m) return null;
  const phrase = m[1];
  const ws = phrase.split(/\s+/);
  if (!ws.slice(0, 4).some((w) => isRoleNoun(w))) return null;
  return tidyRole(phrase);
}

function tidyRole(s: string): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return t.charAt(0).toUpperCase() + t.slice(1);
}

const LATIN: Record<string, string> = { а: 'a', б: 'b', в: 'v', г: 'g', ґ: 'g', д: 'd', е: 'e', ё: 'e', є: 'ye', ж: 'zh', з: 'z', и: 'i', і: 'i', ї: 'yi', й: 'y', к: 'k', л: 'l', м: 'm', н: 'n', о: 'o', п: 'p', р: 'r', с: 's', т: 't', у: 'u', ф: 'f', х: 'kh', ц: 'ts', ч: 'ch', ш: 'sh', щ: 'shch', ы: 'y', э: 'e', ю: 'yu', я: 'ya' };

/** An id from a name: lower-case Latin letters, digits and hyphens. */
export function slug(s: string): string {
  return [...normWord(s.replace(/\s+/g, ' ')).length ? s.toLowerCase() : '']
    .map((c) => LATIN[c] ?? c)
    .join('')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 60);
}
