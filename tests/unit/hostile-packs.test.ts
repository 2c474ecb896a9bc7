// Hostile and extreme packs through the entry points a reader's Crosscheck uses: a pack file picked
// in the options page (checkPackFile), a pack's bytes or text (validatePackText), a parsed pack
// (validatePack), the store's import (importPack, on fake-indexeddb) and the compiler's story file.
// Each refusal names what and where (the JSON path, and the line in a file), never throws, and
// leaves the installed pack complete and in use. docs/pack-format.md#limits and #text-a-pack-shows.
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { beforeEach, describe, expect, it } from 'vitest';
import { ActorMatcher } from '../../lib/match/actors';
import { checkPackFile, formatFileProblem } from '../../lib/pack/file';
import { LIMITS, type Pack } from '../../lib/pack/schema';
import { formatProblem, validatePack, validatePackText } from '../../lib/pack/validate';
import { ScanEngine } from '../../lib/scan/engine';
import { openDatabase, type CrosscheckDb } from '../../lib/store/db';
import { importPack, installBundledPack, loadPacks } from '../../lib/store/packs';
import { bundledPack, compileBundledCorpus, CORPUS_DIR, storyErrors } from '../helpers/corpus';
import fs from 'node:fs';
import path from 'node:path';

const PACK = 'putin-residence-claim-2025-12';
/** A sentence of the bundled story that names Lavrov and states the 91-drone claim. */
const PAGE = 'Lavrov claimed Ukraine had sent 91 drones against the presidential residence in the Novgorod region.';

/** Every problem of a pack file, as the options page lists them: `path (line L, column C): what`. */
function fileProblems(text: string): string[] {
  const r = checkPackFile(text);
  return r.ok ? [] : r.problems.map(formatFileProblem);
}
/** Every problem of a parsed pack, `path: what`. */
function packProblems(value: unknown): string[] {
  const r = validatePack(value);
  return r.ok ? [] : r.problems.map(formatProblem);
}
const edited = (edit: (p: Pack) => void): Pack => {
  const p = bundledPack();
  edit(p);
  return p;
};

// ---- the store: the reader's installed pack -----------------------------------------------------
let db: CrosscheckDb;
let n = 0;
beforeEach(async () => {
  db = openDatabase(`hostile-${n++}`, { indexedDB: new IDBFactory(), IDBKeyRange });
  expect((await installBundledPack(db, bundledPack())).status).toBe('installed');
});
// The files below replace the bundled pack's id: the reader confirmed it (`replace`), as the options page asks.

/** Imports `input` into the store, expecting a refusal that names `expected`; the bundled pack stays whole. */
async function expectImportRefused(input: unknown, expected: RegExp) {
  const r = await importPack(db, input, { source: 'file' });
  expect(r.status).toBe('refused');
  expect(r.status === 'refused' && r.message).toMatch(expected);
  const packs = await loadPacks(db);
  expect(packs.map((p) => [p.id, p.version, p.actors.length, p.claims.length, p.reports.length])).toEqual([
    [PACK, 1, bundledPack().actors.length, bundledPack().claims.length, bundledPack().reports.length],
  ]);
}

