// What a build of the extension is told by its environment (read by wxt.config.ts at build time):
//
//   CROSSCHECK_DEFAULT_FEED   the https URL of a feed.json the extension subscribes to on first start
//                             (plain http only to a loopback address, for development)
//   CROSSCHECK_TRUSTED_KEYS   comma-separated paths of public key files (crosscheck keygen's
//                             public.key, or a list of keys one per line) whose packs it trusts
//
// Pure: the caller passes the environment and a way to read a file. Any problem is a BuildEnvError
// whose message names the variable, the file and what is wrong, for the build to print.
import { insecureHttp, insecureHttpText } from './feed/address';
import { formatPublicKey, parsePublicKeyList } from './feed/keys';

export interface BuildEnv {
  /** An https URL (http only to a loopback address), or null when the build names no default feed. */
  defaultFeed: string | null;
  /** Public key lines (`crosscheck-ed25519-public <base64>`), one per key, no duplicates. */
  trustedKeys: string[];
}

export class BuildEnvError extends Error {}

export async function readBuildEnv(env: Record<string, string | undefined>, readFile: (path: string) => string): Promise<BuildEnv> {
  let defaultFeed: string | null = null;
  const feed = env.CROSSCHECK_DEFAULT_FEED?.trim();
  if (feed) {
    let u: URL | null = null;
    try {
      u = new URL(feed);
    } catch {
      /* reported below */
    }
    if (!u || (u.protocol !== 'http:' && u.protocol !== 'https:'))
      throw new BuildEnvError(`CROSSCHECK_DEFAULT_FEED must be the http(s) URL of a feed.json, such as https://example.com/feed/feed.json; got "${feed}"`);
    if (u.username || u.password) throw new BuildEnvError('CROSSCHECK_DEFAULT_FEED must not contain a user name or password');
    if (insecureHttp(u)) throw new BuildEnvError(`CROSSCHECK_DEFAULT_FEED: ${insecureHttpText(u.href)}`);
    u.hash = '';
    defaultFeed = u.href;
  }
  const trustedKeys: string[] = [];
  const ids = new Set<string>();
  const files = (env.CROSSCHECK_TRUSTED_KEYS ?? '').split(',').map((f) => f.trim()).filter(Boolean);
  for (const file of files) {
    let text: string;
    try {
      text = readFile(file);
    } catch (e) {
      const code = (e as { code?: string }).code;
      throw new BuildEnvError(`CROSSCHECK_TRUSTED_KEYS: cannot read ${file}${code === 'ENOENT' ? ': no such file' : code ? ` (${code})` : ''}`);
    }
    const { keys, problems } = await parsePublicKeyList(text);
    if (problems.length)
      throw new BuildEnvError(
        `CROSSCHECK_TRUSTED_KEYS: ${file} is not a public key file: ${problems.slice(0, 2).join('; ')}${problems.length > 2 ? `; and ${problems.length - 2} more lines` : ''}`,
      );
    if (keys.length === 0) throw new BuildEnvError(`CROSSCHECK_TRUSTED_KEYS: ${file} holds no public key (expected the public.key written by "crosscheck keygen")`);
    for (const k of keys) {
      if (ids.has(k.id)) continue;
      ids.add(k.id);
      trustedKeys.push(formatPublicKey(k).trim());
    }
  }
  return { defaultFeed, trustedKeys };
}
