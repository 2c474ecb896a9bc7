// `npx crosscheck`: the command-line tool. File and process I/O live here; the work is in lib/.
// Bad input gets a clear message and exit code 1; usage errors exit 2; never a stack trace.
import fs from 'node:fs';
import path from 'node:path';
import { compileCorpus, type Coverage } from '../lib/compile/compiler';
import { StoryError } from '../lib/compile/story';
import { errorText } from '../lib/error-text';
import { htmlToText } from '../lib/extract/html';
import { LIMITS, type Pack } from '../lib/pack/schema';
import { decodePackBytes, formatProblem, validatePackText } from '../lib/pack/validate';
import { ScanEngine, type ScanResult } from '../lib/scan/engine';
import { CrosscheckVersion, FEED_MIN_CROSSCHECK } from '../lib/feed/format';
import { generateKeyPair, parsePrivateKey } from '../lib/feed/keys';
import { buildFeed, parseExpires, PublishError } from '../lib/feed/publish';
import { formatBytes } from '../lib/sync/download';
import * as v from 'valibot';

const HELP = `crosscheck: build and check Crosscheck claim packs

Usage:
  crosscheck pack build <corpus-dir> --out <file> [--coverage <file>] [--quiet]
      Compile a corpus (manifest.json, the article texts and story.yaml) into a claim pack.
      Prints the coverage report (claims x articles, and the sentences that matched no claim)
      to standard error, or to --coverage <file>.
  crosscheck pack draft <corpus-dir> [--out <story.yaml>]
      Draft a story file from manifest.json and the article texts alone (docs/drafting.md);
      without --out, <corpus-dir>/story.yaml, which must not exist yet.
  crosscheck pack validate <file>
      Check a claim pack. Exit 0 when valid; exit 1 listing every problem with its JSON path.
  crosscheck scan <file.html | file.txt | -> [--pack <pack.json> ...] [--json] [--lang <code>]
      Find the known actors and claims in a saved page (or standard input), with the same code as
      the extension, and print a summary, or JSON with --json. Without --pack: every bundled pack.
  crosscheck keygen --out <dir> [--force]
      Make an Ed25519 key pair for signing packs: <dir>/public.key (give it to your readers) and
      <dir>/private.key (keep it secret). Existing keys are not overwritten without --force.
  crosscheck feed build <pack.json ...> --key <private key file> --out <dir> [--min-crosscheck <version>] [--expires <30d | 2026-03-01>]
      Write a pack feed into <dir>: feed.json, packs/ and deltas/, signed with the key, ready to
      copy to any static web host. The newest version of each pack id is published whole; each
      older version given becomes the base of a delta to it. See docs/feed-format.md.
  crosscheck --help
      This text.

Exit codes: 0 success, 1 invalid input, 2 wrong usage.`;

class UsageError extends Error {}
class InputError extends Error {}

function parseArgs(argv: string[], flags: Record<string, 'value' | 'bool'>) {
  const positional: string[] = [];
  const opts: Record<string, string | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) {
      const name = a.slice(2);
      const kind = flags[name];
      if (!kind) throw new UsageError(`unknown option ${a}`);
      if (kind === 'bool') opts[name] = true;
      else {
        const value = argv[++i];
        if (value === undefined || value.startsWith('--')) throw new UsageError(`${a} needs a value`);
        opts[name] = value;
      }
    } else positional.push(a);
  }
  return { positional, opts };
}

/** Like parseArgs, with options that may be given more than once. */
function parseArgsMulti(argv: string[], flags: Record<string, 'value' | 'bool' | 'multi'>) {
  const multi: Record<string, string[]> = {};
  const single: Record<string, 'value' | 'bool'> = {};
  for (const [k, v] of Object.entries(flags)) if (v !== 'multi') single[k] = v;
  const rest: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const name = argv[i].startsWith('--') ? argv[i].slice(2) : null;
    if (name && flags[name] === 'multi') {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--')) throw new UsageError(`--${name} needs a value`);
      (multi[name] ??= []).push(value);
    } else rest.push(argv[i]);
  }
  return { ...parseArgs(rest, single), multi };
}

