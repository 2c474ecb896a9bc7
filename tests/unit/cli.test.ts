// The CLI as a user runs it: `npx crosscheck ...` in the project.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUNDLED_PACK, CORPUS_DIR, ROOT } from '../helpers/corpus';

const STACK = /^\s+at .+:\d+:\d+\)?$/m;
function cli(args: string[]) {
  const r = spawnSync('npx', ['--no-install', 'crosscheck', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}`.replace(/^npm warn.*\n/gm, ''), stdout: r.stdout };
}
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cli-'));

// Each test spawns npx several times: seconds each on a loaded machine (the full suite runs e2e alongside).
describe('npx crosscheck', { timeout: 60_000 }, () => {
  it('--help lists the commands', () => {
    const r = cli(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/pack build <corpus-dir> --out <file>/);
    expect(r.out).toMatch(/pack validate <file>/);
  });

  it('pack build writes the bundled pack byte for byte, and prints coverage', () => {
    const out = path.join(tmp, 'pack.json');
    const r = cli(['pack', 'build', CORPUS_DIR, '--out', out]);
    expect(r.code, r.out).toBe(0);
    expect(fs.readFileSync(out, 'utf8')).toBe(fs.readFileSync(BUNDLED_PACK, 'utf8'));
    expect(r.out).toMatch(/Coverage: claims x articles/);
    expect(r.out).toMatch(/\+ {3}\+ {3}\+ {3}\+ {3}\. {3}fifth-of-ukraine/);
    expect(r.out).toMatch(/Sentences that matched no claim/);
  });

  it('pack validate: 0 for a valid pack, 1 with every problem on its own line, no stack trace', () => {
    expect(cli(['pack', 'validate', BUNDLED_PACK]).code).toBe(0);
    const p = JSON.parse(fs.readFileSync(BUNDLED_PACK, 'utf8'));
    p.reports[12].article = 'a9';
    p.articles[0].url = 'javascript:alert(1)';
    const f = path.join(tmp, 'bad.json');
    fs.writeFileSync(f, JSON.stringify(p));
    const r = cli(['pack', 'validate', f]);
    expect(r.code).toBe(1);
    expect(r.out).toContain(`${f}: articles[0].url: must be an http(s) URL`);
    expect(r.out).not.toMatch(STACK);
  });

  it('clear errors for a missing file, a folder that is no corpus, and wrong usage', () => {
    const missing = cli(['pack', 'validate', path.join(tmp, 'nope.json')]);
    expect(missing).toMatchObject({ code: 1 });
    expect(missing.out).toMatch(/nope\.json: no such file/);
    const noStory = cli(['pack', 'build', tmp, '--out', path.join(tmp, 'x.json')]);
    expect(noStory.code).toBe(1);
    // Without a story file a corpus is drafted from its articles; without a manifest there is nothing to draft.
    expect(noStory.out).toMatch(/no manifest\.json/);
    const usage = cli(['pack', 'build', CORPUS_DIR]);
    expect(usage.code).toBe(2);
    expect(usage.out).toMatch(/needs --out/);
    for (const r of [missing, noStory, usage]) expect(r.out).not.toMatch(STACK);
  });

  it('a broken story file is reported with its line, and nothing is written', () => {
    const dir = path.join(tmp, 'corpus');
    fs.cpSync(CORPUS_DIR, dir, { recursive: true });
    const storyPath = path.join(dir, 'story.yaml');
    fs.writeFileSync(storyPath, fs.readFileSync(storyPath, 'utf8').replace('  year: 2025\n', '  year: twenty\n'));
    const out = path.join(tmp, 'never.json');
    const r = cli(['pack', 'build', dir, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/story\.yaml:\d+:\d+: story\.year: /);
    expect(r.out).not.toMatch(STACK);
    expect(fs.existsSync(out)).toBe(false);
  });
});

describe('npx crosscheck scan', { timeout: 60_000 }, () => {
  it('scans a corpus article as text and prints JSON in the documented shape', () => {
    const r = cli(['scan', path.join(CORPUS_DIR, '001_f4f02270bf5ef5c7.txt'), '--json']);
    expect(r.code, r.out).toBe(0);
    const res = JSON.parse(r.stdout);
    expect(res.actors.find((a: { name: string }) => a.name === 'Sergei Lavrov').mentions[0]).toMatchObject({ text: expect.any(String), start: expect.any(Number), end: expect.any(Number) });
    const drone = res.claims.find((c: { id: string }) => c.id === 'drone-attack');
    expect(drone).toMatchObject({ verdict: 'disputed', match: { text: expect.stringContaining('91 long-range drones') } });
    expect(drone.sources).toHaveLength(5);
    expect(drone.sources[0]).toMatchObject({ outlet: 'Daily Maverick', article: '000_43618b905a621851.txt', stance: 'corroborates', quote: expect.stringContaining('91') });
  });

  it('reads a page from standard input and prints a readable summary', () => {
    const r = spawnSync('npx', ['--no-install', 'crosscheck', 'scan', '-'], {
      cwd: ROOT, encoding: 'utf8', input: '<html><body><p>Sergey Lavrov said Ukraine had launched 98 long-range drones at Vladimir Putin’s residence in the Novgorod region.</p></body></html>',
    });
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/\[contradicted\] Sergei Lavrov said Ukraine attacked/);
    expect(r.stdout).toMatch(/This page says 98 long-range drones; .* say 91 drones/);
  });

  it('refuses bad input with one clear line: missing file, binary data, an invalid pack, an unknown option', () => {
    const bin = path.join(tmp, 'binary.html');
    fs.writeFileSync(bin, Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) % 256)));
    const badPack = path.join(tmp, 'bad-pack.json');
    fs.writeFileSync(badPack, '{"format": 1, "actors": ');
    const page = path.join(CORPUS_DIR, '002_75bf6037645f3d12.txt');
    const cases: [string[], number, RegExp][] = [
      [['scan', path.join(tmp, 'nope.html')], 1, /nope\.html: no such file/],
      [['scan', bin], 1, /binary\.html: binary data/],
      [['scan', page, '--pack', badPack], 1, /bad-pack\.json: not a valid claim pack: \(file\): invalid JSON at line 1/],
      [['scan', page, '--frobnicate'], 2, /unknown option --frobnicate/],
    ];
    for (const [args, code, message] of cases) {
      const r = cli(args);
      expect(r.code, r.out).toBe(code);
      expect(r.out).toMatch(message);
      expect(r.out).not.toMatch(STACK);
    }
  });
});
