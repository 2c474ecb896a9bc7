// Validation of a claim pack: JSON syntax (with line and column), the schema (with JSON paths),
// then the references between records and the quotes' offsets. Every problem is reported, one per
// line, as `<path>: <what is wrong>`; nothing here throws on bad input.
import * as v from 'valibot';
import { aliasWords } from '../match/actors';
import { termsOf } from '../match/terms';
import { errorText } from '../error-text';
import { jsonSyntaxErrorOffset } from './json-syntax';
import { aliasObject, LIMITS, Pack } from './schema';

export interface Problem {
  /** JSON path such as `reports[12].article`, or `(file)` for problems with the document as a whole. */
  path: string;
  message: string;
}

export type Validation = { ok: true; pack: Pack } | { ok: false; problems: Problem[] };

export function formatProblem(p: Problem): string {
  return `${p.path}: ${p.message}`;
}

/** `a.b[3].c` from valibot's issue path. */
function pathOf(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key as unknown;
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(pack)';
}

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** The size of a text in UTF-8, as the file it came from had it (a lone surrogate counts 2). */
export function utf8Length(text: string): number {
  let n = text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x80) n += c < 0x800 || (c >= 0xd800 && c <= 0xdfff) ? 1 : 2;
  }
  return n;
}

/** A pack file given as text is held to the same limit in bytes as one given as bytes. */
export function textTooLarge(text: string): Problem | null {
  // Each character is 1 to 3 bytes: most texts are told apart without counting.
  if (text.length * 3 <= LIMITS.packBytes) return null;
  const bytes = utf8Length(text);
  return bytes > LIMITS.packBytes ? { path: '(file)', message: `too large (${bytes} bytes; the limit is ${LIMITS.packBytes})` } : null;
}

/** Decodes bytes as UTF-8 JSON text, refusing binary data. */
export function decodePackBytes(bytes: Uint8Array): { text: string } | { problem: Problem } {
  if (bytes.byteLength === 0) return { problem: { path: '(file)', message: 'the file is empty: expected a JSON claim pack' } };
  if (bytes.byteLength > LIMITS.packBytes)
    return { problem: { path: '(file)', message: `too large (${bytes.byteLength} bytes; the limit is ${LIMITS.packBytes})` } };
  const nul = bytes.indexOf(0);
  if (nul >= 0) return { problem: { path: '(file)', message: `binary data, not JSON text (a NUL byte at byte ${nul})` } };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes) };
  } catch {
    return { problem: { path: '(file)', message: 'not UTF-8 text: binary data, not a JSON claim pack' } };
  }
}

/** JSON.parse with the error's position turned into a line and column. */
export function parseJson(text: string): { value: unknown } | { problem: Problem } {
  if (text.trim() === '') return { problem: { path: '(file)', message: 'the file is empty: expected a JSON claim pack' } };
  try {
    return { value: JSON.parse(text) };
  } catch (e) {
    const msg = errorText(e);
    const m = /position (\d+)/.exec(msg);
    // V8 names no position for an unexpected token: find it.
    const at = m ? Number(m[1]) : /end of (JSON )?input|Unterminated/i.test(msg) ? text.length : jsonSyntaxErrorOffset(text);
    const where = at >= 0 ? (({ line, column }) => ` at line ${line}, column ${column}`)(lineColumn(text, at)) : '';
    const what = msg.replace(/\s*in JSON at position \d+.*$/, '').replace(/, ".*" is not valid JSON$/, '');
    return { problem: { path: '(file)', message: `invalid JSON${where}: ${what}` } };
  }
}

/** Validates bytes or text of a pack file. */
export function validatePackText(input: string | Uint8Array): Validation {
  let text: string;
  if (typeof input === 'string') {
    const large = textTooLarge(input);
    if (large) return { ok: false, problems: [large] };
    text = input;
  } else {
    const d = decodePackBytes(input);
    if ('problem' in d) return { ok: false, problems: [d.problem] };
    text = d.text;
  }
  const parsed = parseJson(text);
  if ('problem' in parsed) return { ok: false, problems: [parsed.problem] };
  return validatePack(parsed.value);
}

const MAX_PROBLEMS = 200;

