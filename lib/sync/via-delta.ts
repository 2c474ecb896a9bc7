// A new version by delta: the delta the feed offers from the installed version, downloaded and
// verified (./verify.ts), checked, applied to the installed pack and checked again (its digest and
// validation). Or why it could not be used, so the full pack is fetched instead.
import type { Pack } from '../pack/schema';
import { decodePackBytes, parseJson, validatePack } from '../pack/validate';
import { applyDelta, DeltaError, packDigest } from '../feed/delta';
import { checkDelta, type FeedPack } from '../feed/format';
import { errorText } from '../error-text';
import { problemsText, type CauseDetail } from './causes';
import type { Ctx, InstalledPack } from './types';
import { fetchVerified, resolve } from './verify';

/** The pack the delta gives; or why the delta was not used (null: none is offered for the installed version). */
export type DeltaOutcome = { pack: Pack } | { problem: CauseDetail | null };

export async function tryDelta(ctx: Ctx, entry: FeedPack, installed: InstalledPack, baseUrl: string): Promise<DeltaOutcome> {
  const d = entry.deltas.find((x) => x.from === installed.version);
  if (!d || !installed.pack) return { problem: null };
  const what = 'the delta';
  const url = resolve(d.url, baseUrl);
  if (!url) return { problem: { cause: 'bad-url', form: 'listed', what, url: d.url } };
  const got = await fetchVerified(ctx, url, d, what);
  if (!got.ok) return { problem: got.why };
  const decoded = decodePackBytes(got.bytes);
  if ('problem' in decoded) return { problem: { cause: 'json', what, problem: decoded.problem.message } };
  const parsed = parseJson(decoded.text);
  if ('problem' in parsed) return { problem: { cause: 'json', what, problem: parsed.problem.message } };
  const checked = checkDelta(parsed.value);
  if (!checked.ok) return { problem: { cause: 'invalid', what, problem: problemsText(checked.problems) } };
  const delta = checked.value;
  if (delta.pack !== entry.id || delta.from !== installed.version || delta.to !== entry.version)
    return {
      problem: {
        cause: 'mismatch',
        what,
        found: { pack: delta.pack, from: delta.from, to: delta.to },
        listed: { pack: entry.id, from: installed.version, to: entry.version },
      },
    };
  let base: Pack;
  try {
    base = await installed.pack();
  } catch (e) {
    return { problem: { cause: 'store', action: 'read-base', error: errorText(e) } };
  }
  if ((await packDigest(base)) !== delta.baseDigest) return { problem: { cause: 'delta-base', installed: installed.version } };
  let result: Pack;
  try {
    result = applyDelta(base, delta);
  } catch (e) {
    if (e instanceof DeltaError) return { problem: { cause: 'delta-apply', message: e.message } };
    throw e;
  }
  if ((await packDigest(result)) !== delta.digest) return { problem: { cause: 'delta-result', version: entry.version } };
  const valid = validatePack(result);
  if (!valid.ok) return { problem: { cause: 'invalid', what: 'the pack it gives', problem: problemsText(valid.problems) } };
  return { pack: valid.pack };
}
