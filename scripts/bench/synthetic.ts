// A deterministic synthetic pack for the benchmark: 100,000 aliases (50,000 people with a full
// name and a surname each, a tenth of them in Cyrillic) and 20,000 claims over a vocabulary of
// invented and real words. The same seed gives the same pack.
import type { Pack } from '../../lib/pack/schema';

function mulberry32(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const LATIN = ['ka', 'ro', 'mi', 'to', 'sa', 'ne', 'lu', 'vi', 'dor', 'an', 'el', 'is', 'ber', 'gan', 'tov', 'shi', 'mar', 'len', 'zo', 'pe', 'ri', 'hal', 'quin', 'ost'];
const CYRILLIC = ['ка', 'ро', 'ми', 'то', 'са', 'не', 'лу', 'ви', 'дор', 'ан', 'ел', 'ис', 'бер', 'ган', 'тов', 'ши', 'мар', 'лен'];
const REAL = ['said', 'minister', 'attack', 'talks', 'security', 'region', 'forces', 'drone', 'city', 'government', 'peace', 'deal', 'war', 'president', 'election', 'border', 'troops', 'report', 'agency', 'statement'];

export function syntheticPack(opts: { aliases?: number; claims?: number; seed?: number } = {}): Pack {
  const aliasCount = opts.aliases ?? 100_000;
  const claimCount = opts.claims ?? 20_000;
  const rnd = mulberry32(opts.seed ?? 20251229);
  const pick = <T>(xs: T[]) => xs[Math.floor(rnd() * xs.length)];
  const word = (syl: string[], n: number) => Array.from({ length: n }, () => pick(syl)).join('');
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const seenNames = new Set<string>();

  const actors: Pack['actors'] = [];
  for (let i = 0; actors.length * 2 < aliasCount; i++) {
    const cyr = i % 10 === 9;
    const syl = cyr ? CYRILLIC : LATIN;
    const first = cap(word(syl, 2));
    const last = cap(word(syl, 2 + Math.floor(rnd() * 2)));
    const full = `${first} ${last}`;
    if (seenNames.has(full)) continue;
    seenNames.add(full);
    actors.push({ id: `p${actors.length}`, kind: 'person', name: full, aliases: [last] });
  }
  const vocab = Array.from({ length: 5_000 }, (_, i) => (i < REAL.length ? REAL[i] : word(LATIN, 2 + (i % 3))));
  const claims: Pack['claims'] = [];
  for (let i = 0; i < claimCount; i++) {
    // Zipf-like: common words often, rare words rarely.
    const words = Array.from({ length: 8 + Math.floor(rnd() * 5) }, () => vocab[Math.floor(vocab.length * rnd() ** 2)]);
    const a = actors[Math.floor(rnd() * actors.length)];
    claims.push({
      id: `c${i}`,
      story: 'synthetic',
      text: `${a.name} said ${words.join(' ')}.`,
      kind: 'statement',
      actors: [{ actor: a.id, role: 'claimant' }],
      slots: i % 4 === 0 ? [{ name: 'n', type: 'count', text: `${10 + (i % 90)} drones`, value: 10 + (i % 90), unit: 'drone' }] : [],
      cues: {},
      anchors: {},
      requires: [],
    });
  }
  return {
    format: 1,
    id: 'synthetic',
    version: 1,
    createdAt: '2025-12-30',
    publisher: 'Crosscheck benchmark',
    title: 'Synthetic pack',
    stories: [{ id: 'synthetic', title: 'Synthetic' }],
    outlets: [],
    articles: [],
    actors,
    claims,
    reports: [],
    positions: [],
  };
}
