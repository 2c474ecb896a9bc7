// Claims from aligned sentences: a group of sentences of two outlets or more is a claim; a
// sentence only one outlet has is kept when it carries a figure or a quote (single-source). The
// claim's text is its most central report, in English where there is one, and one that gives the
// figure most outlets give; its slots are the values its reports carry, the other figures become
// reports that differ; its cues, per language, are the distinctive words of its reports there.
import { isMultiplier, PARTITIVE_WORD, type Value } from '../text/values';
import type { DraftCorpus } from './corpus';
import { type FeatureSpace, similarity } from './features';
import type { DraftActor } from './actors';
import { slug } from './actors';
import { stemCommonness, termShared } from '../text/background';
import { PLAIN } from '../text/lexicon';
import { normWord } from '../text/tokens';
import { datelineEnd, isAdjective, isRoleNoun, isStop, PRONOUN_AFTER, PRONOUN_BEFORE } from './rules';
import { REPORTING } from '../text/phrases';
import { kinship } from './concepts';
import { trimReport, type Trimmed } from './trim';

export interface DraftSlot {
  type: 'count' | 'percent' | 'distance' | 'duration' | 'date' | 'quote';
  text: string;
  unit?: string;
  actor?: string;
}

export interface DraftClaim {
  id: string;
  text: string;
  kind: 'event' | 'statement' | 'quote' | 'figure';
  actors: Record<string, 'speaker' | 'claimant' | 'subject' | 'source'>;
  slots: Record<string, DraftSlot>;
  requires: string[];
  cues: Record<string, string[]>;
  /** For a figure claim, by language: words its reports share, one of which a sentence must hold. */
  anchors: Record<string, string[]>;
  /** The reference report as the text keeps it (./trim.ts). */
  trim: Trimmed;
  /** The sentences aligned into it, the text's first. */
  members: number[];
  reference: number;
  outlets: string[];
  langs: string[];
  /** Figures the outlets give differently: "133 people (3 outlets); 115 (NewsPulse Daily)". */
  differs: string[];
}

const NUMERIC = new Set(['count', 'percent', 'distance', 'duration']);
/**
 * Cue words per claim: in the claim's own language every other wording its reports use counts
 * (cues add to a match, never to what it must cover); in another language the cues are the
 * claim's words there, and a sentence must cover a share of them, so they are fewer.
 */
const CUES_OWN = 24;
const CUES_OTHER = 16;
/** An anchor is a word no more common than this in ordinary language (../text/background.ts). */
const ANCHOR_COMMONNESS = 0.5;
/** Of the reports at least this central (of the most central's), the claim's text is the one of fewest words. */
const CENTRAL = 0.7;

const numberOf = (v: Value) => v.value ?? null;
/**
 * A count's noun as written: "133 people" -> "people", "91 long-range drones" -> "drones" (a
 * hyphened word before it is an adjective, and so is a Russian or Ukrainian one: "13 російських
 * льотчиків" -> "льотчиків"), "25,000 of his men" -> "men"; none in "25 тысяч,".
 */
