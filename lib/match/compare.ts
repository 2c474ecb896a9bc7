// Comparing what a sentence says with a claim's slots: agreement that only looks like
// difference ("around 75%" / "about three-quarters") agrees; a different figure contradicts;
// a different wording, place description or channel differs. Notes are in words a reader
// understands: "says northwest of Moscow", "says 89 drones".
import type { Slot } from '../pack/schema';
import { termsOf } from './terms';
import { type Lexicon, PLAIN } from '../text/lexicon';
import { normPhrase, stem } from '../text/tokens';
import { extractChannels, extractPlaces, otherRegion, sameRegion, type Value } from '../text/values';

const CYRILLIC = /[\u0400-\u04ff]/;

export type SlotOutcome =
  | { status: 'absent' }
  | { status: 'agrees'; value: Value }
  | { status: 'differs' | 'contradicts'; value: Value; says: string; note: string };

const close = (a: number, b: number, approx: boolean) => Math.abs(a - b) <= Math.max(approx ? 0.06 * Math.max(a, b) : 0.005 * Math.max(a, b), 0.01);

/** The unit of a count as terms: stems, or concepts where the lexicon has one ("беспилотником" -> @drone). */
function unitTerms(unit: string | undefined, lexicon: Lexicon): string[] {
  return (unit ?? '')
    .toLowerCase()
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => lexicon.termOf(w, stem(w)) ?? stem(w));
}

/** The page's values against a claim's slot; units and quoted words are compared through `lexicon`. */
export function compareSlot(slot: Slot, values: Value[], lexicon: Lexicon = PLAIN): SlotOutcome {
  switch (slot.type) {
    case 'count': {
      const want = unitTerms(slot.unit, lexicon);
      const cands = values.filter((v) => v.type === 'count' && (!want.length || want.some((u) => unitTerms(v.unit, lexicon).includes(u))));
      // "89 drones against the" -> "89 drones": the figure and its noun.
      const cut = (v: Value) => {
        const words = v.text.split(/\s+/);
        const at = words.findIndex((w, i) => i > 0 && unitTerms(w.replace(/[^\p{L}\p{N}-]/gu, ''), lexicon).some((u) => want.includes(u)));
        return at > 0 ? words.slice(0, at + 1).join(' ') : v.text;
      };
      const o = numeric(slot, cands, (v) => `says ${cut(v)}`);
      if (o.status === 'absent' && want.length) {
        // A unit written in one script only cannot be checked on a count written in the other
        // ("91 long-range drones" and "91 беспилотник"): there the figure alone agrees, and never
        // contradicts (another count's noun is unknown).
        const script = (w: string) => (CYRILLIC.test(w) ? 'c' : 'l');
        const given = new Set((slot.unit ?? '').split(/[\s-]+/).filter(Boolean).map(script));
        if (given.size === 1) {
          const b = numeric(slot, values.filter((v) => v.type === 'count' && v.unit && !given.has(script(v.unit))), (v) => `says ${v.text}`);
          if (b.status === 'agrees') return b;
        }
      }
      return o.status === 'contradicts' ? { ...o, says: cut(o.value) } : o;
    }
    case 'percent':
    case 'distance':
      return numeric(slot, values.filter((v) => v.type === slot.type), (v) => `says ${v.text}`);
    case 'duration': {
      const cands = values.filter((v) => v.type === 'duration' && (!slot.unit || v.unit === slot.unit));
      if (!cands.length || slot.value == null) return { status: 'absent' };
      const exactOne = cands.find((v) => (v.values ?? [v.value]).length === 1 && close(v.value!, slot.value!, !!v.approx));
      if (exactOne) return { status: 'agrees', value: exactOne };
      const among = cands.find((v) => (v.values ?? []).some((n) => close(n, slot.value!, !!v.approx)));
      if (among) return { status: 'differs', value: among, says: among.text, note: `says ${among.text}` };
      return { status: 'contradicts', value: cands[0], says: cands[0].text, note: `says ${cands[0].text}` };
    }
    case 'date': {
      const cands = values.filter((v) => v.type === 'date' && v.from && v.to);
      if (!cands.length || !slot.from) return { status: 'absent' };
      const to = slot.to ?? slot.from;
      // A date written without its year ("December 28-29", read as year 0000) is of the claim's year.
      const year = slot.from.slice(0, 4);
      const dated = (d: string) => (d.startsWith('0000') ? `${year}${d.slice(4)}` : d);
      const agree = cands.find((v) => overlapDays(dated(v.from!), dated(v.to!), slot.from!, to));
      if (agree) return { status: 'agrees', value: agree };
      return { status: 'contradicts', value: cands[0], says: cands[0].text, note: `says ${cands[0].text}` };
    }
    case 'place':
      return comparePlace(slot, values.filter((v) => v.type === 'place'));
    case 'channel': {
      const want = extractChannels(slot.text)[0]?.channel;
      const got = values.find((v) => v.type === 'channel');
      if (!got || !want) return { status: 'absent' };
      // A more general word for the same channel ("social media" for a post on X) agrees.
      if (got.channel === want || GENERAL[got.channel!]?.includes(want) || GENERAL[want]?.includes(got.channel!)) return { status: 'agrees', value: got };
      return { status: 'differs', value: got, says: got.text, note: `says ${CHANNEL_WORDS[got.channel!] ?? got.channel}` };
    }
    case 'quote': {
      const want = normPhrase(slot.text);
      const quotes = values.filter((v) => v.type === 'quote');
      if (!quotes.length || !want) return { status: 'absent' };
      // The same words: one quote contains the other, word for word (a shorter one of at least four
      // words, or all of the claim's), as quotes are often cut.
      const wantWords = want.split(' ');
      const same = quotes.find((q) => {
        if (CYRILLIC.test(q.text) !== CYRILLIC.test(slot.text)) return false;
        const n = normPhrase(q.text).split(' ').filter(Boolean);
        return n.length > 0 && (containsWords(n, wantWords) || (containsWords(wantWords, n) && n.length >= Math.min(4, wantWords.length)));
      });
      if (same) return { status: 'agrees', value: same };
      // Another wording of the same words shares a meaning with them ("a lie" / "round of lies",
      // "fabrication"); a quote that shares none is other words of the speaker, not a variant.
      // A quote in another script is a translation, not another wording.
      const wantTerms = termsOf(slot.text, undefined, undefined, lexicon);
      const q = quotes.find((x) => CYRILLIC.test(x.text) === CYRILLIC.test(slot.text) && [...termsOf(x.text, undefined, undefined, lexicon)].some((t) => wantTerms.has(t)));
      if (!q) return { status: 'absent' };
      const words = q.text.replace(/^[\s.,;:!?–—-]+|[\s.,;:!?–—-]+$/g, '');
      return { status: 'differs', value: q, says: words, note: `quotes “${words}”` };
    }
    case 'speaker':
      return { status: 'absent' };
  }
}