const MiB = 1024 * 1024;
/** How much of each kind of input is read: a file or stream that goes on is refused at its limit plus one byte. */
const INPUT_LIMITS = {
  pack: { bytes: LIMITS.packBytes, what: 'a pack file' },
  /** Pages larger than this are refused: no news page is, and the scan must stay quick. */
  page: { bytes: 20 * MiB, what: 'a page' },
  /** manifest.json, story.yaml and the article texts of a corpus: its pack is held to the pack limit. */
  corpus: { bytes: LIMITS.packBytes, what: 'a corpus file' },
  /** A private.key is some 120 bytes; what else is given as one (a pack) is still named for what it is. */
  key: { bytes: LIMITS.packBytes, what: 'a key file' },
} as const;
type InputKind = keyof typeof INPUT_LIMITS;

function sizeText(bytes: number): string {
  return bytes % MiB === 0 ? `${bytes / MiB} MiB` : bytes % 1024 === 0 ? `${bytes / 1024} KiB` : `${bytes} bytes`;
}

function tooLarge(name: string, kind: InputKind): InputError {
  const { bytes, what } = INPUT_LIMITS[kind];
  return new InputError(`${name}: larger than the ${sizeText(bytes)} limit for ${what}`);
}

function readError(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  return new InputError(`${file}: ${code === 'ENOENT' ? 'no such file' : code === 'EACCES' ? 'permission denied' : code === 'EISDIR' ? 'is a directory' : `cannot read (${code ?? errorText(e)})`}`);
}

/**
 * Reads a file, at most its kind's limit plus one byte: /dev/zero, a named pipe or a file that
 * grows is refused there, not read to the end (fs.readFileSync read 4.3 GB of /dev/zero).
 */
function readFile(file: string, what: string, kind: InputKind): Buffer {
  let fd: number;
  try {
    fd = fs.openSync(file, 'r');
  } catch (e) {
    throw readError(file, e);
  }
  try {
    if (fs.fstatSync(fd).isDirectory()) throw new InputError(`${file}: is a directory, expected ${what}`);
    const limit = INPUT_LIMITS[kind].bytes;
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.allocUnsafe(Math.min(MiB, limit + 1 - total));
      const n = fs.readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      chunks.push(buf.subarray(0, n));
      total += n;
      if (total > limit) throw tooLarge(file, kind);
    }
    return Buffer.concat(chunks, total);
  } catch (e) {
    throw e instanceof InputError ? e : readError(file, e);
  } finally {
    fs.closeSync(fd);
  }
}

/** Standard input, up to the limit for `kind` (`yes | crosscheck scan -` stops there). */
async function readStdin(kind: InputKind): Promise<Buffer> {
  const limit = INPUT_LIMITS[kind].bytes;
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > limit) break;
      chunks.push(chunk);
    }
  } catch {
    throw new InputError('cannot read standard input');
  }
  if (total > limit) {
    process.stdin.destroy();
    throw tooLarge('standard input', kind);
  }
  return Buffer.concat(chunks, total);
}

function packValidate(argv: string[]): number {
  const { positional } = parseArgs(argv, {});
  if (positional.length !== 1) throw new UsageError('pack validate takes one file');
  const file = positional[0];
  const r = validatePackText(new Uint8Array(readFile(file, 'a pack file', 'pack')));
  if (r.ok) {
    const p = r.pack;
    console.log(`${file}: valid claim pack "${p.id}" version ${p.version}: ${p.outlets.length} outlets, ${p.articles.length} articles, ${p.actors.length} actors, ${p.claims.length} claims, ${p.reports.length} reports, ${p.positions.length} positions`);
    return 0;
  }
  console.log(`${file}: not a valid claim pack (${r.problems.length} problem${r.problems.length === 1 ? '' : 's'})`);
  for (const p of r.problems) console.log(`${file}: ${formatProblem(p)}`);
  return 1;
}

