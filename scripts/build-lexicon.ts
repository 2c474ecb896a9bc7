// Builds assets/lang/lexicon.json: for English words, their Russian and Ukrainian translations,
// for drafting packs whose reports are in one language only (lib/draft/lexicon.ts): a claim told
// in English meets a Russian or Ukrainian page through the words a dictionary gives for its words.
// Sources, both free dictionaries packaged by Debian (GPL-2+, the licence travels with the file):
// - English to Russian: V. K. Mueller's English-Russian dictionary, 7th edition, digitised by
//   S. Starostin and E. S. Cymbalyuk (Debian package mueller7-dict, dictd format);
// - Russian to Ukrainian: the Apertium rus-ukr pair's bilingual dictionary (package
//   apertium-rus-ukr, printed by lt-print of lttoolbox-dev).
// Kept: the one-word Russian pieces of an entry (its phrases and notes are left out; a one-word
// translation in an example stays, "beyond dispute ... бесспорно"), each followed by its Ukrainian
// where Apertium has one, at most MAX_TRANSLATIONS words in all, in the dictionary's order (the
// common senses first); not a word as common as "сказать" in ordinary language
// (lib/text/background.ts), which would tell nothing.
// Run (once the Debian packages mueller7-dict, apertium-rus-ukr and lttoolbox-dev are installed):
// npm run lexicon:build. The file is committed: drafting needs no Debian package.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { stemCommonness } from '../lib/text/background';
import { normWord, stem } from '../lib/text/tokens';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const MUELLER = '/usr/share/dictd/mueller7';
const APERTIUM = '/usr/share/apertium/apertium-rus-ukr/rus-ukr.autobil.bin';
const MAX_TRANSLATIONS = 8;
const MAX_COMMON = 0.6;

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const b64 = (s: string) => [...s].reduce((n, c) => n * 64 + B64.indexOf(c), 0);

/** English headword -> the Russian one-word translations of its senses, in order. */
function mueller(): Map<string, string[]> {
  const data = zlib.gunzipSync(fs.readFileSync(`${MUELLER}.dict.dz`));
  const out = new Map<string, string[]>();
  for (const line of fs.readFileSync(`${MUELLER}.index`, 'utf8').split('\n')) {
    const [head, off, len] = line.split('\t');
    if (!len || !/^[a-z]+$/.test(head)) continue;
    const body = data.subarray(b64(off), b64(off) + b64(len)).toString('utf8');
    const words: string[] = [];
    // The body past the headword and its transcription: senses "1) ...; ..., ..." with notes in
    // parentheses, labels "_n." "_перен.", examples in English with their Russian.
    const text = body.split('\n').slice(1).join(' ').replace(/\[[^\]]*\]/g, ' ').replace(/\([^)]*\)/g, ' ').replace(/_[\p{L}.]+\.?/gu, ' ');
    for (const piece of text.split(/[;,:]|\s\d+[.)]\s|\s[а-я]\)\s/u)) {
      const t = piece.replace(/\s+/g, ' ').trim();
      if (/^\p{Script=Cyrillic}[\p{Script=Cyrillic}-]+$/u.test(t) && !t.includes('--')) words.push(t.toLowerCase());
    }
    // A headword given twice (homographs: "august", "china") keeps both entries' words, in order.
    if (words.length) out.set(head, [...new Set([...(out.get(head) ?? []), ...words])]);
  }
  return out;
}

/** Russian lemma -> Ukrainian lemmas, from the Apertium bilingual transducer's paths. */
function apertium(): Map<string, string[]> {
  const att = execFileSync('lt-print', [APERTIUM], { encoding: 'utf8', maxBuffer: 1 << 28 });
  const out = new Map<string, string[]>();
  for (const section of att.split('\n--\n')) {
    const next = new Map<string, [string, string, string][]>();
    const finals = new Set<string>();
    for (const line of section.split('\n')) {
      const f = line.split('\t');
      if (f.length <= 2) finals.add(f[0]);
      else (next.get(f[0]) ?? next.set(f[0], []).get(f[0])!).push([f[1], f[2], f[3]]);
    }
    // Every path from the start: a word's letters, then its tags (numbers are left out: they loop).
    const stack: [string, string, string, Set<string>][] = [['0', '', '', new Set()]];
    while (stack.length) {
      const [s, from, to, seen] = stack.pop()!;
      if (finals.has(s)) {
        const ru = normWord(from.split('<')[0]);
        const uk = normWord(to.split('<')[0]);
        if (ru && uk && !/\s/.test(ru + uk)) (out.get(ru) ?? out.set(ru, []).get(ru)!).push(uk);
      }
      for (const [d, a, b] of next.get(s) ?? []) {
        if (seen.has(d) || /^[\d.,%]/.test(a)) continue;
        stack.push([d, from + (a === 'ε' ? '' : a), to + (b === 'ε' ? '' : b), new Set([...seen, d])]);
      }
    }
  }
  return out;
}

/** A word of four letters or more, not as common as "сказать", "стан": those tell nothing. */
const useful = (w: string) => /^[\p{Script=Cyrillic}-]{4,}$/u.test(w) && stemCommonness(stem(w)) <= MAX_COMMON;

export function buildLexicon(): Record<string, string[]> {
  const ruUk = apertium();
  const out: Record<string, string[]> = {};
  for (const [en, ruWords] of [...mueller()].sort((a, b) => (a[0] < b[0] ? -1 : 1))) {
    const words: string[] = [];
    for (const raw of ruWords) {
      const ru = normWord(raw);
      for (const w of [ru, ...(ruUk.get(ru) ?? [])]) if (useful(w) && !words.includes(w)) words.push(w);
      if (words.length >= MAX_TRANSLATIONS) break;
    }
    if (words.length) out[en] = words.slice(0, MAX_TRANSLATIONS);
  }
  return out;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const file = path.join(root, 'assets/lang/lexicon.json');
  const en = buildLexicon();
  const source = 'English words and their Russian translations from V. K. Mueller, English-Russian dictionary, 7th ed. (S. Starostin, E. S. Cymbalyuk; GPL-2+, Debian mueller7-dict), the Ukrainian from the Apertium rus-ukr bilingual dictionary (GPL-2+/GPL-3+, Debian apertium-rus-ukr); built by scripts/build-lexicon.ts';
  fs.writeFileSync(file, `${JSON.stringify({ source, en })}\n`);
  console.log(`wrote ${path.relative(root, file)}: ${Object.keys(en).length} English words, ${fs.statSync(file).size} bytes`);
}