/** Channels that a more general word covers. */
const GENERAL: Record<string, string[]> = { 'social media': ['post on X', 'Telegram post'] };

const CHANNEL_WORDS: Record<string, string> = {
  'Telegram post': 'a post on Telegram',
  'televised remarks': 'televised remarks',
  'post on X': 'a post on X',
  WhatsApp: 'messages on WhatsApp',
  interview: 'an interview',
  'news conference': 'a news conference',
  'social media': 'a social-media post',
  'phone call': 'a phone call',
  statement: 'a statement',
  'comments to media': 'comments reported by the media',
};

function containsWords(hay: string[], needle: string[]): boolean {
  outer: for (let i = 0; i + needle.length <= hay.length; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return true;
  }
  return false;
}

function numeric(slot: Slot, cands: Value[], says: (v: Value) => string): SlotOutcome {
  if (!cands.length || slot.value == null) return { status: 'absent' };
  const agree = cands.find((v) => close(v.value!, slot.value!, !!v.approx || /^(about|around|roughly|some|nearly|almost)\b/i.test(slot.text)));
  if (agree) return { status: 'agrees', value: agree };
  // Of several, the figure nearest the claim's is the claim's told otherwise ("left at least 115
  // people dead" for 133, not the "11 people" detained in the same sentence).
  const off = (x: Value) => Math.abs(Math.log((Math.abs(x.value!) + 1) / (Math.abs(slot.value!) + 1)));
  const v = cands.reduce((best, x) => (off(x) < off(best) ? x : best), cands[0]);
  return { status: 'contradicts', value: v, says: v.text, note: says(v) };
}

function overlapDays(aFrom: string, aTo: string, bFrom: string, bTo: string): boolean {
  // A date written without a year ("December 29") is compared by month and day.
  const strip = (d: string) => (d.startsWith('0000-') ? d.slice(5) : d);
  const noYear = aFrom.startsWith('0000-') || bFrom.startsWith('0000-');
  const k = (d: string) => (noYear ? d.slice(5) : strip(d));
  return k(aFrom) <= k(bTo) && k(bFrom) <= k(aTo);
}

function comparePlace(slot: Slot, places: Value[]): SlotOutcome {
  if (!places.length) return { status: 'absent' };
  const want = extractPlaces(slot.text);
  const wantDir = want.find((p) => p.landmark);
  const wantRegion = want.find((p) => p.region);
  const wantArea = want.find((p) => p.area);
  for (const p of places) {
    if (wantDir && p.landmark === wantDir.landmark && p.direction !== wantDir.direction)
      return { status: 'differs', value: p, says: p.text, note: `says ${p.text}` };
  }
  const agree = places.find(
    (p) => (wantDir && p.landmark === wantDir.landmark) || (wantRegion && p.region && sameRegion(p.region, wantRegion.region!)) || (wantArea && p.area === wantArea.area),
  );
  if (agree) return { status: 'agrees', value: agree };
  const area = places.find((p) => p.area);
  if (area) return { status: 'differs', value: area, says: area.text, note: `says ${area.text}` };
  // Another region contradicts: in one script, any other name; across scripts, one whose consonants
  // differ (a name that transliterates loosely, "Харьковской" / "Kharkiv", may be the same place).
  const region =
    wantRegion && places.find((p) => p.region && (CYRILLIC.test(p.region) === CYRILLIC.test(wantRegion.region!) || otherRegion(p.region, wantRegion.region!)));
  if (region) return { status: 'contradicts', value: region, says: region.text, note: `says ${region.text}` };
  return { status: 'absent' };
}