async function packBuild(argv: string[]): Promise<number> {
  const { positional, opts } = parseArgs(argv, { out: 'value', coverage: 'value', quiet: 'bool' });
  if (positional.length !== 1) throw new UsageError('pack build takes one corpus directory');
  if (typeof opts.out !== 'string') throw new UsageError('pack build needs --out <file>');
  const dir = positional[0];
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InputError(`${dir}: not a directory`);
  const manifestFile = path.join(dir, 'manifest.json');
  let storyFile = ['story.yaml', 'story.yml'].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
  let storyText: string;
  if (storyFile) storyText = readFile(storyFile, 'a story file', 'corpus').toString('utf8');
  else {
    // No story file: build from a draft of the articles (crosscheck pack draft), said in one line.
    storyText = (await draftCorpus(dir)).yaml;
    storyFile = path.join(dir, 'story.yaml (draft)');
    console.error(`crosscheck: ${dir} has no story.yaml: building from a draft of its articles (see "crosscheck pack draft")`);
  }
  const { pack, coverage } = compileCorpus({
    manifestText: readFile(manifestFile, 'manifest.json', 'corpus').toString('utf8'),
    manifestFile,
    storyText,
    storyFile,
    readArticle: (f) => {
      const p = path.join(dir, f);
      return fs.existsSync(p) ? readFile(p, 'an article text', 'corpus').toString('utf8') : null;
    },
  });
  const text = `${JSON.stringify(pack, null, 2)}\n`;
  const check = validatePackText(text);
  if (!check.ok) {
    for (const p of check.problems) console.error(`${opts.out}: ${formatProblem(p)}`);
    throw new InputError('the compiled pack does not validate; nothing was written');
  }
  writeFileAtomic(opts.out, text);
  const report = formatCoverage(coverage);
  if (typeof opts.coverage === 'string') {
    try {
      fs.writeFileSync(opts.coverage, report);
    } catch (e) {
      throw writeError(opts.coverage, e);
    }
  } else if (!opts.quiet) process.stderr.write(report);
  const diffs = pack.reports.filter((r) => r.stance !== 'corroborates').length;
  console.log(`wrote ${opts.out}: ${pack.actors.length} actors, ${pack.claims.length} claims, ${pack.reports.length} reports (${diffs} differ or contradict), ${pack.positions.length} positions`);
  return 0;
}

/**
 * Drafts the story file of a corpus folder (lib/draft): the files read here, the rest is pure. The
 * drafter is loaded only for this (its dictionary, assets/lang/lexicon.json, is 2.4 MB to parse):
 * the other commands start without it.
 */
async function draftCorpus(dir: string) {
  if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new InputError(`${dir}: not a directory`);
  const manifestFile = path.join(dir, 'manifest.json');
  const { draftStory } = await import('../lib/draft/index');
  try {
    return draftStory({
      dir,
      manifestFile,
      manifest: fs.existsSync(manifestFile) ? new Uint8Array(readFile(manifestFile, 'manifest.json', 'corpus')) : null,
      readArticle: (f) => {
        const p = path.join(dir, f);
        return fs.existsSync(p) ? new Uint8Array(readFile(p, 'an article text', 'corpus')) : null;
      },
    });
  } catch (e) {
    // A corpus the drafter cannot read: one line naming the file (and line).
    if (e instanceof StoryError && e.problems.length === 1) throw new InputError(e.problems[0]);
    throw e;
  }
}

async function packDraft(argv: string[]): Promise<number> {
  const { positional, opts } = parseArgs(argv, { out: 'value' });
  if (positional.length !== 1) throw new UsageError('pack draft takes one corpus directory');
  const dir = positional[0];
  const out = typeof opts.out === 'string' ? opts.out : path.join(dir, 'story.yaml');
  if (typeof opts.out !== 'string' && fs.existsSync(out)) throw new InputError(`${out}: exists already; give --out <file> to draft beside it`);
  const draft = await draftCorpus(dir);
  writeFileAtomic(out, draft.yaml);
  for (const w of draft.warnings) console.error(`crosscheck: ${w}`);
  const s = draft.stats;
  console.log(`wrote ${out}: ${s.actors} actors, ${s.claims} claims (${s.multiOutlet} reported by two outlets or more, ${s.singleSource} single-source), ${s.positions} positions, from ${s.articles} articles of ${s.outlets} outlet${s.outlets === 1 ? '' : 's'}`);
  return 0;
}

