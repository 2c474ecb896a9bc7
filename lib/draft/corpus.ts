// The corpus as the drafter reads it: the manifest and the article texts, checked. A broken corpus
// is refused with one line naming the file (and the line of a byte that is not UTF-8); nothing of
// the corpus is guessed.
import { parseManifest, type Manifest } from '../compile/compiler';
import { StoryError } from '../compile/story';
import { splitSentences } from '../text/sentences';
import { langOf } from './rules';

export interface DraftInput {
  /** The manifest's bytes, or null when there is none. */
  manifest: Uint8Array | null;
  manifestFile: string;
  /** An article's bytes by file name, or null when it is missing. */
  readArticle: (file: string) => Uint8Array | null;
  /** How the folder is named in messages. */
  dir: string;
}

export interface DraftArticle {
  index: number;
  id: string;
  file: string;
  outlet: string;
  language: string;
  published: string | null;
  wire: string | null;
  text: string;
}

export interface DraftSentence {
  /** Index in the corpus's list of sentences. */
  i: number;
  article: number;
  start: number;
  end: number;
  text: string;
  lang: string;
  /** In a line of at most 200 characters that does not end as a sentence does (a title, a subheading), or a question in one: a headline, no report of a fact. */
  headline: boolean;
}

export interface DraftCorpus {
  manifest: Manifest;
  articles: DraftArticle[];
  sentences: DraftSentence[];
  outlets: string[];
}

export class DraftError extends StoryError {}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The line (1-based) of the first byte that is not UTF-8, or null when all are. */
function badLine(bytes: Uint8Array): number | null {
  try {
    utf8.decode(bytes);
  } catch {
    // Decode line by line: the first line that fails holds the byte.
    let line = 1;
    let from = 0;
    for (let i = 0; i <= bytes.length; i++) {
      if (i === bytes.length || bytes[i] === 0x0a) {
        try {
          utf8.decode(bytes.subarray(from, i));
        } catch {
          return line;
        }
        line++;
        from = i + 1;
      }
    }
    return line;
  }
  return null;
}

/** Decodes a text file; refuses one that is not UTF-8 text (an invalid byte, or NUL bytes). */
export function decodeText(bytes: Uint8Array, file: string): string {
  const bad = badLine(bytes);
  if (bad != null) throw new DraftError([`${file}:${bad}: not UTF-8 text (an invalid byte on line ${bad}); save the article as UTF-8`]);
  const text = utf8.decode(bytes);
  const nul = text.indexOf('\u0000');
  if (nul >= 0) {
    const line = text.slice(0, nul).split('\n').length;
    throw new DraftError([`${file}:${line}: not text (a NUL byte on line ${line}); give the article as UTF-8 text`]);
  }
  return text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
}

export function readCorpus(input: DraftInput): DraftCorpus {
  if (!input.manifest) throw new DraftError([`${input.manifestFile}: no manifest.json in ${input.dir} (it lists the articles: file, outlet, language)`]);
  const manifest = parseManifest(decodeText(input.manifest, input.manifestFile), input.manifestFile);
  const articles: DraftArticle[] = [];
  const sorted = [...manifest.articles].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const m of sorted) {
    const i = manifest.articles.indexOf(m);
    const bytes = input.readArticle(m.file);
    if (!bytes) throw new DraftError([`${input.manifestFile}: articles[${i}].file: ${m.file} not found in ${input.dir}`]);
    const text = decodeText(bytes, `${input.dir.replace(/\/$/, '')}/${m.file}`);
    if (!/\p{L}/u.test(text)) throw new DraftError([`${input.dir.replace(/\/$/, '')}/${m.file}: the article has no text`]);
    articles.push({
      index: articles.length,
      id: `art-${m.file.replace(/\.txt$/, '').replace(/_.*$/, '')}`,
      file: m.file,
      outlet: m.outlet,
      language: (m.language ?? manifest.language ?? 'en').slice(0, 2).toLowerCase(),
      published: m.published ?? null,
      wire: m.wire ?? null,
      text,
    });
  }
  const sentences: DraftSentence[] = [];
  for (const a of articles) {
    const lines = lineBounds(a.text);
    let k = 0;
    for (const s of splitSentences(a.text, a.language)) {
      if (!/\p{L}{2}/u.test(s.text)) continue;
      while (k < lines.length - 1 && lines[k].end <= s.start) k++;
      // A heading run into the paragraph after it is cut from it (lib/text/sentences.ts): a piece
      // that ends inside its line with no full stop.
      const cut = s.end < lines[k].end && /\p{L}$/u.test(s.text);
      const headline = cut || isHeading(a.text.slice(lines[k].start, lines[k].end).trim(), s.text);
      sentences.push({ i: sentences.length, article: a.index, start: s.start, end: s.end, text: s.text, lang: langOf(s.text, a.language), headline });
    }
  }
  const outlets = [...new Set(articles.map((a) => a.outlet))];
  return { manifest, articles, sentences, outlets };
}

/** Where each line of a text starts and ends (one pass). */
function lineBounds(text: string): { start: number; end: number }[] {
  const out: { start: number; end: number }[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    out.push({ start, end: i });
    start = i + 1;
  }
  out.push({ start, end: text.length });
  return out;
}

/**
 * A title or a subheading: a line of at most 200 characters that does not end as a sentence does
 * ("Kyiv: 'Full-scale weakness'", "Условия договоренности"), or a question in such a line ("What
 * next for Wagner?"). Not a list item ("- 12 drones were shot down") nor a line leading in to what
 * follows ("The ministry said:").
 */
function isHeading(line: string, sentence: string): boolean {
  if (line.length > 200 || /^[-–—•*]\s/.test(line) || /:$/.test(line)) return false;
  return !/[.!?…]["”»'’)\]]*$/.test(line) || /\?["”»'’]?$/.test(sentence);
}
