// Start-up, on every worker start (idempotent): install each bundled pack unless the reader removed
// it (a newer installed version is kept, and so is another publisher's pack; under the install lock), trust the build's keys and subscribe to the build's
// default feed once each, and schedule the next feed check. Each step's failure is logged, never thrown.
import { errorText } from '../error-text';
import { addFeed } from '../store/feeds';
import { ensureBuildKeys } from '../store/keys';
import { installBundledPack } from '../store/packs';
import { getMarker, setMarker } from '../store/settings';
import { bundledPacks, removedBundled } from './bundled';
import type { BackgroundContext } from './context';

export async function startOnce(ctx: BackgroundContext, trigger: string): Promise<void> {
  const { db, deps, log } = ctx;
  const step = async (what: string, work: () => Promise<void>) => {
    try {
      await work();
    } catch (e) {
      log('warn', `${what} (${trigger}): ${errorText(e)}`);
    }
  };
  for (const { pack, header } of bundledPacks(deps.bundledPacks)) await step('bundled pack not installed', async () => {
    if ((await removedBundled(db, deps.bundledPacks)).has(header.id)) {
      log('info', `bundled pack ${header.id} not installed (${trigger}): the reader removed it`);
      return;
    }
    const r = await ctx.installs.run(() => installBundledPack(db, pack));
    if (r.status === 'installed') {
      log('info', `bundled pack ${r.pack.id} v${r.pack.version} installed (${trigger})${r.replaced !== null ? `, replaced v${r.replaced}` : ''}`);
      await ctx.engine.packsChanged();
    } else if (r.status === 'unchanged') log('info', `bundled pack ${r.pack.id} v${r.pack.version} already installed (${trigger})`);
    // 'older': a newer version from a feed is installed, as it should be.
    else log(r.status === 'refused' && r.reason === 'older' ? 'info' : 'warn', `bundled pack not installed (${trigger}): ${r.message}`);
  });
  await step('build keys not trusted', async () => {
    const r = await ensureBuildKeys(db, deps.buildKeys ?? [], ctx.now());
    if (r.added.length) log('info', `trusted the build's keys ${r.added.join(', ')}`);
    for (const p of r.problems) log('warn', `a build key was not trusted: ${p}`);
  });
  await step('default feed not subscribed', async () => {
    const url = deps.defaultFeed;
    if (!url || (await getMarker(db, 'defaultFeedSeen')) === url) return;
    const r = await addFeed(db, url, ctx.now());
    if (r.status === 'refused') log('warn', `the build's default feed was not subscribed: ${r.message}`);
    else log('info', `subscribed to the build's default feed ${url}`);
    // Once: a reader who unsubscribes stays unsubscribed.
    await setMarker(db, 'defaultFeedSeen', url);
  });
  await step('feed check not scheduled', () => ctx.sync.scheduleNext());
}