export function formatCoverage(c: Coverage): string {
  const lines: string[] = [];
  lines.push('Coverage: claims x articles (+ corroborates, ~ differs, x contradicts, . not reported)');
  lines.push(`  ${c.articles.map((a) => a.file.slice(0, 3)).join(' ')}  claim`);
  for (const claim of c.claims) {
    const cells = c.articles.map((a) => ` ${claim.cells[a.id]} `).join(' ');
    const n = Object.values(claim.cells).filter((x) => x !== '.').length;
    lines.push(`  ${cells}  ${claim.id}${n === 0 ? '   <- found in no article' : ''}`);
  }
  lines.push('', 'Sentences that matched no claim:');
  for (const u of c.unmatched) {
    lines.push(`  ${u.file} (${u.sentences.length})`);
    for (const s of u.sentences) lines.push(`    - ${s.length > 160 ? `${s.slice(0, 157)}...` : s}`);
  }
  return `${lines.join('\n')}\n`;
}

/** The packs the extension ships: every assets/packs/*.json, in name order. */
const BUNDLED_DIR = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../assets/packs');
function bundledPacks(): string[] {
  return fs.readdirSync(BUNDLED_DIR).filter((f) => f.endsWith('.json')).sort().map((f) => path.join(BUNDLED_DIR, f));
}

function loadPack(file: string): Pack {
  const r = validatePackText(new Uint8Array(readFile(file, 'a pack file', 'pack')));
  if (!r.ok) {
    const more = r.problems.length > 3 ? ` (and ${r.problems.length - 3} more; run "npx crosscheck pack validate ${file}")` : '';
    throw new InputError(`${file}: not a valid claim pack: ${r.problems.slice(0, 3).map(formatProblem).join('; ')}${more}`);
  }
  return r.pack;
}

async function readPage(input: string): Promise<{ text: string; html: boolean }> {
  const bytes = input === '-' ? await readStdin('page') : readFile(input, 'a page (.html or .txt)', 'page');
  if (bytes.byteLength === 0) return { text: '', html: false };
  const decoded = decodePackBytes(new Uint8Array(bytes));
  if ('problem' in decoded) throw new InputError(`${input}: ${decoded.problem.message.replace(/JSON claim pack/g, 'page').replace(/, not JSON text/, '')}`);
  const html = /\.x?html?$/i.test(input) || /^\s*(<!doctype|<html|<head|<body|<[a-z][\w-]*[\s>])/i.test(decoded.text.slice(0, 1000));
  return { text: decoded.text, html };
}

async function scan(argv: string[]): Promise<number> {
  const { positional, opts, multi } = parseArgsMulti(argv, { json: 'bool', pack: 'multi', lang: 'value' });
  if (positional.length !== 1) throw new UsageError('scan takes one page: a .html or .txt file, or - for standard input');
  const packs = (multi.pack?.length ? multi.pack : bundledPacks()).map(loadPack);
  const page = await readPage(positional[0]);
  const extracted = page.html ? htmlToText(page.text) : null;
  const text = extracted ? extracted.text : page.text;
  const lang = typeof opts.lang === 'string' ? opts.lang : (extracted?.lang ?? 'en');
  const result = ScanEngine.fromPacks(packs).scanText(text, { lang });
  // Written piece by piece: a large result as one string exceeded V8's longest ("Invalid string length").
  await writeOut(opts.json ? jsonPieces(result) : scanLines(positional[0], result));
  return 0;
}

/** Writes pieces to standard output as it takes them, in chunks of about 64 KiB. */
async function writeOut(pieces: Iterable<string>) {
  const flush = (s: string) =>
    new Promise<void>((resolve, reject) => {
      process.stdout.write(s, (e) => (e ? reject(e) : resolve()));
    });
  let buf = '';
  for (const p of pieces) {
    buf += p;
    if (buf.length >= 65_536) {
      await flush(buf);
      buf = '';
    }
  }
  if (buf) await flush(buf);
}

/**
 * JSON.stringify(value, null, 1) and a line break, in pieces: the same text, never held as one
 * string. For JSON data (what a scan returns): objects, arrays, strings, numbers, booleans, null.
 */
export function* jsonPieces(value: unknown): Generator<string> {
  yield* jsonValue(value, '');
  yield '\n';
}

