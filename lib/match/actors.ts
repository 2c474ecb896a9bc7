// Finding actor mentions: all installed aliases compiled once into a word-level trie (an
// Aho-Corasick automaton over words rather than characters: aliases match whole words only, so
// a match can only start at a word), flattened into typed arrays that can be cached and restored
// without recompiling. Leftmost-longest and non-overlapping.
//
// Cyrillic names are inflected ("Лаврова", "Зеленського"): a Cyrillic alias word is stored as its
// stem (the nominative ending dropped), and a text word matches it when it is the stem plus one of
// the case endings. Aliases that are not safe alone (a first name) count only after the actor was
// named by a safe alias earlier in the same text.
import { aliasObject, type Actor } from '../pack/schema';
import { normWord } from '../text/tokens';

export interface AliasInput {
  actor: string;
  text: string;
  safeAlone: boolean;
}

export interface Mention {
  actor: string;
  start: number;
  end: number;
  text: string;
}

/** Every name of the actors, the canonical one included, as matcher input. */
export function aliasInputs(actors: Pick<Actor, 'id' | 'name' | 'aliases'>[]): AliasInput[] {
  return actors.flatMap((a) => [
    { actor: a.id, text: a.name, safeAlone: true },
    ...a.aliases.map((x) => ({ actor: a.id, ...aliasObject(x) })),
  ]);
}

/** The matcher in a form that structured clone and JSON keep: cache it, restore it. */
export interface CompactMatcher {
  format: 1;
  /** Normalised alias words (Cyrillic ones as stems); a word's index is its id. */
  words: string[];
  /** Which words are Cyrillic stems. */
  cyrillic: Uint8Array;
  /** Trie edges, CSR: the edges of node n are edgeWord/edgeTo[edgeStart[n] .. edgeStart[n+1]), sorted by word. */
  edgeStart: Int32Array;
  edgeWord: Int32Array;
  edgeTo: Int32Array;
  /** Per node: index into `actors` of the alias ending there (-1: none), and whether it is safe alone. */
  terminal: Int32Array;
  safe: Uint8Array;
  actors: string[];
}

const CYRILLIC_RE = /[\u0400-\u04ff]/;
// Case endings a Russian or Ukrainian name may take (nouns and adjectival surnames).
const CASE_ENDINGS = new Set([
  '', 'а', 'я', 'у', 'ю', 'е', 'є', 'і', 'и', 'ы', 'ой', 'ей', 'ою', 'ею', 'ом', 'ем', 'ым', 'им', 'ім', 'ого', 'его', 'ому',
  'ему', 'ої', 'ій', 'ий', 'ый', 'ая', 'ую', 'ов', 'ев', 'ам', 'ям', 'ах', 'ях', 'ыми', 'ими', 'іми', 'ові', 'еві', 'ину', 'ина',
]);
const MAX_ENDING = 3;
const NOMINATIVE = /(ий|ый|ой|ій|а|я|ь|й)$/;

/** The part of a Cyrillic name word that stays when it is inflected. */
function cyrStem(w: string): string {
  return w.length > 4 ? w.replace(NOMINATIVE, '') : w;
}

