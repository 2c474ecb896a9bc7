// One download for pack sync: a plain GET of the whole file that sends back nothing a server chose
// or set (no cookies or other credentials, no If-None-Match / If-Modified-Since, no referrer, no
// cache), https only (plain http only to this computer), a timeout that covers the whole exchange
// (a server that stalls before the headers or in the middle of the body), a size cap checked while
// the body streams in (a declared Content-Length over it is refused before the body is read), and
// redirects followed only within the site of the address. Returns the bytes or a typed failure (a
// cause code, its details, and the message made of them in ./causes.ts); never throws.
import { insecureHttp } from '../feed/address';
import { causeText, type CauseDetail, type DownloadCause } from './causes';

export { formatBytes } from './causes';

export interface DownloadOptions {
  /** Default: globalThis.fetch. */
  fetch?: typeof globalThis.fetch;
  timeoutMs: number;
  maxBytes: number;
  /** What the file is, for messages: "the feed", "the pack". */
  what?: string;
  /** Cancels the download (reported as a network failure). */
  signal?: AbortSignal;
  /**
   * Called as the body streams in: bytes received so far, and the total when the server declared a
   * Content-Length (else null). First with 0 once the headers arrived, last with the whole size.
   */
  onProgress?: (received: number, total: number | null) => void;
}

export type DownloadFailureKind = 'bad-url' | 'network' | 'timeout' | 'http' | 'too-large' | 'truncated' | 'redirected';

export interface DownloadFailure {
  ok: false;
  kind: DownloadFailureKind;
  /** As `kind`, but a cancelled download (kind 'network') is 'cancelled'. */
  cause: DownloadCause;
  /** What the message names. */
  detail: CauseDetail;
  message: string;
  /** HTTP status, for kind 'http'. */
  status?: number;
  /** From a Retry-After header (429, 503). */
  retryAfterMs?: number;
  /** Worth retrying soon (network trouble, a timeout, a 5xx or 429, a cut-short body). */
  transient: boolean;
  /** Bytes received before a too-large or truncated download stopped. */
  received?: number;
}

export type DownloadResult = { ok: true; bytes: Uint8Array; /** After redirects. */ url: string } | DownloadFailure;

const STATUS_TEXT: Record<number, string> = {
  304: 'Not Modified', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 410: 'Gone',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

/**
 * Whether a redirect from `from` ended on the same site: the same origin, or the same host moved
 * from http to https (both on their default ports). Redirects elsewhere are refused
 * (docs/feed-format.md#redirects).
 */
export function sameSite(from: URL, to: URL): boolean {
  if (from.origin === to.origin) return true;
  return from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname && from.port === '' && to.port === '';
}

function retryAfter(value: string | null, now: number): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const t = Date.parse(value);
  return Number.isNaN(t) ? undefined : Math.max(0, t - now);
}

function causeOf(e: unknown): string {
  const err = e as { message?: string; cause?: { code?: string; message?: string } };
  const cause = err?.cause?.code ?? err?.cause?.message;
  return cause ? `${err.message ?? 'error'}: ${cause}` : (err?.message ?? String(e));
}

/** A failure of `cause`, its message made from `detail`. */
function failure(detail: CauseDetail & { cause: DownloadCause }, transient: boolean, extra: Partial<DownloadFailure> = {}): DownloadFailure {
  const kind = detail.cause === 'cancelled' ? 'network' : detail.cause;
  return { ok: false, kind, cause: detail.cause, detail, message: causeText(detail), transient, ...extra };
}

export async function download(url: string, opts: DownloadOptions): Promise<DownloadResult> {
  const what = opts.what ?? 'the file';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return failure({ cause: 'bad-url', form: 'not-url', what, url }, false);
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return failure({ cause: 'bad-url', form: 'not-http', what, url }, false);
  if (insecureHttp(parsed)) return failure({ cause: 'bad-url', form: 'insecure', what, url }, false);

  const doFetch = opts.fetch ?? globalThis.fetch;
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, opts.timeoutMs);
  const onAbort = () => ctrl.abort();
  opts.signal?.addEventListener('abort', onAbort);
  const timeout = (received?: number): DownloadFailure => failure({ cause: 'timeout', what, url, timeoutMs: opts.timeoutMs, received }, true, { received });
  const cancelled = (): DownloadFailure => failure({ cause: 'cancelled', what, url }, true);
  // Nothing a server handed out earlier goes back to it: no cookies (credentials 'omit'), no
  // validators (an ETag can be one per reader), no cache that would add them (docs/feed-format.md).
  const headers: Record<string, string> = { accept: 'application/json' };

  try {
    let res: Response;
    try {
      res = await doFetch(url, {
        signal: ctrl.signal,
        headers,
        cache: 'no-store',
        credentials: 'omit',
        redirect: 'follow',
        referrerPolicy: 'no-referrer',
      });
    } catch (e) {
      if (timedOut) return timeout();
      if (opts.signal?.aborted) return cancelled();
      return failure({ cause: 'network', what, url, host: parsed.host, error: causeOf(e) }, true);
    }
    // fetch followed any redirects; what came from another site is not read (the request to it
    // carried no credentials and no referrer).
    let final: URL | null = null;
    try {
      final = res.url ? new URL(res.url) : null;
    } catch {
      final = null;
    }
    if (final && !sameSite(parsed, final)) {
      await res.body?.cancel().catch(() => {});
      return failure({ cause: 'redirected', what, url, to: final.href }, false);
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      const statusText = res.statusText || STATUS_TEXT[res.status] || '';
      const transient = res.status >= 500 || res.status === 429 || res.status === 408;
      return failure({ cause: 'http', what, url, status: res.status, statusText }, transient, {
        status: res.status,
        retryAfterMs: transient ? retryAfter(res.headers.get('retry-after'), Date.now()) : undefined,
      });
    }
    const tooLarge = (size: number, known: boolean): DownloadFailure =>
      failure({ cause: 'too-large', what, url, size, max: opts.maxBytes, known }, false, { received: size });
    const lengthHeader = res.headers.get('content-length');
    const declared = lengthHeader && /^\d+$/.test(lengthHeader) ? Number(lengthHeader) : null;
    if (declared !== null && declared > opts.maxBytes) {
      await res.body?.cancel().catch(() => {});
      return tooLarge(declared, true);
    }
    const progress = (received: number) => {
      try {
        opts.onProgress?.(received, declared);
      } catch {
        /* a listener's problem is not the download's */
      }
    };
    progress(0);
    if (!res.body) return { ok: true, bytes: new Uint8Array(0), url: res.url || url };

    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (e) {
        if (timedOut) return timeout(total);
        if (opts.signal?.aborted) return cancelled();
        return failure({ cause: 'truncated', what, url, received: total, total: declared, error: causeOf(e) }, true, { received: total });
      }
      if (step.done) break;
      total += step.value.byteLength;
      if (total > opts.maxBytes) {
        await reader.cancel().catch(() => {});
        return tooLarge(total, false);
      }
      chunks.push(step.value);
      progress(total);
    }
    // Compressed bodies are decoded on the way, so their length is not Content-Length.
    const encoding = res.headers.get('content-encoding');
    if (declared !== null && total < declared && (!encoding || encoding === 'identity'))
      return failure({ cause: 'truncated', what, url, received: total, total: declared }, true, { received: total });
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { ok: true, bytes, url: res.url || url };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
