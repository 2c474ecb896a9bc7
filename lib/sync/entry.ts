// One pack a feed lists: compared with the installed pack (the same file is not fetched again;
// another publisher's pack, an older version, or one older than this publisher already installed is
// refused without a download), fetched by delta (./via-delta.ts) or whole (./verify.ts), validated,
// checked again for a downgrade, and handed to `install`. Whatever fails leaves the installed
// version in use; the result says why (a cause code) and what was kept.
import type { Pack } from '../pack/schema';
import { validatePackText } from '../pack/validate';
import { compareVersions, type FeedPack } from '../feed/format';
import { errorText } from '../error-text';
import { causeText, keptText, NOT_STORED_TEXT, packText, problemsText, REFUSED_TEXT, RETRY_TEXT, sentence, type CauseDetail } from './causes';
import type { Ctx, InstalledPack, InstallOutcome, PackUpdateResult } from './types';
import { tryDelta } from './via-delta';
import { fetchVerified, resolve } from './verify';

type EntryOutcome = PackUpdateResult;

const upToDate = (version: number) => `Up to date: version ${version} is installed`;

export async function updateEntry(ctx: Ctx, entry: FeedPack, baseUrl: string): Promise<EntryOutcome> {
  const { deps } = ctx;
  const head = { id: entry.id, title: entry.title, offered: entry.version };
  const signer = { keyId: entry.keyId, sha256: entry.sha256 };
  let installed: InstalledPack | null;
  try {
    installed = await deps.installed(entry.id);
  } catch (e) {
    const why: CauseDetail = { cause: 'store', action: 'read-installed', error: errorText(e) };
    return { ...head, status: 'failed', cause: why.cause, kept: null, installed: null, retry: 'backoff', message: `${sentence(why)}; ${RETRY_TEXT}` };
  }
  const inUse = installed?.version ?? null;
  // Results name what is in use: not a title a feed gives a pack it may not install.
  if (installed?.title !== undefined) head.title = installed.title;
  const refuse = (why: CauseDetail, extra: Partial<EntryOutcome> = {}): EntryOutcome => ({
    ...head, status: 'refused', cause: why.cause, kept: inUse, installed: inUse, message: packText(why, inUse), ...extra,
  });
  const fail = (why: CauseDetail, retryAfterMs?: number, extra: Partial<EntryOutcome> = {}): EntryOutcome => ({
    ...head, status: 'failed', cause: why.cause, kept: inUse, installed: inUse, retry: 'backoff', retryAfterMs,
    message: packText(why, inUse, true), ...extra,
  });

  if (compareVersions(entry.minCrosscheck, deps.crosscheckVersion) > 0)
    return {
      ...head, status: 'skipped', cause: 'needs-newer-crosscheck', kept: inUse, installed: inUse,
      message: packText({ cause: 'needs-newer-crosscheck', version: entry.version, needs: entry.minCrosscheck, running: deps.crosscheckVersion }, inUse),
    };
  // The file the feed lists is the one installed: nothing to fetch.
  if (installed && installed.sha256 && installed.sha256 === entry.sha256) return { ...head, status: 'unchanged', installed: inUse, message: upToDate(installed.version) };
  if (!deps.trustedKeys.some((k) => k.id === entry.keyId)) return refuse({ cause: 'unknown-key', what: 'the pack', keyId: entry.keyId });
  // Another publisher's pack, or older than this publisher already installed: nothing is downloaded.
  let objection: CauseDetail | null = null;
  try {
    objection = (await deps.admit?.({ id: entry.id, version: entry.version, keyId: entry.keyId })) ?? null;
  } catch (e) {
    const why: CauseDetail = { cause: 'store', action: 'read-installed', error: errorText(e) };
    return { ...head, status: 'failed', cause: why.cause, kept: inUse, installed: inUse, retry: 'backoff', message: packText(why, inUse, true) };
  }
  if (objection) return refuse(objection);
  if (installed && installed.version === entry.version) return { ...head, status: 'unchanged', installed: inUse, message: upToDate(entry.version) };
  if (installed && installed.version > entry.version) return refuse({ cause: 'older', form: 'feed', offered: entry.version, installed: installed.version });

  let pack: Pack | null = null;
  let via: 'delta' | 'full' = 'full';
  let deltaWhy: CauseDetail | null = null;
  if (installed) {
    const d = await tryDelta(ctx, entry, installed, baseUrl);
    if ('pack' in d) {
      pack = d.pack;
      via = 'delta';
    } else deltaWhy = d.problem;
  }
  const deltaProblem = deltaWhy ? causeText(deltaWhy) : undefined;
  const note = deltaWhy ? { deltaProblem, deltaCause: deltaWhy.cause } : {};
  if (!pack) {
    const url = resolve(entry.url, baseUrl);
    if (!url) return refuse({ cause: 'bad-url', form: 'listed', what: 'the pack', url: entry.url }, note);
    const got = await fetchVerified(ctx, url, entry, 'the pack');
    if (!got.ok) return got.status === 'failed' ? fail(got.why, got.retryAfterMs, note) : refuse(got.why, note);
    const valid = validatePackText(got.bytes);
    if (!valid.ok) return refuse({ cause: 'invalid', what: 'the pack from the feed', form: 'parens', problem: problemsText(valid.problems) }, note);
    pack = valid.pack;
  }
  if (pack.id !== entry.id || pack.version !== entry.version)
    return refuse({ cause: 'mismatch', what: 'the pack', found: { id: pack.id, version: pack.version }, listed: { id: entry.id, version: entry.version } }, note);
  // No downgrade or replay: the installed version may have changed while this one downloaded.
  let current: InstalledPack | null = installed;
  try {
    current = await deps.installed(entry.id);
  } catch {
    /* keep the first answer */
  }
  if (current && current.version === pack.version) return { ...head, status: 'unchanged', installed: current.version, message: upToDate(pack.version) };
  if (current && current.version > pack.version)
    return {
      ...head, status: 'refused', cause: 'older', kept: current.version, installed: current.version,
      message: packText({ cause: 'older', form: 'file', offered: pack.version, installed: current.version }, current.version),
    };

  let outcome: InstallOutcome;
  try {
    outcome = await deps.install(pack, signer);
  } catch (e) {
    // No `kept`: the message does not say what is installed.
    outcome = { status: 'failed', cause: 'store', message: sentence({ cause: 'store', action: 'write', error: errorText(e) }) };
  }
  const fallback = deltaProblem ? ` The delta from version ${installed?.version} was not used (${deltaProblem}), so the full pack was downloaded.` : '';
  switch (outcome.status) {
    case 'installed':
      return {
        ...head, title: pack.title, status: 'updated', installed: pack.version, via, ...note,
        message: `Updated to version ${pack.version}${installed ? ` (was version ${installed.version})` : ''}${via === 'delta' ? ' with a delta' : ''}.${fallback}`,
      };
    case 'unchanged':
      return { ...head, status: 'unchanged', installed: pack.version, message: upToDate(pack.version) };
    case 'refused':
      return {
        ...head, status: 'refused', cause: outcome.cause ?? 'invalid', kept: outcome.kept !== undefined ? outcome.kept : inUse, installed: outcome.kept !== undefined ? outcome.kept : inUse, ...note,
        message: outcome.message ?? `${REFUSED_TEXT}; ${keptText(inUse)}`,
      };
    default: {
      const m = outcome.message ?? NOT_STORED_TEXT;
      // An installer that says what it kept has said so in its message.
      const said = outcome.message !== undefined && outcome.kept !== undefined;
      return {
        ...head, status: 'failed', cause: outcome.cause ?? 'store', kept: outcome.kept !== undefined ? outcome.kept : inUse, installed: inUse, retry: 'backoff', ...note,
        message: said ? `${m}; ${RETRY_TEXT}` : `${m}; ${keptText(inUse)}; ${RETRY_TEXT}`,
      };
    }
  }
}