// Word characters: letters, marks, digits, and the invisible characters that may sit inside a
// word (soft hyphen, zero-width space and joiners, word joiner, zero-width no-break space);
// apostrophes inside a word ("O'Brien", "Putin’s"). normWord drops the invisible ones.
const WORD_RE = /[\p{L}\p{M}\p{N}\u00ad\u200b-\u200d\u2060\ufeff]+(?:['’ʼ][\p{L}\p{M}]+)*/gu;
/** WORD_RE for aliases, apart from the one that scans pages. */
const ALIAS_WORD_RE = new RegExp(WORD_RE.source, 'gu');
const NEEDS_FULL_NORM = /[^\x00-\x7f\u0400-\u04ff]|['’ʼ\u00ad\u200b-\u200d\u2060\ufeff]/;

function normToken(raw: string): string {
  return NEEDS_FULL_NORM.test(raw) ? normWord(raw) : raw;
}

/**
 * The words of an alias as the matcher keeps them: normalised, Cyrillic ones as stems. A word of
 * invisible characters only ("\u200b") normalises to nothing and is left out, so it can match
 * nothing on a page; an alias with no word left matches nothing at all (validation refuses it).
 */
export function aliasWords(text: string): { word: string; cyrillic: boolean }[] {
  const out: { word: string; cyrillic: boolean }[] = [];
  const lowered = text.toLowerCase();
  ALIAS_WORD_RE.lastIndex = 0;
  for (let m = ALIAS_WORD_RE.exec(lowered); m; m = ALIAS_WORD_RE.exec(lowered)) {
    const w = normToken(m[0]);
    if (!w) continue;
    const cyrillic = CYRILLIC_RE.test(w);
    out.push({ word: cyrillic ? cyrStem(w) : w, cyrillic });
  }
  return out;
}

/** Between two words of one name: only spaces, hyphens and dots. */
function joinable(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (!(c === 32 || c === 160 || c === 45 || c === 46 || c === 0x2010 || c === 0x2011 || c === 9 || c === 10)) return false;
  }
  return true;
}

// Character classes for the scanning loop, filled lazily: 0 not a word character, 1 a word
// character that needs no normalisation (a-z, 0-9, Cyrillic but ё), 2 one that does (accented
// Latin, ё, other scripts), 3 an apostrophe, 4 an invisible character inside a word.
const UNKNOWN = 255;
const CLASS = new Uint8Array(65536).fill(UNKNOWN);
function charClass(c: number): number {
  let k = CLASS[c];
  if (k !== UNKNOWN) return k;
  const ch = String.fromCharCode(c);
  if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x430 && c <= 0x44f) || c === 0x456 || c === 0x457 || c === 0x454 || c === 0x491) k = 1;
  else if (c === 39 || c === 0x2019 || c === 0x2bc) k = 3;
  else if (c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff) k = 4;
  else if (c >= 0xd800 && c <= 0xdfff) k = 2; // surrogate halves: letters of other planes go the slow way
  else k = /[\p{L}\p{M}\p{N}]/u.test(ch) ? 2 : 0;
  CLASS[c] = k;
  return k;
}

function grow(a: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const b = new Int32Array(a.length * 2);
  b.set(a);
  return b;
}

const FNV_OFFSET = 0x811c9dc5;
const FNV_PRIME = 0x01000193;
function hashString(w: string): number {
  let h = FNV_OFFSET;
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), FNV_PRIME);
  return h;
}

export class ActorMatcher {
  private readonly c: CompactMatcher;
  private readonly wordIds: Map<string, number>;
  /** Stem lengths of Cyrillic words, longest first. */
  private readonly stemLengths: number[];
  /** Open-addressing table from a word's hash to its id: words are looked up without slicing the text. */
  private readonly table: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;

  constructor(aliases: AliasInput[] | CompactMatcher) {
    this.c = Array.isArray(aliases) ? compile(aliases) : aliases;
    this.wordIds = new Map();
    const lengths = new Set<number>();
    const words = this.c.words;
    let size = 16;
    while (size < words.length * 2) size <<= 1;
    this.mask = size - 1;
    this.table = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(words.length);
    words.forEach((w, i) => {
      this.wordIds.set(w, i);
      if (this.c.cyrillic[i]) lengths.add(w.length);
      const h = hashString(w);
      this.hashes[i] = h;
      let slot = h & this.mask;
      while (this.table[slot] !== -1) slot = (slot + 1) & this.mask;
      this.table[slot] = i;
    });
    this.stemLengths = [...lengths].sort((a, b) => b - a);
  }

  /** The compiled form, for a cache. */
  compact(): CompactMatcher {
    return this.c;
  }

  static fromCompact(c: CompactMatcher): ActorMatcher {
    if (c?.format !== 1) throw new Error('not a compiled actor matcher (format 1)');
    return new ActorMatcher(c);
  }

