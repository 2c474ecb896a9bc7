// Why a feed check or a pack import did not install what it offered, as data: a cause code that
// the control flow tests (never the words), the details a message names, and the one place where
// those become the plain-language messages a reader sees ("Signature does not match the feed's
// key (...) for the pack (...); kept version 3"). Pure: no imports of the sync code itself.
import { formatProblem, type Problem } from '../pack/validate';
import type { PackSigner } from '../protocol/signer';

/**
 * What went wrong. Downloads: 'bad-url' (not an http(s) address), 'network' (the server could not
 * be reached: no connection, DNS, refused, or a cross-origin read the browser blocked), 'cancelled'
 * (the caller aborted), 'timeout', 'http' (an error status), 'redirected' (to another site),
 * 'too-large' (over the size limit), 'truncated' (the body was cut short).
 * A file of the feed, checked: 'web-page' (HTML instead of JSON),
 * 'size-mismatch' (larger than the feed states), 'hash', 'signature', 'unknown-key' (signed with a
 * key the reader does not trust). Contents: 'json' (not JSON text), 'invalid' (fails validation),
 * 'mismatch' (not the pack or delta the feed lists), 'older' (a downgrade), 'needs-newer-crosscheck'.
 * Deltas: 'delta-base' (the installed version is not the publisher's), 'delta-apply' (it does not
 * apply), 'delta-result' (applying it does not give the published version).
 * feed.json: 'feed-unsigned' (the old unsigned format), 'feed-expired' (not rebuilt in time).
 * Who may install: 'publisher' (the installed pack belongs to another publisher), 'rollback' (older
 * than a version this publisher already installed, even if it was removed since).
 * 'store': the installed packs could not be read or written.
 */
export type Cause =
  | 'bad-url'
  | 'network'
  | 'cancelled'
  | 'timeout'
  | 'http'
  | 'redirected'
  | 'too-large'
  | 'truncated'
  | 'web-page'
  | 'size-mismatch'
  | 'hash'
  | 'signature'
  | 'unknown-key'
  | 'json'
  | 'invalid'
  | 'mismatch'
  | 'older'
  | 'needs-newer-crosscheck'
  | 'delta-base'
  | 'delta-apply'
  | 'delta-result'
  | 'feed-unsigned'
  | 'feed-expired'
  | 'publisher'
  | 'rollback'
  | 'store';

/** The causes a download reports (lib/sync/download.ts). */
export type DownloadCause = 'bad-url' | 'network' | 'cancelled' | 'timeout' | 'http' | 'redirected' | 'too-large' | 'truncated';

/**
 * Who offers to install a pack: the pack that came with Crosscheck, a file the reader picked, or a
 * feed's pack signed by `keyId`.
 */
export type Offer = { kind: 'bundled' } | { kind: 'file' } | { kind: 'key'; keyId: string; feedUrl: string };

/** A file by what it is ("the feed", "the pack", "the delta") and its address. */
interface File {
  what: string;
  url: string;
}

/**
 * A cause with what its message names. `download`: the file's download failed (the message says
 * "could not download ..." before the download's own words).
 */
export type CauseDetail = { download?: boolean } & (
  | (File & { cause: 'bad-url'; form: 'not-url' | 'not-http' | 'listed' | 'insecure' })
  | (File & { cause: 'network'; host: string; error: string })
  | (File & { cause: 'cancelled' | 'web-page' | 'hash' })
  | (File & { cause: 'timeout'; timeoutMs: number; received?: number })
  | (File & { cause: 'http'; status: number; statusText: string })
  | (File & { cause: 'redirected'; to: string })
  | { cause: 'too-large'; what: string; url?: string; size: number; max: number; known: boolean }
  /** `stated`: shorter than the size the feed states (else: the body stopped coming). */
  | (File & { cause: 'truncated'; received: number; total: number | null; error?: string; stated?: boolean })
  | (File & { cause: 'size-mismatch'; size: number })
  | (File & { cause: 'signature'; keyId: string })
  | { cause: 'unknown-key'; what: string; keyId: string }
  /** `what` names the file in full ("the feed at <url>", "the pack it gives"). */
  | { cause: 'json' | 'invalid'; what: string; problem: string; form?: 'colon' | 'parens' }
  | { cause: 'mismatch'; what: 'the pack'; found: { id: string; version: number }; listed: { id: string; version: number } }
  | { cause: 'mismatch'; what: 'the delta'; found: { pack: string; from: number; to: number }; listed: { pack: string; from: number; to: number } }
  | { cause: 'older'; offered: number; installed: number; form: 'feed' | 'file' }
  | { cause: 'needs-newer-crosscheck'; version: number; needs: string; running: string }
  | { cause: 'delta-base'; installed: number }
  | { cause: 'delta-apply'; message: string }
  | { cause: 'delta-result'; version: number }
  | { cause: 'store'; action: 'read-installed' | 'read-base' | 'write'; error: string }
  | { cause: 'feed-unsigned'; url: string }
  /** ISO timestamps, from the feed's signed content. */
  | { cause: 'feed-expired'; generated: string; expires: string }
  /** `title`: the installed pack's; `owner`: who installed it. */
  | { cause: 'publisher'; title: string; owner: PackSigner; offer: Offer }
  | { cause: 'rollback'; offered: number; highest: number; keyId: string }
);