// -------------------------------------------------------------------------------------------------
describe('strings that look like markup, script or links', () => {
  const MARKUP = ['<img src=x onerror=alert(1)>', '</style><style>*{display:none}</style>', '<script>alert(document.cookie)</script>'];

  it('are kept as the characters they are, through validation, the store and a scan', async () => {
    const p = edited((p) => {
      p.outlets[0].name = MARKUP[0];
      p.outlets[1].name = MARKUP[1];
      p.title = MARKUP[2];
      const lavrov = p.actors.find((a) => a.id === 'lavrov')!;
      lavrov.role = MARKUP[0];
      lavrov.aliases.push(`Lavrov ${MARKUP[2]}`);
      p.version = 2;
    });
    expect(packProblems(p)).toEqual([]);
    expect((await importPack(db, p, { replace: true })).status).toBe('installed');
    const [stored] = await loadPacks(db);
    expect([stored.outlets[0].name, stored.outlets[1].name, stored.title]).toEqual(MARKUP);
    const scan = ScanEngine.fromPacks([stored]).scanText(PAGE);
    expect(scan.actors.find((a) => a.id === 'lavrov')?.role).toBe(MARKUP[0]);
    const outlets = scan.claims.find((c) => c.id === 'drone-attack')?.sources.map((s) => s.outlet);
    expect(outlets).toEqual(expect.arrayContaining([MARKUP[0], MARKUP[1]]));
  });

  it.each([
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\tscript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    '//evil.example/a',
    '/relative/path',
  ])('refuses the article URL %j, with its path and line', (url) => {
    const text = JSON.stringify(edited((p) => (p.articles[2].url = url)), null, 2);
    const line = text.split('\n').findIndex((l) => l.includes('"url": ')) + 1;
    expect(fileProblems(text)).toEqual([`articles[2].url (line ${line}, column 14): must be an http(s) URL`]);
  });

  it('accepts http and https article URLs', () => {
    expect(packProblems(edited((p) => ((p.articles[0].url = 'https://example.org/a?b=1#c'), (p.articles[1].url = 'http://example.net/'))))).toEqual([]);
  });
});

// -------------------------------------------------------------------------------------------------
describe('invisible characters in the strings a pack shows', () => {
  it.each([
    ['an outlet name', (p: Pack) => (p.outlets[0].name = 'Reuters\u202e'), 'outlets[0].name: contains U+202E (right-to-left override) at character 8'],
    ['an actor name', (p: Pack) => (p.actors[1].name = 'Sergei\u2066 Lavrov'), 'actors[1].name: contains U+2066 (left-to-right isolate) at character 7'],
    ['an alias', (p: Pack) => p.actors[0].aliases.push('\u202bPutin'), 'actors[0].aliases[7]: contains U+202B (right-to-left embedding) at character 1'],
    ['an alias object', (p: Pack) => p.actors[0].aliases.push({ text: 'Pu\u202dtin', safeAlone: false }), 'actors[0].aliases[7].text: contains U+202D (left-to-right override) at character 3'],
    ['a role', (p: Pack) => (p.actors[0].role = 'President\u2069'), 'actors[0].role: contains U+2069 (pop directional isolate) at character 10'],
    ['the pack title', (p: Pack) => (p.title = '\u202aTitle'), 'title: contains U+202A (left-to-right embedding) at character 1'],
    ['a claim text', (p: Pack) => (p.claims[0].text = 'Claim \u2067text'), 'claims[0].text: contains U+2067 (right-to-left isolate) at character 7'],
    ['a cue', (p: Pack) => (p.claims[0].cues = { en: ['drones\u202c'] }), 'claims[0].cues.en[0]: contains U+202C (pop directional formatting) at character 7'],
    ['a difference note', (p: Pack) => (p.reports.find((r) => r.differences.length)!.differences[0].note = 'says \u2068x'), 'differences[0].note: contains U+2068 (first strong isolate) at character 6'],
  ])('refuses a bidi control in %s, naming the character and where it is', (_what, edit, expected) => {
    const found = packProblems(edited(edit));
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(expected);
    expect(found[0]).toMatch(/an invisible control that changes the order in which text is displayed; remove it$/);
  });

  it('keeps bidi controls in article texts and their excerpts, which are verbatim', () => {
    const p = edited((p) => {
      const r = p.reports[0];
      const a = p.articles.find((x) => x.id === r.article)!;
      // The excerpt gains a control inside it; every offset after it moves by one.
      const at = r.start + 3;
      a.text = `${a.text.slice(0, at)}\u202e${a.text.slice(at)}`;
      for (const x of p.reports.filter((x) => x.article === a.id)) {
        if (x.start >= at) x.start += 1;
        if (x.end > at) x.end += 1;
        x.quote = a.text.slice(x.start, x.end);
      }
    });
    expect(p.reports[0].quote).toContain('\u202e');
    expect(packProblems(p)).toEqual([]);
  });

  it.each([
    ['a zero-width space', '\u200b', '"\\u200b"'],
    ['a zero-width no-break space (BOM)', '\ufeff', '"\\ufeff"'],
    ['zero-width joiners', '\u200c\u200d', '"\\u200c\\u200d"'],
    ['a soft hyphen and a word joiner', '\u00ad\u2060', '"\\u00ad\\u2060"'],
    ['punctuation only', '...', '"..."'],
    ['a space', ' ', '" "'],
  ])('refuses an alias of %s: it could never be found, with its path and line', (_what, alias, shown) => {
    const text = JSON.stringify(edited((p) => p.actors[3].aliases.push(alias)), null, 2);
    const problems = fileProblems(text);
    expect(problems).toEqual([expect.stringMatching(/^actors\[3\]\.aliases\[\d+\] \(line \d+, column \d+\): /)]);
    expect(problems[0]).toContain(`: ${shown} has no letter or digit to match on a page (invisible characters and punctuation are ignored)`);
  });

  it('refuses an actor name with nothing to match, and an alias object whose text has none', async () => {
    const p = edited((p) => {
      p.actors[1].name = '\u200b\u200b';
      p.actors[2].aliases.push({ text: '\ufeff', safeAlone: false });
    });
    expect(packProblems(p)).toEqual([
      'actors[1].name: "\\u200b\\u200b" has no letter or digit to match on a page (invisible characters and punctuation are ignored)',
      expect.stringMatching(/^actors\[2\]\.aliases\[\d+\]\.text: "\\ufeff" has no letter or digit/),
    ]);
    await expectImportRefused(p, /^The pack is not valid: actors\[1\]\.name: /);
  });

  it('ignores zero-width characters inside a name: "Put\\u200bin" is Putin, on the page too', () => {
    const p = edited((p) => {
      const putin = p.actors.find((a) => a.id === 'putin')!;
      putin.aliases = ['Put\u200bin', 'Vladi\ufeffmir Putin'];
    });
    expect(packProblems(p)).toEqual([]);
    const engine = ScanEngine.fromPacks([p]);
    const found = (text: string) => engine.scanText(text).actors.flatMap((a) => a.mentions.map((m) => `${a.id}:${m.text}`));
    expect(found('Putin spoke.')).toEqual(['putin:Putin']);
    expect(found('Put\u200bin spoke, then Vladi\ufeffmir Putin.')).toEqual(['putin:Put\u200bin', 'putin:Vladi\ufeffmir Putin']);
  });

  it('a name of invisible characters only matches nothing, not every zero-width space of a page', () => {
    // Straight to the matcher, as an engine cache or a future caller could hand it such a name.
    const m = new ActorMatcher([
      { actor: 'ghost', text: '\u200b', safeAlone: true },
      { actor: 'bom', text: '\ufeff\u200c', safeAlone: true },
      { actor: 'putin', text: 'Putin', safeAlone: true },
    ]);
    expect(m.find('a \u200b b \ufeff c \u200b\u200c d Putin').map((x) => `${x.actor}:${x.text}`)).toEqual(['putin:Putin']);
  });
});

