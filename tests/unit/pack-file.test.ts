// A pack file as the reader picks it in the options page: every problem with its JSON path and its
// line and column in the file, JSON syntax errors located even where V8 names no position.
import { describe, expect, it } from 'vitest';
import { checkPackFile, formatFileProblem } from '../../lib/pack/file';
import { jsonSyntaxErrorOffset } from '../../lib/pack/json-syntax';
import { locatePath, pathSegments } from '../../lib/pack/locate';
import { bundledPack } from '../helpers/corpus';

describe('locating a JSON path in the text', () => {
  const text = '{\n  "a": [\n    {"k": 1},\n    {"k": "x", "b\\"q": [true, null]}\n  ],\n  "s": "[,]{"\n}';
  it('finds values, array elements and the object that lacks a field', () => {
    expect(pathSegments('claims[3].kind')).toEqual(['claims', 3, 'kind']);
    expect(pathSegments('[0].claims[12]')).toEqual([0, 'claims', 12]);
    expect(pathSegments('(file)')).toBeNull();
    expect(locatePath(text, 'a[1].k')).toEqual({ line: 4, column: 11 });
    expect(locatePath(text, 'a[1]["b"q"]')).toBeNull();
    expect(locatePath(text, 's')).toEqual({ line: 6, column: 8 });
    // A missing field or element: where its container starts.
    expect(locatePath(text, 'a[1].missing')).toEqual({ line: 4, column: 5 });
    expect(locatePath(text, 'a[7].k')).toEqual({ line: 2, column: 8 });
    expect(locatePath(text, '(pack)')).toBeNull();
  });
});

describe('the first JSON syntax error', () => {
  it('is found where V8 names no position, and valid JSON has none', () => {
    const cases: [string, number][] = [
      ['{"a": oops}', 6], ['{"a":1}', -1], ['[1,[],{}, {"b":[true,false,null,-1.5e3, "\\u00e9"]}]', -1], ['[1 2]', 3], ['{"a":1,}', 7],
      ['"x', 2], ['{', 1], ['[01]', 2], ['{"a" 1}', 5], ['  ', 2], ['[1]x', 3], ['{"a":[{}],"b":{"c":{}}}', -1], ['nul', 3], ['{"a":"\\q"}', 7],
      ['\ufeff{"a":1}', -1],
    ];
    for (const [t, at] of cases) expect([t, jsonSyntaxErrorOffset(t)]).toEqual([t, at]);
    // Deep nesting does not overflow a stack.
    expect(jsonSyntaxErrorOffset('['.repeat(100_000) + ']'.repeat(100_000))).toBe(-1);
  });
});

describe('checkPackFile', () => {
  it('accepts a pack or a list of packs', () => {
    const pack = bundledPack();
    expect(checkPackFile(JSON.stringify(pack))).toMatchObject({ ok: true, packs: [{ id: pack.id }] });
    expect(checkPackFile(JSON.stringify([pack, { ...pack, id: 'other' }]))).toMatchObject({ ok: true, packs: [{ id: pack.id }, { id: 'other' }] });
  });

  it('lists every problem with its path, line and column; strings stay as given', () => {
    const pack = bundledPack() as unknown as { claims: { kind: string; text: string }[]; reports: { stance: string }[] };
    pack.claims[2].kind = '<img src=x onerror=alert(1)>';
    pack.reports[4].stance = 'nowhere';
    const text = JSON.stringify(pack, null, 2);
    const r = checkPackFile(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const kind = r.problems.find((p) => p.path === 'claims[2].kind')!;
    const lines = text.split('\n');
    expect(lines[kind.line! - 1].slice(kind.column! - 1)).toMatch(/^"<img src=x onerror=alert\(1\)>"/);
    const article = r.problems.find((p) => p.path === 'reports[4].stance')!;
    expect(lines[article.line! - 1].slice(article.column! - 1)).toMatch(/^"nowhere"/);
    expect(formatFileProblem(article)).toMatch(/^reports\[4\]\.stance \(line \d+, column \d+\): /);
  });

  it('names the pack of a list a problem is in; refuses an empty list and the same pack twice', () => {
    const pack = bundledPack();
    const r = checkPackFile(JSON.stringify([pack, { ...pack, version: 0 }], null, 1));
    expect(r).toMatchObject({ ok: false, problems: [{ path: '[1].version', line: expect.any(Number) }] });
    expect(checkPackFile('[]')).toMatchObject({ ok: false, problems: [{ path: '(file)', message: expect.stringMatching(/empty list/) }] });
    expect(checkPackFile(JSON.stringify([pack, pack]))).toMatchObject({ ok: false, problems: [{ path: '[1].id' }] });
  });

  it('invalid JSON: the line and column, also for an unexpected token', () => {
    expect(checkPackFile('{\n  "format": 1,\n  "id": oops\n}')).toEqual({
      ok: false,
      problems: [{ path: '(file)', message: expect.stringMatching(/^invalid JSON at line 3, column 9: Unexpected token 'o'/), line: 3, column: 9 }],
    });
    expect(checkPackFile('')).toMatchObject({ ok: false, problems: [{ path: '(file)', message: expect.stringMatching(/empty/) }] });
  });
});