export const RETRY_TEXT = 'will try again later';
export const UNCHANGED_TEXT = 'the installed packs are unchanged';
/** What a refused or failed install says when the installer gave no message. */
export const REFUSED_TEXT = 'The pack was refused';
export const NOT_STORED_TEXT = 'Could not store the pack';

/** What is still in use after a failure: "kept version 3", or "nothing was installed". */
export function keptText(kept: number | null): string {
  return kept !== null ? `kept version ${kept}` : 'nothing was installed';
}

export function capitalise(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** Validation problems for a message: the first three, and how many more. */
export function problemsText(problems: Problem[], opts: { more?: boolean } = {}): string {
  const first = problems.slice(0, 3).map(formatProblem).join('; ');
  return opts.more !== false && problems.length > 3 ? `${first}; and ${problems.length - 3} more` : first;
}

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
}

/** The cause in words, as a clause ("the server answered HTTP 500 (...) for the pack (...)"). */
export function causeText(d: CauseDetail): string {
  if (d.download && 'what' in d) return `could not download ${d.what}: ${causeText({ ...d, download: false })}`;
  switch (d.cause) {
    case 'bad-url':
      if (d.form === 'not-url') return `${d.what}'s address "${d.url}" is not a URL`;
      if (d.form === 'not-http') return `${d.what}'s address ${d.url} is not http(s)`;
      if (d.form === 'insecure')
        return `${d.what}'s address ${d.url} is plain http://, which anyone on the way could read or change; Crosscheck uses http:// only for this computer (localhost), anything else must be https://`;
      return `${d.what === 'the delta' ? 'its' : `${d.what}'s`} address "${d.url}" is not an http(s) URL`;
    case 'network':
      return `could not reach ${d.host} for ${d.what} (${d.url}): ${d.error}`;
    case 'cancelled':
      return `the download of ${d.what} (${d.url}) was cancelled`;
    case 'timeout':
      return `the server did not deliver ${d.what} (${d.url}) within ${seconds(d.timeoutMs)}${d.received ? ` (${formatBytes(d.received)} received)` : ''}`;
    case 'http':
      return `the server answered HTTP ${d.status}${d.statusText ? ` (${d.statusText})` : ''} for ${d.what} (${d.url})`;
    case 'redirected':
      return `${d.what} (${d.url}) redirected to ${d.to}, on another site; Crosscheck follows redirects only within the site of the address it was given`;
    case 'too-large':
      return `${d.what}${d.url !== undefined ? ` (${d.url})` : ''} is ${d.known ? formatBytes(d.size) : `larger than ${formatBytes(d.max)}`}, over the limit of ${formatBytes(d.max)}`;
    case 'truncated':
      if (d.stated) return `the download of ${d.what} (${d.url}) was cut short: ${formatBytes(d.received)} of ${formatBytes(d.total ?? 0)}`;
      return `the download of ${d.what} (${d.url}) was cut short after ${formatBytes(d.received)}${d.total !== null ? ` of ${formatBytes(d.total)}` : ''}${d.error !== undefined ? ` (${d.error})` : ''}`;
    case 'web-page':
      return `the server sent a web page (HTML) instead of ${d.what} (${d.url}): the file is missing there, or its address is wrong`;
    case 'size-mismatch':
      return `${d.what} (${d.url}) is larger than the ${d.size} bytes the feed states: it is not the file that was published`;
    case 'hash':
      return `${d.what} does not match the feed's checksum (sha256): it was altered or damaged on the way (${d.url})`;
    case 'signature':
      return `Signature does not match the feed's key (${d.keyId}) for ${d.what} (${d.url})`;
    case 'unknown-key':
      return `${d.what} is signed with key ${d.keyId}, which is not one of your trusted keys`;
    case 'json':
    case 'invalid':
      return d.form === 'parens' ? `${d.what} is not valid (${d.problem})` : `${d.what} is not valid: ${d.problem}`;
    case 'mismatch':
      if (d.what === 'the pack')
        return `the pack file is "${d.found.id}" version ${d.found.version}, but the feed lists "${d.listed.id}" version ${d.listed.version}`;
      return `the delta file goes from version ${d.found.from} to ${d.found.to} of "${d.found.pack}", not from ${d.listed.from} to ${d.listed.to} of "${d.listed.pack}"`;
    case 'older':
      return d.form === 'feed'
        ? `the feed offers version ${d.offered}, older than the installed version ${d.installed}`
        : `version ${d.offered} is older than the installed version ${d.installed}`;
    case 'needs-newer-crosscheck':
      return `version ${d.version} needs Crosscheck ${d.needs} or later (this is ${d.running})`;
    case 'delta-base':
      return `the installed version ${d.installed} is not the publisher's version ${d.installed}`;
    case 'delta-apply':
      return d.message;
    case 'delta-result':
      return `applying it did not give the published version ${d.version}`;
    case 'feed-unsigned':
      return `the feed at ${d.url} is in the old format version 1, which is not signed; this version of Crosscheck reads only signed feeds (format version 2): its publisher needs to build it again with a current "crosscheck feed build"`;
    case 'feed-expired':
      return `the feed has not been refreshed since ${when(d.generated)}: it expired on ${when(d.expires)} (its publisher may have stopped updating it, or someone between you and the feed is holding back newer versions)`;
    case 'publisher':
      return publisherText(d.title, d.owner, d.offer);
    case 'rollback':
      return `version ${d.offered} is older than version ${d.highest}, which this publisher (key ${d.keyId}) already installed; an older signed version is not installed again, even after the pack was removed`;
    case 'store':
      if (d.action === 'read-installed') return `could not read the installed packs (${d.error})`;
      if (d.action === 'read-base') return `the installed version could not be read (${d.error})`;
      return `could not store the pack (${d.error})`;
  }
}