/** Validates a parsed pack: schema, then cross-references and excerpts. */
export function validatePack(value: unknown): Validation {
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return { ok: false, problems: [{ path: '(pack)', message: 'must be a JSON object with the pack header and its six arrays' }] };
  const r = v.safeParse(Pack, value, { abortPipeEarly: true });
  if (!r.success) {
    const problems = r.issues.slice(0, MAX_PROBLEMS).map((i) => ({ path: pathOf(i), message: describe(i) }));
    if (r.issues.length > MAX_PROBLEMS) problems.push({ path: '(pack)', message: `${r.issues.length - MAX_PROBLEMS} more problems not listed` });
    return { ok: false, problems };
  }
  const problems = checkReferences(r.output);
  if (problems.length) return { ok: false, problems: problems.slice(0, MAX_PROBLEMS + 1) };
  return { ok: true, pack: r.output };
}

function describe(issue: v.BaseIssue<unknown>): string {
  if (issue.kind === 'schema' && issue.received === 'undefined') return 'missing: this field is required';
  if (issue.kind === 'schema' && issue.type !== 'literal' && issue.type !== 'union') return `expected ${issue.expected}, got ${issue.received}`;
  if (issue.type === 'union' && issue.issues?.length) return describe(issue.issues[issue.issues.length - 1]);
  return issue.message;
}

