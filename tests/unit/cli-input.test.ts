// The CLI's own bad input (issue 12, item 9): a file or a stream without end is read only up to
// its limit plus one byte; an output directory it cannot write into, and a result too large for
// one string, get a one-line message and exit 1: never a stack trace or "internal error".
// The CLI runs as a child process, as `npx crosscheck` runs it (scripts/crosscheck.mjs).
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateKeyPair } from '../../lib/feed/keys';
import { LIMITS } from '../../lib/pack/schema';
import { ScanEngine } from '../../lib/scan/engine';
import { BUNDLED_PACK, CORPUS_DIR, ROOT, bundledPack, bundledPacks } from '../helpers/corpus';

const MiB = 1024 * 1024;
const PAGE_LIMIT = 20 * MiB;
const STACK = /^\s+at .+:\d+:\d+\)?$/m;
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-cli-input-'));

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
  /** Bytes the CLI took from its standard input before it closed it or exited. */
  fed: number;
}

/**
 * Runs the CLI; with `feed`, writes that many bytes of "y\n" (as `yes` would) to its standard
 * input, as fast as it reads them, until it stops reading. Killed after `killAfter` ms.
 */
function cli(args: string[], opts: { feed?: number; killAfter?: number } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'scripts/crosscheck.mjs'), ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let fed = 0;
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.killAfter ?? 45_000);
    child.stdin.on('error', () => {}); // EPIPE once the CLI stops reading
    if (opts.feed === undefined) child.stdin.end();
    else {
      const chunk = Buffer.from('y\n'.repeat(MiB / 2));
      const total = opts.feed;
      const more = () => {
        while (fed < total && !child.stdin.destroyed) {
          const n = Math.min(chunk.length, total - fed);
          fed += n;
          if (!child.stdin.write(n === chunk.length ? chunk : chunk.subarray(0, n))) return void child.stdin.once('drain', more);
        }
        if (fed >= total) child.stdin.end();
      };
      child.stdin.on('close', () => child.stdin.destroy());
      more();
    }
    child.on('close', (code) => {
      clearTimeout(timer);
      // What was written but still sat in the pipe was never read: at most the pipe's buffer and one chunk.
      resolve({ code, stdout, stderr, fed });
    });
  });
}

/** One line on standard error, no stack trace, no "internal error". */
function oneLine(r: Run): string {
  expect(r.stderr, r.stderr).not.toMatch(STACK);
  expect(r.stderr).not.toMatch(/internal error/);
  expect(r.stderr.trimEnd().split('\n'), r.stderr).toHaveLength(1);
  return r.stderr.trimEnd();
}

describe('the CLI reads no more than its limits', { timeout: 60_000 }, () => {
  it('pack validate /dev/zero stops after the 32 MiB of a pack file', async () => {
    expect(LIMITS.packBytes).toBe(32 * MiB);
    const r = await cli(['pack', 'validate', '/dev/zero'], { killAfter: 30_000 });
    expect(r.code, r.stderr).toBe(1);
    expect(oneLine(r)).toBe('crosscheck: /dev/zero: larger than the 32 MiB limit for a pack file');
  });

  it('a pack file that is a stream without end (a named pipe) is read up to its limit only', async () => {
    const fifo = path.join(tmp, 'pack.fifo');
    execFileSync('mkfifo', [fifo]);
    const total = LIMITS.packBytes + 48 * MiB;
    let fed = 0;
    // The writer's open waits for the CLI's; then "y\n" as fast as the CLI reads, until it stops.
    const writer = fs.createWriteStream(fifo);
    writer.on('error', () => {});
    const chunk = Buffer.from('y\n'.repeat(MiB / 2));
    const more = () => {
      while (fed < total && !writer.destroyed) {
        fed += chunk.length;
        if (!writer.write(chunk)) return void writer.once('drain', more);
      }
      writer.end();
    };
    writer.once('open', more);
    const r = await cli(['pack', 'validate', fifo]);
    writer.destroy();
    expect(r.code, r.stderr).toBe(1);
    expect(oneLine(r)).toBe(`crosscheck: ${fifo}: larger than the 32 MiB limit for a pack file`);
    expect(fed).toBeLessThan(LIMITS.packBytes + 16 * MiB);
  });

  it('`yes | crosscheck scan -`: standard input is read up to the 20 MiB of a page only', async () => {
    const r = await cli(['scan', '-'], { feed: PAGE_LIMIT + 48 * MiB });
    expect(r.code, r.stderr).toBe(1);
    expect(oneLine(r)).toBe('crosscheck: standard input: larger than the 20 MiB limit for a page');
    expect(r.fed).toBeLessThan(PAGE_LIMIT + 16 * MiB);
  });

  it('standard input within the limit is scanned as before', async () => {
    const page = fs.readFileSync(path.join(CORPUS_DIR, '001_f4f02270bf5ef5c7.txt'));
    const r = await new Promise<Run>((resolve) => {
      const child = spawn(process.execPath, [path.join(ROOT, 'scripts/crosscheck.mjs'), 'scan', '-'], { cwd: ROOT });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
      child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
      child.stdin.end(page);
      child.on('close', (code) => resolve({ code, stdout, stderr, fed: page.length }));
    });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^-: \d+ actors, \d+ claims/);
  });
});

describe('the CLI reports what it cannot write', { timeout: 60_000 }, () => {
  it('feed build --out d, where d/packs is a file: one line naming the file, exit 1', async () => {
    const pair = await generateKeyPair();
    const keyFile = path.join(tmp, 'private.key');
    fs.writeFileSync(keyFile, pair.privateKeyPem, { mode: 0o600 });
    const out = path.join(tmp, 'feed-out');
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'packs'), 'not a directory');
    const r = await cli(['feed', 'build', BUNDLED_PACK, '--key', keyFile, '--out', out]);
    expect(r.code, r.stderr).toBe(1);
    expect(oneLine(r)).toMatch(new RegExp(`^crosscheck: ${out.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}/packs/\\S+: cannot write \\(${'a parent is not a directory'.replace(/[()]/g, '\\$&')}\\)$`));
    expect(fs.readFileSync(path.join(out, 'packs'), 'utf8')).toBe('not a directory');
    expect(fs.existsSync(path.join(out, 'feed.json'))).toBe(false);
  });

  it('scan --json writes JSON.stringify(result, null, 1) exactly, written out piece by piece', async () => {
    const file = path.join(CORPUS_DIR, '001_f4f02270bf5ef5c7.txt');
    const r = await cli(['scan', file, '--json']);
    expect(r.code, r.stderr).toBe(0);
    const expected = ScanEngine.fromPacks(bundledPacks()).scanText(fs.readFileSync(file, 'utf8'), { lang: 'en' });
    expect(r.stdout).toBe(`${JSON.stringify(expected, null, 1)}\n`);
  });
});