/** "2026-01-02 03:04 UTC" from an ISO timestamp (the text itself if it is not one). */
function when(iso: string): string {
  const t = Date.parse(iso);
  return Number.isNaN(t) ? iso : `${new Date(t).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** Who installed a pack, as a clause: "is published by key 1a2b... (from https://...)". */
export function ownerText(owner: PackSigner): string {
  switch (owner.kind) {
    case 'bundled':
      return 'came with Crosscheck';
    case 'file':
      return 'was imported from a file';
    case 'key':
      return `is published by key ${owner.keyId} (from ${owner.feedUrl})`;
    case 'legacy':
      return `was installed from ${owner.feedUrl ?? 'a feed'}`;
  }
}

/** Why an offer may not replace the installed pack `title` that `owner` installed. */
function publisherText(title: string, owner: PackSigner, offer: Offer): string {
  const pack = `"${title}"`;
  if (offer.kind === 'file') return `${pack} ${ownerText(owner)}; importing this file replaces it with a pack no publisher signed`;
  if (offer.kind === 'bundled') return `${pack} ${ownerText(owner)}; the pack that came with Crosscheck may not replace it`;
  const move = ' (to take it from this feed instead, remove it under Packs first)';
  if (owner.kind === 'bundled')
    return `${pack} came with Crosscheck and may be updated only by a key that came with this build; this feed's key ${offer.keyId} may not replace it${move}`;
  return `${pack} ${ownerText(owner)}; this feed's key ${offer.keyId} may not replace it${move}`;
}

/** The cause as a sentence, without what is kept ("Could not store the pack (...)"). */
export function sentence(d: CauseDetail): string {
  return capitalise(causeText(d));
}

/**
 * A pack's message after a failure: the cause, what is still installed, and (`retry`) that the
 * check will be repeated. "The pack does not match ...; kept version 1; will try again later".
 */
export function packText(d: CauseDetail, kept: number | null, retry = false): string {
  return `${sentence(d)}; ${keptText(kept)}${retry ? `; ${RETRY_TEXT}` : ''}`;
}

/** A feed's message when the feed itself could not be used (before any pack was looked at). */
export function feedText(d: CauseDetail, feedUrl: string, retry = false): string {
  if (d.cause === 'web-page')
    return `The address ${feedUrl} gives a web page (HTML), not a Crosscheck feed: check it (it should be the address of a feed.json file); ${UNCHANGED_TEXT}`;
  if (d.cause === 'json' || d.cause === 'invalid' || d.cause === 'feed-unsigned' || d.cause === 'feed-expired' || d.cause === 'signature' || d.cause === 'unknown-key')
    return `${sentence(d)}; ${UNCHANGED_TEXT}`;
  return `Could not update from the feed: ${causeText(d)}; ${UNCHANGED_TEXT}${retry ? `; ${RETRY_TEXT}` : ''}`;
}

/**
 * What the background adds to a feed's message when the feed could not be reached (cause
 * 'network', the feed itself) and Crosscheck has no permission for its host: the server may be up
 * but not let other sites read it.
 */
export function unreachableHint(host: string): string {
  return (
    `. If the server is up, it may not allow other sites to read the feed (no Access-Control-Allow-Origin): ` +
    `allow Crosscheck to access ${host} (Subscriptions, "Allow access")`
  );
}
