// Compiling the actor matcher: all installed aliases into a word-level trie, flattened into typed
// arrays (CompactMatcher) that structured clone and JSON keep, so a cached matcher is restored
// without compiling again. The matcher that walks it is ./actors.ts.
import { aliasObject, type Actor } from '../pack/schema';
import { aliasWords, hashString } from './words';

export interface AliasInput {
  actor: string;
  text: string;
  safeAlone: boolean;
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

/**
 * Builds the trie from aliases. Where two actors share an alias, the first given keeps it.
 *
 * Linear in the alias words, and flat: each node is numbered in the order it is made and knows
 * its parent and the word on the edge into it; one open-addressing table finds a node's child
 * by word (no Map per node: a pack of long aliases has millions of nodes). The edges are then
 * laid out per node, sorted by word, with two counting sorts.
 */
export function compile(aliases: AliasInput[]): CompactMatcher {
  const words: string[] = [];
  const cyr: number[] = [];
  // Word ids: open addressing on the words' hashes (lighter than a Map of a million strings).
  let hashes = new Int32Array(1024);
  let wtable = new Int32Array(2048).fill(-1);
  let wmask = wtable.length - 1;
  const wordId = (w: string, isCyr: boolean): number => {
    const h = hashString(w);
    let i = h & wmask;
    for (; wtable[i] !== -1; i = (i + 1) & wmask) if (hashes[wtable[i]] === h && words[wtable[i]] === w) return wtable[i];
    const id = words.length;
    words.push(w);
    cyr.push(isCyr ? 1 : 0);
    if (id === hashes.length) hashes = growTo(hashes, id * 2, 0);
    hashes[id] = h;
    if (words.length * 2 > wtable.length) {
      wtable = new Int32Array(wtable.length * 2).fill(-1);
      wmask = wtable.length - 1;
      for (let k = 0; k < words.length; k++) {
        let j = hashes[k] & wmask;
        while (wtable[j] !== -1) j = (j + 1) & wmask;
        wtable[j] = k;
      }
    } else wtable[i] = id;
    return id;
  };
  const actors: string[] = [];
  const actorIds = new Map<string, number>();
  let nodes = 1;
  let parent = new Int32Array(1024);
  let via = new Int32Array(1024);
  let terminal = new Int32Array(1024).fill(-1);
  let safe = new Uint8Array(1024);
  parent[0] = -1;
  via[0] = -1;
  // Child lookup: slots hold node ids (-1 empty), keyed by (parent, word) of the node.
  let table = new Int32Array(2048).fill(-1);
  let mask = table.length - 1;
  const slotOf = (node: number, word: number) => (Math.imul(node, 0x9e3779b1) ^ Math.imul(word, 0x85ebca6b)) & mask;
  const child = (node: number, word: number): number => {
    for (let i = slotOf(node, word); ; i = (i + 1) & mask) {
      const c = table[i];
      if (c === -1 || (parent[c] === node && via[c] === word)) return c;
    }
  };
  const place = (c: number) => {
    let i = slotOf(parent[c], via[c]);
    while (table[i] !== -1) i = (i + 1) & mask;
    table[i] = c;
  };
  for (const a of aliases) {
    const seq: number[] = [];
    for (const { word: w, cyrillic: isCyr } of aliasWords(a.text)) seq.push(wordId(w, isCyr));
    if (!seq.length) continue;
    let node = 0;
    for (const id of seq) {
      let next = child(node, id);
      if (next === -1) {
        if (nodes === parent.length) {
          parent = growTo(parent, nodes * 2, 0);
          via = growTo(via, nodes * 2, 0);
          terminal = growTo(terminal, nodes * 2, -1);
          const s2 = new Uint8Array(nodes * 2);
          s2.set(safe);
          safe = s2;
        }
        next = nodes++;
        parent[next] = node;
        via[next] = id;
        if (nodes * 2 > table.length) {
          table = new Int32Array(table.length * 2).fill(-1);
          mask = table.length - 1;
          for (let c = 1; c < nodes; c++) place(c);
        } else place(next);
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
  // CSR: the nodes but the root, by word (a stable counting sort), then by parent (another), so
  // each node's edges are together and sorted by word.
  const edges = nodes - 1;
  const byWord = countingSort(edges, words.length, (e) => via[e + 1], null);
  const order = countingSort(edges, nodes, (e) => parent[e + 1], byWord);
  const edgeStart = new Int32Array(nodes + 1);
  for (let c = 1; c < nodes; c++) edgeStart[parent[c] + 1]++;
  for (let n = 0; n < nodes; n++) edgeStart[n + 1] += edgeStart[n];
  const edgeWord = new Int32Array(edges);
  const edgeTo = new Int32Array(edges);
  for (let j = 0; j < edges; j++) {
    const c = order[j] + 1;
    edgeWord[j] = via[c];
    edgeTo[j] = c;
  }
  return {
    format: 1,
    words,
    cyrillic: Uint8Array.from(cyr),
    edgeStart,
    edgeWord,
    edgeTo,
    terminal: terminal.slice(0, nodes),
    safe: safe.slice(0, nodes),
    actors,
  };
}

function growTo(a: Int32Array<ArrayBuffer>, size: number, fill: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(size);
  if (fill) b.fill(fill);
  b.set(a);
  return b;
}

/**
 * The items 0..n-1 (in the order `input` gives, or their own) sorted stably by `keyOf`, whose
 * values are 0..range-1.
 */
function countingSort(n: number, range: number, keyOf: (i: number) => number, input: Int32Array | null): Int32Array {
  const count = new Int32Array(range + 1);
  for (let i = 0; i < n; i++) count[keyOf(i) + 1]++;
  for (let k = 0; k < range; k++) count[k + 1] += count[k];
  const out = new Int32Array(n);
  for (let j = 0; j < n; j++) {
    const i = input ? input[j] : j;
    out[count[keyOf(i)]++] = i;
  }
  return out;
}