/** A string quoted for a message, its invisible characters written out (`"\u200b"`). */
export function quoted(s: string): string {
  return JSON.stringify(s).replace(/[\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Why a name or alias can never be found on a page, or null when it can. */
export function unmatchableAlias(text: string, words = aliasWords(text).length): string | null {
  if (!words) return `${quoted(text)} has no letter or digit to match on a page (invisible characters and punctuation are ignored)`;
  if (words > LIMITS.wordsPerAlias) return `${words} words; a name or alias may have at most ${LIMITS.wordsPerAlias}`;
  return null;
}

/**
 * What tells a claim apart for the matcher: its statement's and cues' terms, anchors, actors,
 * slots and required slots. Claims alike in all of these are stated by the same sentences.
 */
function claimProfile(c: Pack['claims'][number]): { signature: string; terms: number } {
  const all = new Set<string>();
  const terms = (texts: readonly string[]) => {
    const out = new Set<string>();
    for (const t of texts) for (const term of termsOf(t)) out.add(term);
    return [...out].sort();
  };
  const text = terms([c.text]);
  const cues = Object.keys(c.cues).sort().map((lang) => [lang, terms(c.cues[lang])] as const);
  for (const t of text) all.add(t);
  for (const [, list] of cues) for (const t of list) all.add(t);
  const signature = JSON.stringify([
    c.kind,
    text,
    cues,
    Object.keys(c.anchors).sort().map((lang) => [lang, terms(c.anchors[lang])]),
    c.actors.map((a) => `${a.actor}:${a.role}`).sort(),
    c.slots.map((x) => JSON.stringify([x.name, x.type, x.text, x.value ?? null, x.unit ?? null, x.from ?? null, x.to ?? null, x.actor ?? null])).sort(),
    [...c.requires].sort(),
  ]);
  // The matcher indexes each claim under every distinct term of its statement and cues (names
  // of actors aside; counted here too, so the count is at least the matcher's).
  return { signature, terms: all.size };
}

function checkReferences(pack: Pack): Problem[] {
  const problems: Problem[] = [];
  const add = (path: string, message: string) => {
    if (problems.length <= MAX_PROBLEMS) problems.push({ path, message });
  };
  const index = <T extends { id: string }>(name: string, items: T[]) => {
    const seen = new Map<string, T>();
    items.forEach((item, i) => {
      if (seen.has(item.id)) add(`${name}[${i}].id`, `duplicate id "${item.id}"`);
      else seen.set(item.id, item);
    });
    return seen;
  };
  const stories = index('stories', pack.stories);
  const outlets = index('outlets', pack.outlets);
  const articles = index('articles', pack.articles);
  const actors = index('actors', pack.actors);
  const claims = index('claims', pack.claims);
  const ref = (path: string, kind: string, map: Map<string, unknown>, id: string | null | undefined) => {
    if (id != null && !map.has(id)) add(path, `unknown ${kind} "${id}"`);
  };

  // An actor's name and aliases are what the matcher looks for: each must leave a word to match,
  // and not too many; all of them together are what the matcher compiles.
  const wordCounts = pack.actors.map((a) => [a.name, ...a.aliases.map((x) => aliasObject(x).text)].map((t) => aliasWords(t).length));
  const totalWords = wordCounts.reduce((n, counts) => counts.reduce((m, k) => m + k, n), 0);
  if (totalWords > LIMITS.aliasWords)
    add('actors', `${totalWords} words in the actors' names and aliases in all; the limit is ${LIMITS.aliasWords} per pack`);
  pack.actors.forEach((a, i) => {
    const name = unmatchableAlias(a.name, wordCounts[i][0]);
    if (name) add(`actors[${i}].name`, name);
    a.aliases.forEach((x, j) => {
      const problem = unmatchableAlias(aliasObject(x).text, wordCounts[i][j + 1]);
      if (problem) add(`actors[${i}].aliases[${j}]${typeof x === 'string' ? '' : '.text'}`, problem);
    });
  });
  pack.articles.forEach((a, i) => {
    ref(`articles[${i}].outlet`, 'outlet', outlets, a.outlet);
    ref(`articles[${i}].via`, 'outlet', outlets, a.via);
  });
  pack.claims.forEach((c, i) => {
    ref(`claims[${i}].story`, 'story', stories, c.story);
    c.actors.forEach((a, j) => ref(`claims[${i}].actors[${j}].actor`, 'actor', actors, a.actor));
    const names = new Set<string>();
    c.slots.forEach((s, j) => {
      if (names.has(s.name)) add(`claims[${i}].slots[${j}].name`, `duplicate slot "${s.name}"`);
      names.add(s.name);
      ref(`claims[${i}].slots[${j}].actor`, 'actor', actors, s.actor);
    });
    c.requires.forEach((n, j) => {
      if (!names.has(n)) add(`claims[${i}].requires[${j}]`, `unknown slot "${n}"`);
    });
  });
  // Claims no sentence can tell apart: past the limit, a sentence could not report them all.
  // And the claims' terms in all: what a sentence's candidates are gathered from.
  const alike = new Map<string, number[]>();
  let claimTerms = 0;
  pack.claims.forEach((c, i) => {
    const { signature, terms } = claimProfile(c);
    claimTerms += terms;
    const list = alike.get(signature);
    if (list) list.push(i);
    else alike.set(signature, [i]);
  });
  if (claimTerms > LIMITS.claimTerms)
    add('claims', `${claimTerms} terms in the claims' statements and cues in all (the distinct words of each claim); the limit is ${LIMITS.claimTerms} per pack`);
  for (const list of alike.values()) {
    if (list.length <= LIMITS.alikeClaims) continue;
    const first = pack.claims[list[0]];
    add(
      `claims[${list[LIMITS.alikeClaims]}]`,
      `${list.length} claims have the same words, actors and values as claims[${list[0]}] ("${first.id}"); the limit is ${LIMITS.alikeClaims}, as a sentence that states one states them all`,
    );
  }
  const seenReport = new Set<string>();
  pack.reports.forEach((r, i) => {
    const claim = claims.get(r.claim);
    const article = articles.get(r.article);
    if (!claim) add(`reports[${i}].claim`, `unknown claim "${r.claim}"`);
    if (!article) add(`reports[${i}].article`, `unknown article "${r.article}"`);
    const key = `${r.claim}\u0000${r.article}`;
    if (seenReport.has(key)) add(`reports[${i}]`, `a second report of claim "${r.claim}" in article "${r.article}"`);
    seenReport.add(key);
    if (article) {
      if (r.end <= r.start || r.end > article.text.length)
        add(`reports[${i}].end`, `offsets ${r.start}-${r.end} fall outside article "${article.id}" (${article.text.length} characters)`);
      else if (article.text.slice(r.start, r.end) !== r.quote)
        add(`reports[${i}].quote`, `does not match the text of article "${article.id}" at ${r.start}-${r.end}`);
    }
    if (r.stance !== 'corroborates' && r.differences.length === 0)
      add(`reports[${i}].differences`, `a report that ${r.stance} must say what differs`);
    if (claim) {
      const slots = new Set(claim.slots.map((s) => s.name));
      r.differences.forEach((d, j) => {
        if (!slots.has(d.slot)) add(`reports[${i}].differences[${j}].slot`, `unknown slot "${d.slot}" of claim "${claim.id}"`);
      });
    }
  });
  pack.positions.forEach((p, i) => {
    ref(`positions[${i}].claim`, 'claim', claims, p.claim);
    ref(`positions[${i}].actor`, 'actor', actors, p.actor);
    ref(`positions[${i}].via`, 'claim', claims, p.via);
    p.articles.forEach((a, j) => ref(`positions[${i}].articles[${j}]`, 'article', articles, a));
  });
  return problems;
}
