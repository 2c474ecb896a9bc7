import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatProblem, validatePackText } from '../../lib/pack/validate';
import { LIMITS } from '../../lib/pack/schema';
import { BUNDLED_PACK } from '../helpers/corpus';

const text = fs.readFileSync(BUNDLED_PACK, 'utf8');
const clone = () => JSON.parse(text);
const problems = (input: string | Uint8Array) => {
  const r = validatePackText(input);
  return r.ok ? [] : r.problems.map(formatProblem);
};
const broken = (edit: (p: any) => void) => {
  const p = clone();
  edit(p);
  return problems(JSON.stringify(p));
};

describe('pack validation', () => {
  it('accepts the bundled pack', () => {
    expect(problems(text)).toEqual([]);
  });

  it.each([
    ['a wrong format', (p: any) => (p.format = 2), /^format: unsupported format 2/],
    ['a missing array', (p: any) => delete p.claims, /^claims: missing/],
    ['a mistyped field', (p: any) => (p.version = '3'), /^version: expected number, got "3"/],
    ['a non-integer version', (p: any) => (p.version = 1.5), /^version: must be an integer/],
    ['a duplicate actor id', (p: any) => p.actors.push(p.actors[0]), /^actors\[19\]\.id: duplicate id "putin"/],
    ['a report of an unknown article', (p: any) => (p.reports[12].article = 'a9'), /^reports\[12\]\.article: unknown article "a9"/],
    ['a report of an unknown claim', (p: any) => (p.reports[0].claim = 'nope'), /^reports\[0\]\.claim: unknown claim "nope"/],
    ['an excerpt whose offsets do not match', (p: any) => (p.reports[3].start += 1), /^reports\[3\]\.quote: does not match the text of article/],
    ['offsets beyond the article', (p: any) => (p.reports[3].end = 10_000_000), /^reports\[3\]\.end: offsets .* fall outside/],
    ['a javascript: URL', (p: any) => (p.articles[0].url = 'javascript:alert(1)'), /^articles\[0\]\.url: must be an http\(s\) URL/],
    ['a data: URL', (p: any) => (p.articles[1].url = 'data:text/html,<b>x</b>'), /^articles\[1\]\.url: must be an http\(s\) URL/],
    ['aliases of the wrong type', (p: any) => (p.actors[0].aliases = 42), /^actors\[0\]\.aliases: expected Array, got 42/],
    ['a name over the limit', (p: any) => (p.actors[1].name = 'x'.repeat(LIMITS.name + 1)), /^actors\[1\]\.name: too long/],
    ['a position of an unknown claim', (p: any) => (p.positions[0].claim = 'nope'), /^positions\[0\]\.claim: unknown claim "nope"/],
    ['a differing report that does not say what differs', (p: any) => (p.reports[1].stance = 'differs'), /^reports\[1\]\.differences: a report that differs must say what differs/],
    ['an unknown stance', (p: any) => (p.reports[0].stance = 'agrees'), /^reports\[0\]\.stance: /],
    ['an id with HTML in it', (p: any) => (p.claims[0].id = '<img src=x>'), /^claims\[0\]\.id: must be lower-case/],
    ['a claim naming an unknown actor', (p: any) => (p.claims[1].actors[0].actor = 'ghost'), /^claims\[1\]\.actors\[0\]\.actor: unknown actor "ghost"/],
  ])('refuses %s, naming the path', (_name, edit, expected) => {
    const found = broken(edit);
    expect(found.some((p) => expected.test(p)), found.join('\n')).toBe(true);
  });

  it('reports every problem, not only the first', () => {
    const found = broken((p) => {
      p.reports[0].article = 'x1';
      p.reports[1].article = 'x2';
      p.positions[0].actor = 'x3';
    });
    expect(found).toHaveLength(3);
  });

  it('gives the line and column of malformed JSON', () => {
    expect(problems('{\n  "format": 1,\n  "id": "x",,\n}')).toEqual([expect.stringMatching(/^\(file\): invalid JSON at line 3, column 13: /)]);
    expect(problems(text.slice(0, 2000))[0]).toMatch(/^\(file\): invalid JSON at line \d+, column \d+/);
  });

  it('refuses empty files, binary data and packs over the size limit', () => {
    expect(problems('')).toEqual(['(file): the file is empty: expected a JSON claim pack']);
    expect(problems(new Uint8Array([0x7b, 0x00, 0x01, 0xff]))[0]).toMatch(/binary data/);
    expect(problems(new Uint8Array([0x7b, 0xc3, 0x28, 0x7d]))[0]).toMatch(/not UTF-8/);
    expect(problems(new Uint8Array(LIMITS.packBytes + 1).fill(0x20))[0]).toMatch(/^\(file\): too large/);
  });

  it('refuses a document that is not an object', () => {
    expect(problems('[1, 2, 3]')).toEqual(['(pack): must be a JSON object with the pack header and its six arrays']);
  });
});
