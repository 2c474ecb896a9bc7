// What a build reads from CROSSCHECK_DEFAULT_FEED and CROSSCHECK_TRUSTED_KEYS, and the clear
// message that stops a build given a bad value.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BuildEnvError, readBuildEnv } from '../../lib/build-env';
import { generateKeyPair } from '../../lib/feed/keys';
import { ROOT } from '../helpers/corpus';

const files = (map: Record<string, string>) => (f: string) => {
  if (!(f in map)) throw Object.assign(new Error('nope'), { code: 'ENOENT' });
  return map[f];
};

describe('readBuildEnv', () => {
  it('nothing set: no default feed, no keys (the bundled pack alone)', async () => {
    expect(await readBuildEnv({}, files({}))).toEqual({ defaultFeed: null, trustedKeys: [] });
  });

  it('reads the feed URL and every key of every file, once each', async () => {
    const a = await generateKeyPair();
    const b = await generateKeyPair();
    const env = await readBuildEnv(
      { CROSSCHECK_DEFAULT_FEED: ' https://feeds.example.org/x/feed.json#frag ', CROSSCHECK_TRUSTED_KEYS: 'a.key, both.keys,' },
      files({ 'a.key': a.publicKeyText, 'both.keys': `# two\n${a.publicKeyText}${b.publicKeyText}` }),
    );
    expect(env).toEqual({ defaultFeed: 'https://feeds.example.org/x/feed.json', trustedKeys: [a.publicKeyText.trim(), b.publicKeyText.trim()] });
  });

  it('refuses a bad value, naming the variable, the file and what is wrong', async () => {
    const fail = (env: Record<string, string>, fs: Record<string, string> = {}) => readBuildEnv(env, files(fs));
    await expect(fail({ CROSSCHECK_DEFAULT_FEED: 'feeds.example.org/feed.json' })).rejects.toThrow(/^CROSSCHECK_DEFAULT_FEED must be the http\(s\) URL of a feed\.json/);
    await expect(fail({ CROSSCHECK_DEFAULT_FEED: 'file:///etc/feed.json' })).rejects.toThrow(BuildEnvError);
    // Plain http only to this computer (for trying a feed out).
    await expect(fail({ CROSSCHECK_DEFAULT_FEED: 'http://feeds.example.org/feed.json' })).rejects.toThrow(/^CROSSCHECK_DEFAULT_FEED: http:\/\/feeds\.example\.org\/feed\.json is plain http:\/\/, .* a feed must be https:\/\//);
    expect((await readBuildEnv({ CROSSCHECK_DEFAULT_FEED: 'http://127.0.0.1:8080/feed.json' }, files({}))).defaultFeed).toBe('http://127.0.0.1:8080/feed.json');
    await expect(fail({ CROSSCHECK_TRUSTED_KEYS: 'missing.key' })).rejects.toThrow('CROSSCHECK_TRUSTED_KEYS: cannot read missing.key: no such file');
    const { privateKeyPem } = await generateKeyPair();
    await expect(fail({ CROSSCHECK_TRUSTED_KEYS: 'private.key' }, { 'private.key': privateKeyPem })).rejects.toThrow(/private\.key is not a public key file: this is a private key/);
    await expect(fail({ CROSSCHECK_TRUSTED_KEYS: 'empty.key' }, { 'empty.key': '# nothing\n' })).rejects.toThrow(/empty\.key holds no public key/);
  });

  it('a real build given a bad value stops with that message and no stack trace', { timeout: 120_000 }, () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cc-env-'));
    try {
      const key = path.join(dir, 'bad.key');
      fs.writeFileSync(key, 'hello\n');
      const r = spawnSync('npx', ['--no-install', 'wxt', 'build', '--mode', 'production'], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, CROSSCHECK_TRUSTED_KEYS: key, CROSSCHECK_DEFAULT_FEED: '' },
        timeout: 120_000,
      });
      expect(r.status).toBe(1);
      const out = `${r.stdout}${r.stderr}`;
      expect(out).toContain(`Crosscheck build: CROSSCHECK_TRUSTED_KEYS: ${key} is not a public key file: line 1: not a Crosscheck public key`);
      expect(out).not.toMatch(/^\s+at .+:\d+:\d+\)?$/m);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
