// Finding actor mentions: all installed aliases compiled once into a word-level trie (an
// Aho-Corasick automaton over words rather than characters: aliases match whole words only, so
// a match can only start at a word), flattened into typed arrays that can be cached and restored
// without recompiling. Leftmost-longest and non-overlapping.
//
// Cyrillic names are inflected ("Лаврова", "Зеленського"): a Cyrillic alias word is stored as its
// stem (the nominative ending dropped), and a text word matches it when it is the stem plus one of
// the case endings. Aliases that are not safe alone (a first name) count only after the actor was
// named by a safe alias earlier in the same text.
//
// The parts: ./words.ts (words, stems, character classes), ./compile.ts (aliases into the compact
// trie); this module is the matcher and the public face of all three.
import { compile, type AliasInput, type CompactMatcher } from './compile';
import { apostropheJoins, astralWordChar, CASE_ENDINGS, CLASS, CYRILLIC_RE, charClass, FNV_OFFSET, FNV_PRIME, grow, hashString, joinable, MAX_ENDING, normToken, separatorJoins, UNKNOWN, WORD_RE } from './words';

export { aliasInputs, type AliasInput, type CompactMatcher } from './compile';
export { aliasWords } from './words';

export interface Mention {
  actor: string;
  start: number;
  end: number;
  text: string;
}

export class ActorMatcher {
  private readonly c: CompactMatcher;
  /** Stem lengths of Cyrillic words, longest first. */
  private readonly stemLengths: number[];
  /** Open-addressing table from a word's hash to its id: words are looked up without slicing the text. */
  private readonly table: Int32Array;
  private readonly hashes: Int32Array;
  private readonly mask: number;

  constructor(aliases: AliasInput[] | CompactMatcher) {
    this.c = Array.isArray(aliases) ? compile(aliases) : aliases;
    // One pass over the words, and no Map of them: restoring a cached matcher is this loop.
    const lengths = new Set<number>();
    const words = this.c.words;
    let size = 16;
    while (size < words.length * 2) size <<= 1;
    this.mask = size - 1;
    this.table = new Int32Array(size).fill(-1);
    this.hashes = new Int32Array(words.length);
    for (let i = 0; i < words.length; i++) {
      const w = words[i];
      if (this.c.cyrillic[i]) lengths.add(w.length);
      const h = hashString(w);
      this.hashes[i] = h;
      let slot = h & this.mask;
      for (; this.table[slot] !== -1; slot = (slot + 1) & this.mask) if (this.hashes[this.table[slot]] === h && words[this.table[slot]] === w) break;
      // A word listed twice (only a hand-made compact form has that): the first keeps its id.
      if (this.table[slot] === -1) this.table[slot] = i;
    }
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

  /** The id of an alias word, or -1. */
  private lookup(w: string): number {
    const h = hashString(w);
    const { table, hashes, mask } = this;
    for (let slot = h & mask; ; slot = (slot + 1) & mask) {
      const cand = table[slot];
      if (cand === -1) return -1;
      if (hashes[cand] === h && this.c.words[cand] === w) return cand;
    }
  }

  private wordId(norm: string): number {
    const id = this.lookup(norm);
    if (id >= 0) return id;
    if (this.stemLengths.length && CYRILLIC_RE.test(norm)) {
      for (const len of this.stemLengths) {
        if (len > norm.length || norm.length - len > MAX_ENDING) continue;
        const sid = this.lookup(norm.slice(0, len));
        if (sid >= 0 && this.c.cyrillic[sid] && CASE_ENDINGS.has(norm.slice(len))) return sid;
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

  /**
   * The words of lower-cased text and their ids, in one pass without slicing known-clean words.
   * The words are those of WORD_RE (../text/tokens.ts WORD), found class by class: tests/unit/
   * words.test.ts holds the two to each other.
   */
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
      if (k === 0 || k === 3 || k === 5) {
        i++;
        continue;
      }
      if (k === 6 && !astralWordChar(lo, i)) {
        i++;
        continue;
      }
      const start = i;
      let h = FNV_OFFSET;
      let slow = false;
      let skip = 0;
      let cyrSeen = false;
      for (;;) {
        if (k === 1) {
          h = Math.imul(h ^ c, FNV_PRIME);
          if (c >= 0x400) cyrSeen = true;
        }
        else if (k === 2 || k === 4) slow = true;
        else if (k === 3) {
          // "Putin’s": the possessive ends the word; "O'Brien", "п'ять": the apostrophe is inside it.
          if (!apostropheJoins(lo, i)) break;
          if (lo.charCodeAt(i + 1) === 115) {
            // The possessive is "'s" that the word does not go on after.
            const a = i + 2 < n ? charClass(lo.charCodeAt(i + 2)) : 0;
            const goesOn = a === 1 || a === 2 || a === 4 || (a === 6 && astralWordChar(lo, i + 2) > 0) || (a === 3 && apostropheJoins(lo, i + 2));
            // (After a word that already ends in "'s", normWord drops only the last one: kept whole.)
            if (!goesOn && !(lo.charCodeAt(i - 1) === 115 && i - 2 > start && charClass(lo.charCodeAt(i - 2)) === 3)) {
              skip = 2;
              break;
            }
          }
          slow = true;
        } else if (k === 5) {
          // "5,000", "1.5": a dot or comma between digits is inside the number.
          if (!separatorJoins(lo, i)) break;
          h = Math.imul(h ^ c, FNV_PRIME);
        } else if (k === 6) {
          const len = astralWordChar(lo, i);
          if (!len) break;
          slow = true;
          i += len - 1;
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
        // A Cyrillic word (any Cyrillic letter makes one, as in aliasWords) may be a stem and an ending.
        if (id < 0 && cyr && cyrSeen) id = this.wordId(lo.slice(start, end));
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
      i += skip;
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