function* jsonValue(value: unknown, indent: string): Generator<string> {
  const v = value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function' ? (value as { toJSON: () => unknown }).toJSON() : value;
  if (v === null || typeof v !== 'object') {
    yield JSON.stringify(v) ?? 'null';
    return;
  }
  const inner = `${indent} `;
  if (Array.isArray(v)) {
    if (!v.length) return void (yield '[]');
    for (let i = 0; i < v.length; i++) {
      yield `${i ? ',' : '['}\n${inner}`;
      const x = v[i];
      if (x === undefined || typeof x === 'function' || typeof x === 'symbol') yield 'null';
      else yield* jsonValue(x, inner);
    }
    yield `\n${indent}]`;
    return;
  }
  let first = true;
  for (const [k, x] of Object.entries(v)) {
    if (x === undefined || typeof x === 'function' || typeof x === 'symbol') continue;
    yield `${first ? '{' : ','}\n${inner}${JSON.stringify(k)}: `;
    first = false;
    yield* jsonValue(x, inner);
  }
  yield first ? '{}' : `\n${indent}}`;
}

export function formatScan(file: string, r: ScanResult): string {
  return [...scanLines(file, r)].join('');
}

/** The summary `scan` prints, line by line (each with its line break). */
function* scanLines(file: string, r: ScanResult): Generator<string> {
  yield `${file}: ${r.actors.length} actor${r.actors.length === 1 ? '' : 's'}, ${r.claims.length} claim${r.claims.length === 1 ? '' : 's'}\n`;
  if (r.claims.length) yield '\nClaims:\n';
  for (const c of r.claims) {
    yield `  [${c.verdict}] ${c.text}\n    page: "${c.match.text.length > 200 ? `${c.match.text.slice(0, 197)}...` : c.match.text}"\n`;
    yield `    ${c.conflict ? c.conflict.note : c.summary}\n`;
    for (const s of c.sources) yield `    - ${s.outlet} (${s.stance}${s.differences.length ? `: ${s.differences.join('; ')}` : ''})\n`;
    for (const p of c.positions) yield `    * ${p.name} ${p.position}\n`;
  }
  if (r.actors.length) yield '\nActors:\n';
  for (const a of r.actors) yield `  ${a.name}: ${a.mentions.length} mention${a.mentions.length === 1 ? '' : 's'} (${[...new Set(a.mentions.map((m) => m.text))].join(', ')})\n`;
}

/** Writes a file through a temporary one beside it, so a reader never sees half of it. */
function writeFileAtomic(file: string, bytes: Uint8Array | string, mode?: number) {
  const tmp = `${file}.tmp-${process.pid}`;
  try {
    fs.mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
    fs.writeFileSync(tmp, bytes, mode === undefined ? undefined : { mode });
    if (mode !== undefined) fs.chmodSync(tmp, mode);
    fs.renameSync(tmp, file);
  } catch (e) {
    // The cleanup fails where the write did (ENOTDIR when a parent is a file): that is not news.
    try {
      fs.rmSync(tmp, { force: true });
    } catch {
      /* nothing was written there */
    }
    throw writeError(file, e);
  }
}

function writeError(file: string, e: unknown): InputError {
  const code = (e as NodeJS.ErrnoException).code;
  const why = code === 'EACCES' ? 'permission denied' : code === 'ENOTDIR' || code === 'EEXIST' ? 'a parent is not a directory' : code === 'EISDIR' ? 'is a directory' : (code ?? errorText(e));
  return new InputError(`${file}: cannot write (${why})`);
}

function checkOutDir(dir: string) {
  if (fs.existsSync(dir) && !fs.statSync(dir).isDirectory()) throw new InputError(`${dir}: not a directory`);
}

async function keygen(argv: string[]): Promise<number> {
  const { positional, opts } = parseArgs(argv, { out: 'value', force: 'bool' });
  if (positional.length) throw new UsageError(`keygen takes no file arguments ("${positional[0]}"); use keygen --out <dir>`);
  if (typeof opts.out !== 'string') throw new UsageError('keygen needs --out <dir>');
  const dir = opts.out;
  checkOutDir(dir);
  const publicFile = path.join(dir, 'public.key');
  const privateFile = path.join(dir, 'private.key');
  if (!opts.force)
    for (const f of [privateFile, publicFile])
      if (fs.existsSync(f)) throw new InputError(`${f}: already exists; keygen never overwrites a key (move it away, or pass --force)`);
  const pair = await generateKeyPair();
  writeFileAtomic(privateFile, pair.privateKeyPem, 0o600);
  writeFileAtomic(publicFile, pair.publicKeyText, 0o644);
  console.log(`wrote ${publicFile}: key ${pair.publicKey.id}; readers add this key to trust your packs`);
  console.log(`wrote ${privateFile}: keep it secret (readable by you only); it signs your feeds`);
  return 0;
}

