// "Delete all data": everything stored (lib/store/erase.ts, one transaction: all or nothing) and
// what the worker holds in memory, then what ships with the extension installed again.
import { errorText } from '../error-text';
import { eraseAllData } from '../store/erase';
import { ensureBuildKeys } from '../store/keys';
import { installBundledPack } from '../store/packs';
import { bundledPacks } from './bundled';
import type { BackgroundContext } from './context';

function count(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/**
 * Deletes everything and clears the scheduled check, then installs the bundled pack (even if the
 * reader had removed it) and the build's keys again. Throws only when nothing was deleted.
 */
export async function deleteAllData(ctx: BackgroundContext): Promise<string> {
  // A check running now would install what it downloads after the deletion: let it end first.
  await ctx.sync.idle();
  // Nothing else installs or removes meanwhile (a file import, "Restore bundled pack").
  return ctx.installs.run(() => eraseNow(ctx));
}

async function eraseNow(ctx: BackgroundContext): Promise<string> {
  const { db, deps } = ctx;
  const erased = await eraseAllData(db);
  ctx.tabs.clear();
  ctx.progress.clear();
  ctx.settings.forget();
  ctx.engine.reload();
  deps.scheduleCheck?.(null);
  ctx.log('info', 'all data deleted (the reader asked)');

  const kept: string[] = [];
  try {
    const again: string[] = [];
    for (const { pack } of bundledPacks(deps.bundledPacks)) {
      const r = await installBundledPack(db, pack);
      if (r.status === 'installed' || r.status === 'unchanged') again.push(`"${r.pack.title}", version ${r.pack.version}`);
      else kept.push(`A pack that came with Crosscheck could not be installed again (${r.message}); "Restore bundled pack" tries again.`);
    }
    if (again.length === 1) kept.unshift(`The pack that came with Crosscheck (${again[0]}) is installed again.`);
    else if (again.length) kept.unshift(`The ${again.length} packs that came with Crosscheck (${again.join('; ')}) are installed again.`);
    const keys = await ensureBuildKeys(db, deps.buildKeys ?? [], ctx.now());
    const n = keys.added.length;
    if (n) kept.push(`${n === 1 ? 'The key' : `The ${n} keys`} that came with this build ${n === 1 ? 'is' : 'are'} trusted again.`);
    await ctx.sync.scheduleNext();
  } catch (e) {
    ctx.log('warn', `after deleting all data: ${errorText(e)}`);
    kept.push(`Reinstalling what came with Crosscheck failed (${errorText(e)}); it is tried again when the browser restarts.`);
  }
  await ctx.engine.packsChanged();
  deps.notifyPages?.({ type: 'feeds-changed' });
  return [
    `Deleted ${count(erased.packs, 'pack')}, ${count(erased.feeds, 'subscription')}, ${count(erased.keys, 'key')} you added, ${count(erased.sites, 'site')} turned off, your reading settings and the scanner's cache.`,
    ...kept,
  ].join(' ');
}
