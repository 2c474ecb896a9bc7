// The installed packs as the options page administers them: import a pack file, remove a pack,
// restore the bundled one, export them, and the bundled pack's state. Whatever installs or removes
// holds the install lock (./install-lock.ts).
import { checkPackFile, formatFileProblem } from '../pack/file';
import type { Pack } from '../pack/schema';
import type { Fail, Replies } from '../protocol';
import { listFeeds } from '../store/feeds';
import { checkImport, importPack, installBundledPack, loadPack, loadPacks, removePack } from '../store/packs';
import { sentence } from '../sync/causes';
import { bundledPacks, removedBundled, setRemovedBundled } from './bundled';
import type { BackgroundContext } from './context';


type ImportReply = Omit<Replies['import-pack'], 'ok'>;

/**
 * A pack file the reader picked: checked whole first (nothing installed if any problem), then each
 * pack imported. A pack that would replace one another signer installed (a feed's publisher, the
 * bundled pack) is not imported until the reader confirms: status 'confirm', and the same request
 * again with `replace`.
 */
export async function importFile(ctx: BackgroundContext, text: string, name: string, replace = false): Promise<ImportReply> {
  return ctx.installs.run(() => importFileNow(ctx, text, name, replace));
}

async function importFileNow(ctx: BackgroundContext, text: string, name: string, replace: boolean): Promise<ImportReply> {
  const file = name || 'the file';
  ctx.progress.report({ type: 'sync-progress', url: name, what: 'file', phase: 'import', received: text.length, total: text.length });
  const checked = checkPackFile(text);
  if (!checked.ok) {
    const n = checked.problems.length;
    return {
      status: 'refused',
      message: `${file} was not imported: ${n === 1 ? formatFileProblem(checked.problems[0]) : `${n} problems, listed below`}. The installed packs are unchanged.`,
      problems: checked.problems,
    };
  }
  const messages: string[] = [];
  const tally = { installed: 0, refused: 0, failed: 0 };
  if (!replace) {
    // Ask first, before anything is installed: which packs of the file would take another signer's place.
    const asks: string[] = [];
    for (const pack of checked.packs) {
      const r = await checkImport(ctx.db, pack, { source: 'file' });
      if (r?.status === 'refused' && r.reason === 'publisher' && r.confirm) asks.push(`${sentence(r.detail)}.`);
    }
    if (asks.length)
      return { status: 'confirm', message: `${asks.join(' ')} Import ${file} anyway? Updates from the publisher then no longer replace it.`, problems: [] };
  }
  for (const pack of checked.packs) {
    const r = await importPack(ctx.db, pack, { source: 'file', replace, now: () => ctx.now() });
    const title = `"${pack.title}"`;
    if (r.status === 'installed') {
      tally.installed++;
      messages.push(`Imported ${title} version ${r.pack.version}${r.replaced !== null ? ` (was version ${r.replaced})` : ''}.`);
    } else if (r.status === 'unchanged') messages.push(`${title} version ${r.pack.version} is already installed.`);
    else {
      tally[r.status]++;
      messages.push(`${title}: ${r.message}.`);
    }
  }
  if (tally.installed) await ctx.engine.packsChanged();
  const status = tally.failed ? 'failed' : tally.refused ? 'refused' : tally.installed ? 'installed' : 'unchanged';
  return { status, message: messages.join(' '), problems: [] };
}

export async function removeInstalledPack(ctx: BackgroundContext, id: string): Promise<string> {
  return ctx.installs.run(() => removeNow(ctx, id));
}

async function removeNow(ctx: BackgroundContext, id: string): Promise<string> {
  const { db } = ctx;
  const row = await db.packs.get(id);
  if (!row) return `No pack "${id}" is installed`;
  await removePack(db, id);
  const bundled = bundledPacks(ctx.deps.bundledPacks).some((b) => b.header.id === id);
  if (bundled) await setRemovedBundled(db, (await removedBundled(db, ctx.deps.bundledPacks)).add(id));
  await ctx.engine.packsChanged();
  const fromFeed = (await listFeeds(db)).find((f) => f.lastPacks.some((p) => p.id === id));
  return (
    `Removed "${row.title}" (version ${row.version}).` +
    (bundled ? ' "Restore bundled pack" brings back the pack that came with Crosscheck.' : '') +
    (fromFeed ? ` It comes back with the next check of ${fromFeed.url} unless you unsubscribe.` : '') +
    (row.signer.kind === 'key' ? ` Another publisher's feed may now install a pack with this id; versions older than ${row.version} signed by key ${row.signer.keyId} will not be installed again.` : '')
  );
}

export async function restoreBundled(ctx: BackgroundContext): Promise<string> {
  return ctx.installs.run(() => restoreNow(ctx));
}

/** Every bundled pack installed again (each one's outcome in a sentence). */
async function restoreNow(ctx: BackgroundContext): Promise<string> {
  const bundled = bundledPacks(ctx.deps.bundledPacks);
  if (!bundled.length) return 'This build has no bundled pack';
  await setRemovedBundled(ctx.db, new Set());
  const said: string[] = [];
  let changed = false;
  for (const { pack } of bundled) {
    const r = await installBundledPack(ctx.db, pack);
    if (r.status === 'installed') changed = true;
    said.push(restoredText(r));
  }
  if (changed) await ctx.engine.packsChanged();
  return said.join(' ');
}

function restoredText(r: Awaited<ReturnType<typeof installBundledPack>>): string {
  switch (r.status) {
    case 'installed':
      return `Restored the bundled pack "${r.pack.title}" (version ${r.pack.version}).`;
    case 'unchanged':
      return `The bundled pack "${r.pack.title}" (version ${r.pack.version}) is installed.`;
    case 'refused':
      return r.reason === 'older' ? `A newer version (${r.installed}) of the bundled pack is installed; kept version ${r.installed}.` : `${r.message}.`;
    default:
      return r.message;
  }
}

/** One pack exports as a pack file; several as a list of packs. Both import as they are. */
export async function exportPacks(ctx: BackgroundContext, id?: string): Promise<Replies['export-packs'] | Fail> {
  const packs = id !== undefined ? [await loadPack(ctx.db, id)].filter((p): p is Pack => p !== null) : await loadPacks(ctx.db);
  if (packs.length === 0) return { ok: false, error: id !== undefined ? `No pack "${id}" is installed` : 'No pack is installed' };
  const date = ctx.now().toISOString().slice(0, 10);
  const one = packs.length === 1;
  return {
    ok: true,
    json: `${JSON.stringify(one ? packs[0] : packs, null, 1)}\n`,
    fileName: one ? `${packs[0].id}-${packs[0].version}.json` : `crosscheck-packs-${date}.json`,
    count: packs.length,
  };
}