async function feedBuild(argv: string[]): Promise<number> {
  const { positional, opts } = parseArgs(argv, { key: 'value', out: 'value', 'min-crosscheck': 'value', expires: 'value' });
  if (positional.length === 0) throw new UsageError('feed build takes one or more pack files');
  if (typeof opts.key !== 'string') throw new UsageError('feed build needs --key <private key file>');
  if (typeof opts.out !== 'string') throw new UsageError('feed build needs --out <dir>');
  const min = opts['min-crosscheck'];
  if (typeof min === 'string' && !v.is(CrosscheckVersion, min)) throw new UsageError(`--min-crosscheck must be a version such as ${FEED_MIN_CROSSCHECK}, not "${min}"`);
  const generated = new Date();
  const expiry = typeof opts.expires === 'string' ? parseExpires(opts.expires, generated) : null;
  if (expiry && !expiry.ok) throw new UsageError(expiry.message);
  const out = opts.out;
  checkOutDir(out);
  const keyFile = opts.key;
  const key = await parsePrivateKey(readFile(keyFile, 'a private key file', 'key').toString('utf8'));
  if (!key.ok) throw new InputError(`${keyFile}: ${key.message}`);
  const sources = positional.map((f) => ({ name: f, bytes: new Uint8Array(readFile(f, 'a pack file', 'pack')) }));
  let built;
  try {
    built = await buildFeed(sources, key.key, { minCrosscheck: typeof min === 'string' ? min : undefined, generated, expires: expiry?.ok ? expiry.expires : undefined });
  } catch (e) {
    if (!(e instanceof PublishError)) throw e;
    for (const p of e.problems) console.error(p);
    throw new InputError(`feed build: ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}; nothing was written`);
  }
  // feed.json last: a host serving the directory meanwhile never lists a file not yet written.
  const files = [...built.files.filter((f) => f.path !== 'feed.json'), ...built.files.filter((f) => f.path === 'feed.json')];
  for (const f of files) writeFileAtomic(path.join(out, ...f.path.split('/')), f.bytes);
  const deltas = built.feed.packs.reduce((n, p) => n + p.deltas.length, 0);
  console.log(`wrote ${path.join(out, 'feed.json')}: ${built.feed.packs.length} pack${built.feed.packs.length === 1 ? '' : 's'}, ${deltas} delta${deltas === 1 ? '' : 's'}, signed with key ${key.key.id}, expires ${built.feed.expires}`);
  for (const p of built.feed.packs) {
    const from = p.deltas.length ? `; deltas from version ${p.deltas.map((d) => d.from).join(', ')}` : '';
    console.log(`  ${p.id} version ${p.version}: ${p.url} (${formatBytes(p.size)})${from}`);
  }
  return 0;
}

function main(argv: string[]): number | Promise<number> {
  const [cmd, sub, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    console.log(HELP);
    return 0;
  }
  if (cmd === 'pack' && sub === 'build') return packBuild(rest);
  if (cmd === 'pack' && sub === 'validate') return packValidate(rest);
  if (cmd === 'pack' && sub === 'draft') return packDraft(rest);
  if (cmd === 'scan') return scan(argv.slice(1));
  if (cmd === 'keygen') return keygen(argv.slice(1));
  if (cmd === 'feed' && sub === 'build') return feedBuild(rest);
  throw new UsageError(`unknown command "${[cmd, sub].filter(Boolean).join(' ')}"`);
}

try {
  process.exitCode = await main(process.argv.slice(2));
} catch (e) {
  if (e instanceof UsageError) {
    console.error(`crosscheck: ${e.message}\nRun "npx crosscheck --help" for usage.`);
    process.exitCode = 2;
  } else if (e instanceof InputError) {
    console.error(`crosscheck: ${e.message}`);
    process.exitCode = 1;
  } else if (e instanceof StoryError) {
    console.error(`crosscheck: the corpus has ${e.problems.length} problem${e.problems.length === 1 ? '' : 's'}:`);
    for (const p of e.problems) console.error(`  ${p}`);
    process.exitCode = 1;
  } else {
    console.error(`crosscheck: internal error: ${errorText(e)}`);
    process.exitCode = 2;
  }
}