export const unitWord = (v: Value): string => {
  const words = v.text.split(/\s+/).slice(1).map((w) => w.replace(/[^\p{L}'’-]/gu, ''));
  let k = 0;
  // "25,000 of his fighters", "25 тысяч": a multiplier, and "of" with its determiners, come before the noun.
  while (k < words.length && isMultiplier(words[k])) k++;
  if (PARTITIVE_WORD.test(words[k] ?? '')) for (k++; k < words.length && DETERMINER.test(words[k]); k++);
  // A word shaped like an adjective is one only before a content word: "4 подозреваемых в теракте" counts suspects.
  while (k < words.length - 1 && (words[k].includes('-') || (isAdjective(normWord(words[k])) && !isStop(normWord(words[k + 1]))))) k++;
  return (words[k] ?? '').split('-').pop() ?? '';
};
const DETERMINER = /^(his|her|its|their|our|the|them|those|these|них|его|её|их|нас|його|її|їх)$/i;

interface Aligned {
  member: number;
  value: Value;
}

export function draftClaims(corpus: DraftCorpus, space: FeatureSpace, groups: number[][], actors: DraftActor[]): { claims: DraftClaim[]; leftOut: { sentence: number; why: string }[] } {
  const { infos } = space;
  const outletOf = (i: number) => corpus.articles[infos[i].s.article].outlet;
  const kindOf = new Map(actors.map((a) => [a.id, a.kind]));
  const claims: DraftClaim[] = [];
  const leftOut: { sentence: number; why: string }[] = [];
  const kin = kinship(space);
  // A sentence is in one group: its trimmed text is kept by its index.
  const trims = new Map<number, Trimmed>();
  const trimOf = (i: number, group: number[]) => {
    let t = trims.get(i);
    if (!t) {
      const multi = new Set(group.map(outletOf)).size >= 2;
      trims.set(i, (t = multi ? trimReport(space, i, group.filter((j) => j !== i), protectOf(i)) : trimReport(space, i, [], [])));
    }
    return t;
  };
  for (const group0 of groups) {
    const group = group0.filter((i) => !/^\s*[(\[]/.test(infos[i].s.text));
    if (!group.length) continue;
    const outlets = [...new Set(group.map(outletOf))];
    const central = group
      .map((i) => ({ i, c: group.reduce((t, j) => (j === i ? t : t + similarity(space, i, j)), 0) }))
      .sort((x, y) => y.c - x.c || x.i - y.i);
    const english = central.filter(({ i }) => infos[i].s.lang === 'en' && !infos[i].s.headline);
    const prose = central.filter(({ i }) => !infos[i].s.headline);
    // The most central report, or one nearly as central in fewer words: a claim a paraphrase can cover.
    const pool = english.length ? english : prose.length ? prose : central;
    const top = pool[0].c;
    // Each candidate without the pieces the other reports do not share (./trim.ts).
    const size = (i: number) => trimOf(i, group).weight;
    const order = [...pool.filter((x) => x.c >= CENTRAL * top).sort((x, y) => size(x.i) - size(y.i) || y.c - x.c || x.i - y.i), ...pool.filter((x) => x.c < CENTRAL * top)].map((x) => x.i);
    let reference = order[0];
    if (outlets.length < 2) {
      const info = infos[reference];
      const figure = info.values.some((v) => NUMERIC.has(v.type) && v.value != null && v.value !== 1);
      const quote = info.values.some((v) => v.type === 'quote') && speakerOf(info.s.text, info.mentions, kindOf, info.values) != null;
      if (info.s.headline || !(figure || quote)) {
        for (const i of group) leftOut.push({ sentence: i, why: info.s.headline ? 'a headline no other outlet matches' : 'one outlet only, with no figure or quote' });
        continue;
      }
    }
    // The claim, and a second one where the report's text gives another fact's figure (./trim.ts rest).
    for (const part of ['main', 'rest'] as const) {
      const keptOf = (i: number) => (part === 'main' ? trimOf(i, group) : trimOf(i, group).rest);
      if (!keptOf(reference)) continue;
      emit(reference, part, keptOf);
    }
    function emit(reference: number, part: 'main' | 'rest', keptOf: (i: number) => Trimmed | undefined) {
      let slots = slotsOf(reference, group, part);
      // The claim states the figure most outlets give: its text is a report that gives it.
      const first = slots.numeric[0];
      if (first && first.majority !== numberOf(first.ref)) {
        const alt = order.find((i) => keptOf(i) && infos[i].values.some((v) => v.type === first.ref.type && numberOf(v) === first.majority && keptOf(i)!.keeps(v.start, v.end)));
        if (alt != null) {
          reference = alt;
          slots = slotsOf(reference, group, part);
        }
      }
      const info = infos[reference];
      const out: Record<string, DraftSlot> = {};
      const requires: string[] = [];
      const given: { name: string; type: string; reports: number }[] = [];
      const differs: string[] = [];
      const name = (base: string) => {
        let n = slug(base) || 'value';
        for (let k = 2; out[n]; k++) n = `${slug(base) || 'value'}-${k}`;
        return n;
      };
      for (const s of slots.numeric) {
        if (outlets.length >= 2 && s.aligned.length < 2) continue;
        const chosen = s.aligned.find((x) => numberOf(x.value) === s.majority)?.value ?? s.ref;
        const units = [...new Set(s.aligned.map((x) => unitWord(x.value).toLowerCase()).filter((u) => u.length > 1))];
        const slotName = name(s.ref.type === 'count' ? unitWord(chosen) || 'count' : s.ref.type === 'percent' ? 'share' : s.ref.type);
        // A count as written up to its noun ("91 long-range drones").
      const noun = unitWord(chosen);
      const upTo = noun ? chosen.text.indexOf(noun, chosen.text.search(/\s/)) : -1;
      const text = s.ref.type === 'count' ? (upTo > 0 ? chosen.text.slice(0, upTo + noun.length) : chosen.text.split(/\s+/).slice(0, 2).join(' ')) : chosen.text;
        out[slotName] = { type: s.ref.type as DraftSlot['type'], text, ...(s.ref.type === 'count' && units.length ? { unit: units.join(' ') } : {}) };
        given.push({ name: slotName, type: s.ref.type, reports: new Set(s.aligned.map((x) => x.member)).size });
        const tally = new Map<number, string[]>();
        for (const x of s.aligned) {
          const v = numberOf(x.value);
          if (v == null) continue;
          const list = tally.get(v) ?? [];
          if (!list.includes(outletOf(x.member))) list.push(outletOf(x.member));
          tally.set(v, list);
        }
        if (tally.size > 1)
          differs.push(
            [...tally.entries()]
              .sort((a, b) => b[1].length - a[1].length || a[0] - b[0])
              .map(([v, os]) => `${v} (${os.length > 1 ? `${os.length} outlets` : os[0]})`)
              .join(', ') + ` [${slotName}]`,
          );
      }
      // The figure most reports give is required (the first of those), and a second count of another
      // kind that as many give ("11 people, including the four gunmen"): a sentence giving both is of
      // this claim, one giving neither of another event's. A figure fewer reports give is no test of
      // it ("six helicopters" beside the airmen killed that all give).
      const most = Math.max(0, ...given.filter((g) => g.type !== 'duration').map((g) => g.reports));
      for (const g of given) {
        if (g.type === 'duration' || g.reports < most) continue;
        if (!requires.length || (requires.length === 1 && g.type === 'count' && out[requires[0]].type === 'count' && out[requires[0]].unit !== out[g.name].unit)) requires.push(g.name);
      }
      const kept = keptOf(reference)!;
      for (const d of info.values.filter((v) => v.type === 'date' && kept.keeps(v.start, v.end))) {
        const key = d.from?.slice(5);
        const agreed = group.some((j) => j !== reference && infos[j].values.some((v) => v.type === 'date' && v.from?.slice(5) === key));
        if (agreed || outlets.length < 2) out[name('date')] = { type: 'date', text: d.text };
        break;
      }
      const claimActors: DraftClaim['actors'] = {};
      const said = speakerOf(info.s.text, info.mentions, kindOf, info.values);
      const speaker = info.mentions.some((m) => m.actor === said && kept.keeps(m.start, m.end)) ? said : null;
      const quote = info.values.filter((v) => v.type === 'quote' && /\p{L}{2}/u.test(v.text) && kept.keeps(v.start, v.end)).sort((a, b) => b.text.length - a.text.length)[0];
      if (quote && speaker && quote.text.length <= 600) {
        out.quote = { type: 'quote', text: quote.text.trim(), actor: speaker };
        claimActors[speaker] = 'speaker';
      } else if (speaker && REPORTING[info.s.lang]?.test(info.s.text)) {
        // Who one outlet says told it ("the governor said", "according to the FSB") is its source
        // where no other report names them: a page that tells the fact without them still tells it.
        const alone = group.length > 1 && !group.some((j) => j !== reference && infos[j].actors.includes(speaker));
        claimActors[speaker] = alone ? 'source' : 'claimant';
      }
      const kind: DraftClaim['kind'] = out.quote ? 'quote' : Object.values(out).some((s) => NUMERIC.has(s.type)) ? 'figure' : Object.keys(claimActors).length ? 'statement' : 'event';
      // The other actors the claim's text names are its subjects: a paraphrase names them too.
      for (const m of info.mentions) if (kindOf.has(m.actor) && !claimActors[m.actor] && kept.keeps(m.start, m.end)) claimActors[m.actor] = 'subject';
      const members = [reference, ...group.filter((i) => i !== reference)];
      claims.push({
        id: '',
        text: tidy(kept.text),
        trim: kept,
        kind,
        actors: claimActors,
        slots: out,
        requires,
        cues: cuesOf(space, members, reference, kin),
        anchors: kind === 'figure' && outlets.length >= 2 && requires.length < 2 ? anchorsOf(space, members, out, kept) : {},
        members,
        reference,
        outlets,
        langs: [...new Set(members.map((i) => infos[i].s.lang))].sort(),
        differs,
      });
    }
  }
  claims.sort((a, b) => b.outlets.length - a.outlets.length || a.reference - b.reference);
  const ids = new Set<string>();
  for (const c of claims) {
    const info = infos[c.reference];
    const rare = info.terms.filter((t) => c.trim.keeps(t.start, t.end)).sort((a, b) => space.weight(`w:${b.stem}`) - space.weight(`w:${a.stem}`) || a.start - b.start).slice(0, 3).sort((a, b) => a.start - b.start);
    const base = slug(rare.map((t) => t.norm).join(' ')) || 'claim';
    let id = base;
    for (let k = 2; ids.has(id); k++) id = `${base}-${k}`;
    ids.add(id);
    c.id = id;
  }
  return { claims, leftOut };

  /** What a trimmed report must keep: its speaker's name and the reporting verb. */
  function protectOf(i: number): { start: number; end: number }[] {
    const info = infos[i];
    const speaker = speakerOf(info.s.text, info.mentions, kindOf, info.values);
    const verb = REPORTING[info.s.lang]?.exec(info.s.text);
    return [...info.mentions.filter((m) => m.actor === speaker), ...(verb ? [{ start: verb.index, end: verb.index + verb[0].length }] : [])];
  }

  function slotsOf(ref: number, group: number[], part: 'main' | 'rest' = 'main') {
    const numeric: { ref: Value; aligned: Aligned[]; majority: number | null }[] = [];
    const kept = part === 'main' ? trimOf(ref, group) : trimOf(ref, group).rest!;
    for (const v of infos[ref].values) {
      if (!kept.keeps(v.start, v.end)) continue;
      if (!NUMERIC.has(v.type) || v.value == null || v.value === 1) continue;
      // "four were seized": a number without its noun is no figure of a kind.
      if (v.type === 'count' && (isStop(normWord(unitWord(v))) || unitWord(v).length < 3)) continue;
      const aligned: Aligned[] = [{ member: ref, value: v }];
      for (const j of group) {
        if (j === ref) continue;
        const cands = infos[j].values.filter((x) => x.type === v.type && x.value != null);
        const same = cands.find((x) => x.value === v.value);
        const sameLang = infos[j].s.lang === infos[ref].s.lang;
        const near = cands
          .filter((x) => (sameLang && v.type === 'count' ? unitWord(x).toLowerCase() === unitWord(v).toLowerCase() : true) && Math.abs(x.value! - v.value!) <= 0.3 * Math.max(x.value!, v.value!))
          .sort((a, b) => Math.abs(a.value! - v.value!) - Math.abs(b.value! - v.value!))[0];
        const hit = same ?? near;
        if (hit) aligned.push({ member: j, value: hit });
      }
      // The figure most outlets give; a tie keeps the reference's.
      const votes = new Map<number, Set<string>>();
      for (const x of aligned) {
        const set = votes.get(x.value.value!) ?? new Set<string>();
        set.add(outletOf(x.member));
        votes.set(x.value.value!, set);
      }
      let majority = v.value;
      for (const [val, set] of votes) if (set.size > (votes.get(majority)?.size ?? 0)) majority = val;
      numeric.push({ ref: v, aligned, majority });
    }
    return { numeric };
  }
}

/** The actor whose words a sentence reports: the one named nearest before its reporting verb or quote. */
export function speakerOf(text: string, mentions: { actor: string; start: number; end: number }[], kindOf: Map<string, string>, values: Value[]): string | null {
  const quotes = values.filter((v) => v.type === 'quote');
  const outside = mentions.filter((m) => !quotes.some((q) => m.start >= q.start && m.end <= q.end) && kindOf.has(m.actor));
  if (!outside.length) return null;
  const found = Object.values(REPORTING)
    .map((re) => re.exec(text))
    .filter((m): m is RegExpExecArray => !!m)
    .sort((a, b) => a.index - b.index)[0];
  const verb = found?.index;
  const people = outside.filter((m) => kindOf.get(m.actor) === 'person');
  const pool = people.length ? people : outside;
  if (verb == null) return quotes.length ? pool[0].actor : null;
  const before = pool.filter((m) => m.start < verb);
  // "…," he said, without naming Prigozhin; «…», — заявил он: a pronoun says, and the name after it is not its.
  if (!before.length && (PRONOUN_BEFORE.test(text.slice(0, verb)) || PRONOUN_AFTER.test(text.slice(verb)))) return null;
  if (before.length) return before[before.length - 1].actor;
  // After the verb, the one it names next ("said Foreign Minister Sergei Lavrov"), not the object
  // of what was said ("Russia accused Ukraine of trying to attack Vladimir Putin's residence").
  const after = pool.find((m) => m.start >= verb);
  const between = after ? text.slice(verb + found![0].length, after.start).split(/\s+/).filter(Boolean).length : Infinity;
  return between <= MAX_WORDS_TO_SPEAKER || quotes.length ? (after ?? pool[0]).actor : null;
}

/** Words between a reporting verb and the name of who says it after it ("said Russia's foreign minister, Sergei Lavrov"). */
const MAX_WORDS_TO_SPEAKER = 4;

/** Cue words per language: the reports' distinctive words there, those more reports share first. */
function cuesOf(space: FeatureSpace, members: number[], reference: number, kin: (norm: string, lang: string) => string | null): Record<string, string[]> {
  const { infos } = space;
  const byLang = new Map<string, number[]>();
  for (const i of members) byLang.set(infos[i].s.lang, [...(byLang.get(infos[i].s.lang) ?? []), i]);
  // The text's words are the claim's already; the words of the pieces the text leaves out are
  // another fact's (./trim.ts): neither is a cue.
  const refStems = new Set(infos[reference].terms.map((t) => t.stem));
  const refLang = infos[reference].s.lang;
  const out: Record<string, string[]> = {};
  for (const lang of [...byLang.keys()].sort()) {
    const list = byLang.get(lang)!;
    const stats = new Map<string, { n: number; forms: Map<string, number> }>();
    for (const i of list) {
      const seen = new Set<string>();
      for (const t of infos[i].terms) {
        if (lang === refLang && refStems.has(t.stem)) continue;
        const st = stats.get(t.stem) ?? { n: 0, forms: new Map() };
        if (!seen.has(t.stem)) st.n++;
        seen.add(t.stem);
        st.forms.set(t.norm, (st.forms.get(t.norm) ?? 0) + 1);
        stats.set(t.stem, st);
      }
    }
    const ranked = [...stats.entries()]
      .map(([stem, st]) => ({ stem, st, w: st.n * space.weight(`w:${stem}`) }))
      .filter((x) => (space.df.get(`w:${x.stem}`) ?? 0) <= Math.max(4, infos.length * 0.05) || x.st.n >= 2)
      .sort((a, b) => b.w - a.w || (a.stem < b.stem ? -1 : 1))
      .slice(0, lang === refLang ? CUES_OWN : CUES_OTHER);
    const words = ranked.map((x) => [...x.st.forms.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0][0]);
    if (words.length) out[lang] = words;
  }
  // Russian where only Ukrainian reports it, and the other way round: the cues' kin in the corpus.
  for (const [from, to] of [['uk', 'ru'], ['ru', 'uk']]) {
    if (!out[from] || out[to] || to === refLang) continue;
    const words = [...new Set(out[from].map((w) => kin(w, to)).filter((w): w is string => !!w))];
    if (words.length >= 2) out[to] = words.slice(0, CUES_OTHER);
  }
  return out;
}

/**
 * A figure claim's anchors per language: the words two of its reports or more share there
 * (beside the figure's own noun), so that another event's toll ("19 people killed in Tunis") is
 * not taken for this one's. None where the reports share fewer than two such words.
 */
function anchorsOf(space: FeatureSpace, members: number[], slots: Record<string, DraftSlot>, kept: Trimmed): Record<string, string[]> {
  const { infos } = space;
  const reference = infos[members[0]];
  const otherFact = new Set(reference.terms.filter((t) => !kept.keeps(t.start, t.end)).map((t) => t.stem));
  const units = new Set(Object.values(slots).flatMap((s) => (s.unit ?? '').split(' ').map((u) => normWord(u))));
  const out: Record<string, string[]> = {};
  const langs = [...new Set(members.map((i) => infos[i].s.lang))].sort();
  for (const lang of langs) {
    const list = members.filter((i) => infos[i].s.lang === lang);
    if (list.length < 2) continue;
    const count = new Map<string, { n: number; form: string }>();
    for (const i of list)
      for (const st of new Set(infos[i].terms.map((t) => t.stem))) {
        const form = infos[i].terms.find((t) => t.stem === st)!.norm;
        // Not the figure's noun, nor a word of the other fact the text leaves out, nor a word common
        // in any prose or in the reporting of any story ("killed", "attack"): those are no story's own.
        if (units.has(form) || otherFact.has(st) || stemCommonness(st) > ANCHOR_COMMONNESS || termShared(st, PLAIN)) continue;
        const c = count.get(st) ?? { n: 0, form };
        c.n++;
        count.set(st, c);
      }
    const rare = Math.max(4, infos.length * 0.08);
    const shared = [...count.entries()].filter(([st, c]) => c.n >= 2 && (space.df.get(`w:${st}`) ?? 0) <= rare && c.form.length >= 4 && !isRoleNoun(c.form)).sort((a, b) => b[1].n - a[1].n || (a[0] < b[0] ? -1 : 1));
    if (shared.length >= 2) out[lang] = shared.slice(0, 12).map(([, c]) => c.form);
  }
  return out;
}

/** A report's words as a claim's text: without a dateline ("MOSCOW, March 23 (Agency) - "). */
function tidy(text: string): string {
  return text
    .slice(datelineEnd(text))
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 1900);
}