  /** Bytes of the compact form (typed arrays and words). */
  size(): number {
    const c = this.c;
    const strings = c.words.reduce((n, w) => n + w.length * 2, 0) + c.actors.reduce((n, a) => n + a.length * 2, 0);
    return strings + c.cyrillic.byteLength + c.edgeStart.byteLength + c.edgeWord.byteLength + c.edgeTo.byteLength + c.terminal.byteLength + c.safe.byteLength;
  }

  private wordId(norm: string): number {
    const id = this.wordIds.get(norm);
    if (id !== undefined) return id;
    if (this.stemLengths.length && CYRILLIC_RE.test(norm)) {
      for (const len of this.stemLengths) {
        if (len > norm.length || norm.length - len > MAX_ENDING) continue;
        const sid = this.wordIds.get(norm.slice(0, len));
        if (sid !== undefined && this.c.cyrillic[sid] && CASE_ENDINGS.has(norm.slice(len))) return sid;
      }
    }
    return -1;
  }

  private child(node: number, word: number): number {
    const { edgeStart, edgeWord, edgeTo } = this.c;
    let lo = edgeStart[node];
    let hi = edgeStart[node + 1] - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const w = edgeWord[mid];
      if (w === word) return edgeTo[mid];
      if (w < word) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** Mentions in `text`, leftmost-longest and non-overlapping. */
  find(text: string): Mention[] {
    const lowered = text.toLowerCase();
    // Lower-casing may change the length of a few characters (İ); then words are found one by one.
    const words = lowered.length === text.length ? this.scanWords(lowered) : this.scanWordsSlow(text);
    return this.walk(text, words.starts, words.ends, words.ids, words.count);
  }

  /** The words of lower-cased text and their ids, in one pass without slicing known-clean words. */
  private scanWords(lo: string) {
    const n = lo.length;
    let starts = new Int32Array(Math.min(n, 1024) + 8);
    let ends = new Int32Array(starts.length);
    let ids = new Int32Array(starts.length);
    let count = 0;
    const cyr = this.stemLengths.length > 0;
    const { table, hashes, mask } = this;
    const words = this.c.words;
    const cls = CLASS;
    let i = 0;
    while (i < n) {
      let c = lo.charCodeAt(i);
      let k = cls[c];
      if (k === UNKNOWN) k = charClass(c);
      if (k === 0 || k === 3) {
        i++;
        continue;
      }
      const start = i;
      let h = FNV_OFFSET;
      let slow = false;
      for (;;) {
        if (k === 1) h = Math.imul(h ^ c, FNV_PRIME);
        else if (k === 2 || k === 4) slow = true;
        else if (k === 3) {
          // "Putin’s": the possessive ends the word; "O'Brien", "п'ять": the apostrophe is inside it.
          const after = i + 2 < n ? charClass(lo.charCodeAt(i + 2)) : 0;
          if (lo.charCodeAt(i + 1) === 115 && (after === 0 || after === 3)) break;
          const next = i + 1 < n ? charClass(lo.charCodeAt(i + 1)) : 0;
          if (next === 1 || next === 2) slow = true;
          else break;
        } else break;
        if (++i >= n) break;
        c = lo.charCodeAt(i);
        k = cls[c];
        if (k === UNKNOWN) k = charClass(c);
      }
      const end = i;
      let id = -1;
      if (slow) id = this.wordId(normToken(lo.slice(start, end)));
      else {
        const len = end - start;
        for (let slot = h & mask; ; slot = (slot + 1) & mask) {
          const cand = table[slot];
          if (cand === -1) break;
          if (hashes[cand] !== h) continue;
          const w = words[cand];
          if (w.length !== len) continue;
          let j = 0;
          while (j < len && w.charCodeAt(j) === lo.charCodeAt(start + j)) j++;
          if (j === len) {
            id = cand;
            break;
          }
        }
        if (id < 0 && cyr) {
          const first = lo.charCodeAt(start);
          if (first >= 0x400 && first <= 0x4ff) id = this.wordId(lo.slice(start, end));
        }
      }
      if (count === starts.length) {
        starts = grow(starts);
        ends = grow(ends);
        ids = grow(ids);
      }
      starts[count] = start;
      ends[count] = end;
      ids[count] = id;
      count++;
    }
    return { starts, ends, ids, count };
  }

  private scanWordsSlow(text: string) {
    const starts: number[] = [];
    const ends: number[] = [];
    const ids: number[] = [];
    WORD_RE.lastIndex = 0;
    for (let m = WORD_RE.exec(text); m; m = WORD_RE.exec(text)) {
      starts.push(m.index);
      ends.push(m.index + m[0].length);
      ids.push(this.wordId(normToken(m[0].toLowerCase())));
    }
    return { starts, ends, ids, count: ids.length };
  }

  private walk(text: string, starts: ArrayLike<number>, ends: ArrayLike<number>, ids: ArrayLike<number>, count: number): Mention[] {
    const out: Mention[] = [];
    const { terminal, safe, actors } = this.c;
    const named = new Set<number>();
    for (let i = 0; i < count; i++) {
      if (ids[i] < 0) continue;
      let node = this.child(0, ids[i]);
      if (node < 0) continue;
      let best = -1;
      let bestEnd = -1;
      for (let k = i; ; ) {
        const t = terminal[node];
        if (t >= 0 && (safe[node] || named.has(t))) {
          best = node;
          bestEnd = k;
        }
        k++;
        if (k >= count || ids[k] < 0 || !joinable(text, ends[k - 1], starts[k])) break;
        node = this.child(node, ids[k]);
        if (node < 0) break;
      }
      if (best < 0) continue;
      const actor = terminal[best];
      if (safe[best]) named.add(actor);
      out.push({ actor: actors[actor], start: starts[i], end: ends[bestEnd], text: text.slice(starts[i], ends[bestEnd]) });
      i = bestEnd;
    }
    return out;
  }
}

/** Builds the trie from aliases. Where two actors share an alias, the first given keeps it. */
function compile(aliases: AliasInput[]): CompactMatcher {
  const words: string[] = [];
  const cyr: number[] = [];
  const wordIds = new Map<string, number>();
  const actors: string[] = [];
  const actorIds = new Map<string, number>();
  // Trie under construction: per node a Map from word id to child.
  const kids: Map<number, number>[] = [new Map()];
  const terminal: number[] = [-1];
  const safe: number[] = [0];
  for (const a of aliases) {
    const seq: number[] = [];
    for (const { word: w, cyrillic: isCyr } of aliasWords(a.text)) {
      let id = wordIds.get(w);
      if (id === undefined) {
        id = words.length;
        words.push(w);
        cyr.push(isCyr ? 1 : 0);
        wordIds.set(w, id);
      }
      seq.push(id);
    }
    if (!seq.length) continue;
    let node = 0;
    for (const id of seq) {
      let next = kids[node].get(id);
      if (next === undefined) {
        next = kids.length;
        kids.push(new Map());
        terminal.push(-1);
        safe.push(0);
        kids[node].set(id, next);
      }
      node = next;
    }
    let actor = actorIds.get(a.actor);
    if (actor === undefined) {
      actor = actors.length;
      actors.push(a.actor);
      actorIds.set(a.actor, actor);
    }
    if (terminal[node] === -1) {
      terminal[node] = actor;
      safe[node] = a.safeAlone ? 1 : 0;
    } else if (terminal[node] === actor && a.safeAlone) safe[node] = 1;
  }
  const edgeStart = new Int32Array(kids.length + 1);
  let edges = 0;
  kids.forEach((k, n) => {
    edgeStart[n] = edges;
    edges += k.size;
  });
  edgeStart[kids.length] = edges;
  const edgeWord = new Int32Array(edges);
  const edgeTo = new Int32Array(edges);
  kids.forEach((k, n) => {
    const sorted = [...k.entries()].sort((x, y) => x[0] - y[0]);
    sorted.forEach(([w, to], j) => {
      edgeWord[edgeStart[n] + j] = w;
      edgeTo[edgeStart[n] + j] = to;
    });
  });
  return {
    format: 1,
    words,
    cyrillic: Uint8Array.from(cyr),
    edgeStart,
    edgeWord,
    edgeTo,
    terminal: Int32Array.from(terminal),
    safe: Uint8Array.from(safe),
    actors,
  };
}