// -------------------------------------------------------------------------------------------------
describe('extreme packs', () => {
  /** The bundled pack with `total` more aliases ("q0", "q1", ...), 200 to an extra actor, as pack file text. */
  function manyAliases(total: number): string {
    const extra: string[] = [];
    for (let k = 0, i = 0; k < total; i++) {
      const aliases: string[] = [];
      for (let j = 0; j < LIMITS.aliasesPerActor && k < total; j++) aliases.push(`"q${(k++).toString(36)}"`);
      extra.push(`{"id":"x${i}","kind":"person","name":"Extra ${i}","aliases":[${aliases.join(',')}]}`);
    }
    const text = JSON.stringify(bundledPack(), null, 1);
    return text.replace('"actors": [\n', `"actors": [\n${extra.join(',\n')},\n`);
  }

  it('a million aliases: refused by the limit per pack, naming it, the installed pack kept', async () => {
    const text = manyAliases(1_000_000);
    const total = 1_000_000 + bundledPack().actors.reduce((s, a) => s + a.aliases.length, 0);
    const expected = `actors (line ${text.split('\n').findIndex((l) => l.startsWith(' "actors"')) + 1}, column 12): ${total} aliases in all; the limit is ${LIMITS.aliases} per pack`;
    expect(fileProblems(text)).toEqual([expected]);
    await expectImportRefused(JSON.parse(text), new RegExp(`^The pack is not valid: actors: ${total} aliases in all`));
  });

  it('a pack at the alias limit is validated, stored and scanned', async () => {
    const own = bundledPack().actors.reduce((s, a) => s + a.aliases.length, 0);
    const text = manyAliases(LIMITS.aliases - own).replace('"version": 1,', '"version": 2,');
    const r = checkPackFile(text);
    expect(r.ok ? [] : r.problems).toEqual([]);
    if (!r.ok) return;
    expect((await importPack(db, r.packs[0], { replace: true })).status).toBe('installed');
    const engine = ScanEngine.fromPacks(await loadPacks(db));
    const last = LIMITS.aliases - own - 1;
    expect(engine.scanText(`Lavrov met q${last.toString(36)} and q0.`).actors.map((a) => a.id).sort()).toEqual(['lavrov', 'x0', `x${Math.floor(last / LIMITS.aliasesPerActor)}`].sort());
  });

  it('50 MB: refused as too large before it is parsed, as text or bytes', async () => {
    const big = `{"format":1,"junk":"${'x'.repeat(50 * 1024 * 1024)}"}`;
    const expected = `(file): too large (${big.length} bytes; the limit is ${LIMITS.packBytes})`;
    expect(fileProblems(big)).toEqual([expected]);
    expect(validatePackText(big)).toEqual({ ok: false, problems: [{ path: '(file)', message: expected.slice(8) }] });
    expect(validatePackText(new TextEncoder().encode(big))).toEqual({ ok: false, problems: [{ path: '(file)', message: expected.slice(8) }] });
  });

  it('the size limit is in bytes also for text: 17 million Cyrillic letters are 34 MB', () => {
    const text = `{"junk":"${'я'.repeat(17_000_000)}"}`;
    expect(text.length).toBeLessThan(LIMITS.packBytes);
    const bytes = new TextEncoder().encode(text).byteLength;
    expect(fileProblems(text)).toEqual([`(file): too large (${bytes} bytes; the limit is ${LIMITS.packBytes})`]);
    expect(validatePackText(text)).toMatchObject({ ok: false, problems: [{ path: '(file)', message: `too large (${bytes} bytes; the limit is ${LIMITS.packBytes})` }] });
  });

  it('10,000-character aliases, names and cues: refused with their path and line', async () => {
    const long = 'Ab'.repeat(5_000);
    const p = edited((p) => {
      p.actors[0].aliases.push(long);
      p.actors[1].name = long;
      p.claims[0].cues = { en: [long] };
    });
    const text = JSON.stringify(p, null, 2);
    const lineOf = (needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;
    expect(fileProblems(text)).toEqual([
      `actors[0].aliases[7] (line ${lineOf(`"${long}"`)}, column 9): too long (10000 characters; the limit is ${LIMITS.name})`,
      `actors[1].name (line ${lineOf(`"name": "${long}"`)}, column 15): too long (10000 characters; the limit is ${LIMITS.name})`,
      `claims[0].cues.en[0] (line ${lineOf(`"${long}"`, text.indexOf('"claims"'))}, column 11): too long (10000 characters; the limit is ${LIMITS.name})`,
    ]);
    await expectImportRefused(p, /^The pack is not valid: actors\[0\]\.aliases\[7\]: too long \(10000 characters/);
  });

  describe('deeply nested JSON (100,000 levels)', () => {
    const N = 100_000;
    const arrays = '['.repeat(N) + ']'.repeat(N);
    const objects = '{"a":'.repeat(N) + '1' + '}'.repeat(N);
    const valid = JSON.stringify(bundledPack());

    it('as the whole file: not a pack, said plainly', () => {
      expect(fileProblems(arrays)).toEqual(['[0] (line 1, column 2): must be a JSON object with the pack header and its six arrays']);
      expect(fileProblems(objects)).toContain('format (line 1, column 1): missing: this field is required');
      expect(validatePackText(objects)).toMatchObject({ ok: false, problems: expect.arrayContaining([{ path: 'format', message: 'missing: this field is required' }]) });
    });

    it('before a field with a problem: the problem is located past it, no stack overflow', () => {
      const text = `{"junk": ${arrays}, "deeper": ${objects},\n"format": 2}`;
      const problems = fileProblems(text);
      expect(problems[0]).toBe('format (line 2, column 11): unsupported format 2; this version of Crosscheck reads format 1');
      expect(problems).toContain('id (line 1, column 1): missing: this field is required');
    });

    it('inside a record: refused with its path; in a field a pack does not have: ignored', async () => {
      const inOutlets = valid.replace('"outlets":[', `"outlets":[${arrays},`);
      const at = inOutlets.indexOf('"outlets":[') + 12;
      expect(fileProblems(inOutlets)).toEqual(['id', 'name', 'domain', 'wire'].map((f) => `outlets[0].${f} (line 1, column ${at}): missing: this field is required`));
      await expectImportRefused(JSON.parse(inOutlets), /^The pack is not valid: outlets\[0\]\.id: missing/);
      const ignored = valid.replace('"outlets":[', `"extra":${objects},"outlets":[`);
      expect(fileProblems(ignored)).toEqual([]);
    });

    it('broken deep inside: invalid JSON with its line and column', () => {
      const text = `{"format": 1,\n"junk": ${'['.repeat(N)}1${']'.repeat(N - 1)}}`;
      expect(fileProblems(text)).toEqual([
        `(file) (line 2, column ${9 + N + 1 + N - 1}): invalid JSON at line 2, column ${9 + N + 1 + N - 1}: Expected ',' or ']' after array element`,
      ]);
    });
  });

  it('records that refer to each other in a loop are ordinary references', () => {
    // Positions point at claims through `via`; claims never refer to claims. Two positions whose
    // claims are each other's `via`, and one whose `via` is its own claim, are valid and scan.
    const p = edited((p) => {
      p.positions.push(
        { claim: 'drone-attack', actor: 'lavrov', position: 'asserts', articles: ['art-000'], via: 'zelensky-denial' },
        { claim: 'zelensky-denial', actor: 'zelensky', position: 'asserts', articles: ['art-000'], via: 'drone-attack' },
        { claim: 'drone-attack', actor: 'putin', position: 'asserts', articles: [], via: 'drone-attack' },
      );
    });
    expect(packProblems(p)).toEqual([]);
    expect(ScanEngine.fromPacks([p]).scanText(PAGE).claims.map((c) => c.id)).toContain('drone-attack');
  });

  it('a pack object with cycles (handed to the store in memory) is refused or stripped, never followed', async () => {
    const p = bundledPack() as unknown as Record<string, unknown> & { outlets: Record<string, unknown>[]; claims: { cues: Record<string, unknown[]> }[] };
    p.self = p;
    p.outlets[0].parent = p;
    const loop: unknown[] = ['drones'];
    loop.push(loop);
    p.claims[0].cues = { en: loop };
    expect(packProblems(p)).toEqual(['claims[0].cues.en[1]: expected string, got Array']);
    await expectImportRefused(p, /^The pack is not valid: claims\[0\]\.cues\.en\[1\]: expected string/);

    // Without the bad cue, the pack is valid and the cycles are not in what was validated or stored.
    p.claims[0].cues = { en: ['drones'] };
    const r = validatePack(p);
    expect(r.ok && [Object.hasOwn(r.pack, 'self'), Object.hasOwn(r.pack.outlets[0], 'parent')]).toEqual([false, false]);
    expect((await importPack(db, { ...p, version: 2 }, { replace: true })).status).toBe('installed');
    expect(JSON.stringify(await loadPacks(db))).not.toContain('"self"');
  });
});

// -------------------------------------------------------------------------------------------------
describe('prototype pollution', () => {
  const polluted = () => [({} as Record<string, unknown>).polluted, (Object.prototype as Record<string, unknown>).polluted, ([] as unknown as Record<string, unknown>).polluted];

  it('"__proto__", "constructor" and "prototype" keys in a pack file change no prototype and are dropped', async () => {
    const text = JSON.stringify(bundledPack(), null, 1)
      .replace('{\n "format": 1,', '{\n "__proto__": {"polluted": "top"},\n "constructor": {"prototype": {"polluted": "ctor"}},\n "format": 1,')
      .replace('"wire": true', '"wire": true, "__proto__": {"polluted": "outlet"}')
      .replace('"safeAlone": false', '"safeAlone": false, "__proto__": {"polluted": "alias"}')
      .replace('"cues": {', '"cues": {\n  "__proto__": ["polluted"], "constructor": ["x"], "prototype": ["y"],')
      .replace('"version": 1,', '"version": 2,');
    expect(text.match(/"__proto__"/g)).toHaveLength(4);
    const r = checkPackFile(text);
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(validatePackText(text).ok).toBe(true);
    expect(polluted()).toEqual([undefined, undefined, undefined]);
    if (!r.ok) return;
    const pack = r.packs[0];
    const wire = pack.outlets.find((o) => o.wire)!;
    const alias = pack.actors.flatMap((a) => a.aliases).find((a) => typeof a !== 'string')!;
    for (const o of [pack, wire, alias, pack.claims[0].cues]) {
      expect(Object.getPrototypeOf(o)).toBe(Object.prototype);
      expect(Object.keys(o)).not.toEqual(expect.arrayContaining(['__proto__']));
    }
    expect(Object.keys(pack.claims[0].cues)).toEqual(Object.keys(bundledPack().claims[0].cues));
    expect(Object.hasOwn(pack, 'constructor')).toBe(false);

    expect((await importPack(db, pack, { replace: true })).status).toBe('installed');
    const [stored] = await loadPacks(db);
    expect(stored.version).toBe(2);
    expect(JSON.stringify(stored)).not.toContain('polluted');
    expect(polluted()).toEqual([undefined, undefined, undefined]);
  });

  it('"constructor" and "prototype" are ordinary ids and slot names; "__proto__" is not an id', async () => {
    const p = edited((p) => {
      p.version = 2;
      const rename = (from: string, to: string) => {
        for (const a of p.actors) if (a.id === from) a.id = to;
        for (const c of p.claims) for (const a of c.actors) if (a.actor === from) a.actor = to;
        for (const x of p.positions) if (x.actor === from) x.actor = to;
        for (const c of p.claims) for (const s of c.slots) if (s.actor === from) s.actor = to;
      };
      rename('lavrov', 'constructor');
      rename('putin', 'prototype');
      const claim = p.claims.find((c) => c.id === 'drone-attack')!;
      claim.id = 'constructor';
      for (const r of p.reports) if (r.claim === 'drone-attack') r.claim = 'constructor';
      for (const x of p.positions) {
        if (x.claim === 'drone-attack') x.claim = 'constructor';
        if (x.via === 'drone-attack') x.via = 'constructor';
      }
      claim.slots[0].name = '__proto__';
      claim.requires = ['__proto__'];
      for (const r of p.reports) for (const d of r.differences) if (r.claim === 'constructor' && d.slot === 'drones') d.slot = '__proto__';
    });
    expect(packProblems(p)).toEqual([]);
    expect((await importPack(db, p, { replace: true })).status).toBe('installed');
    const [stored] = await loadPacks(db);
    const scan = ScanEngine.fromPacks([stored]).scanText(PAGE);
    expect(scan.actors.map((a) => [a.id, a.name])).toContainEqual(['constructor', 'Sergei Lavrov']);
    expect(scan.claims.map((c) => c.id)).toContain('constructor');

    // A reference to a name every object has is still unknown, and a duplicate is still a duplicate.
    expect(packProblems(edited((p) => (p.claims[0].requires = ['constructor', 'toString'])))).toEqual([
      'claims[0].requires[0]: unknown slot "constructor"',
      'claims[0].requires[1]: unknown slot "toString"',
    ]);
    expect(packProblems(edited((p) => (p.reports[0].article = 'constructor')))).toEqual(['reports[0].article: unknown article "constructor"']);
    expect(packProblems(edited((p) => ((p.actors[0].id = 'constructor'), (p.actors[1].id = 'constructor'))))).toContain('actors[1].id: duplicate id "constructor"');
    expect(packProblems(edited((p) => (p.actors[0].id = '__proto__')))).toEqual(['actors[0].id: must be lower-case letters, digits, ".", "_" or "-"']);
  });
});

// -------------------------------------------------------------------------------------------------
describe('the compiler: a hostile story file', () => {
  const story = fs.readFileSync(path.join(CORPUS_DIR, 'story.yaml'), 'utf8');
  const lineOf = (needle: string) => story.slice(0, story.indexOf(needle)).split('\n').length;

  it('a slot named "constructor" or "__proto__" is refused where it is, not dropped', () => {
    const bad = story.replace('      share: { type: percent, text: around 75% }\n    requires: [share]', '      constructor: { type: percent, text: around 75% }\n    requires: [constructor]');
    const line = lineOf('      share: { type: percent, text: around 75% }');
    expect(storyErrors(bad)).toEqual([expect.stringMatching(new RegExp(`story\\.yaml:${line}:7: claims\\[\\d+\\]\\.slots: "constructor" is a reserved name and cannot be a key; rename it$`))]);
    const top = storyErrors(`${story}\n__proto__: { polluted: true }\n`);
    expect(top).toEqual([expect.stringMatching(/story\.yaml:\d+:1: \(story\): "__proto__" is a reserved name/)]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('bidi controls and aliases with nothing to match are refused with their line', () => {
    const bidi = story.replace('    name: Sergei Lavrov\n', '    name: "Sergei \\u202eLavrov"\n');
    expect(storyErrors(bidi)).toEqual([
      expect.stringMatching(new RegExp(`story\\.yaml:${lineOf('    name: Sergei Lavrov')}:\\d+: actors\\[1\\]\\.name: contains U\\+202E \\(right-to-left override\\) at character 8`)),
    ]);
    const zw = story.replace('aliases: [Putin, Vladimir Putin,', 'aliases: [Putin, "\\u200b", Vladimir Putin,');
    expect(storyErrors(zw)).toEqual([
      expect.stringMatching(new RegExp(`story\\.yaml:${lineOf('aliases: [Putin, Vladimir Putin,')}:\\d+: actors\\[0\\]\\.aliases\\[1\\]: "\\\\u200b" has no letter or digit to match`)),
    ]);
  });

  it('markup in a story is compiled as text into a valid pack', () => {
    const html = story.replace('    role: Foreign Minister of Russia\n', '    role: "<img src=x onerror=alert(1)></style><script>alert(2)</script>"\n');
    const { pack } = compileBundledCorpus(html);
    expect(pack.actors.find((a) => a.id === 'lavrov')?.role).toBe('<img src=x onerror=alert(1)></style><script>alert(2)</script>');
    expect(packProblems(pack)).toEqual([]);
  });

  it('YAML aliases that expand a billion times, or refer to themselves, are refused plainly', () => {
    const laughs = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
    for (let i = 1; i < 10; i++) laughs.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
    const errors = storyErrors(`${story}\n${laughs.join('\n')}\n`);
    expect(errors).toEqual([expect.stringMatching(/story\.yaml: its YAML aliases \(\*name\) expand too much/)]);
    const cycle = storyErrors(story.replace('outlets:\n', 'outlets: &loop\n  - *loop\n').replace(/\noutlets: &loop\n {2}- \*loop\n(\s+- \{[^\n]*\n)+/, '\noutlets: &loop\n  - *loop\n'));
    expect(cycle.length).toBeGreaterThan(0);
    expect(cycle[0]).toMatch(/story\.yaml:\d+:\d+: outlets\[0\]\.id: missing/);
  });

  it('nesting too deep to read is refused with its line, not a stack overflow', () => {
    const deep = `${story}\nextra: ${'['.repeat(50_000)}${']'.repeat(50_000)}\n`;
    expect(storyErrors(deep)).toEqual([expect.stringMatching(/story\.yaml:\d+:\d+: nested too deeply$/)]);
  });
});
