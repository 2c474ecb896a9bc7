// One download for pack sync: a conditional GET (If-None-Match / If-Modified-Since), a timeout that
// covers the whole exchange (a server that stalls before the headers or in the middle of the body),
// and a size cap checked while the body streams in (a declared Content-Length over it is refused
// before the body is read), and redirects followed only within the site of the address. Returns
// the bytes or a typed failure with a plain-language message; never throws.

export interface Validators {
  etag?: string;
  lastModified?: string;
}

export interface DownloadOptions {
  /** Default: globalThis.fetch. */
  fetch?: typeof globalThis.fetch;
  timeoutMs: number;
  maxBytes: number;
  /** Sent as If-None-Match / If-Modified-Since; a 304 answer is then `notModified`. */
  validators?: Validators;
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

export type DownloadResult =
  | { ok: true; notModified: false; bytes: Uint8Array; validators: Validators; /** After redirects. */ url: string }
  | { ok: true; notModified: true; validators: Validators; url: string }
  | DownloadFailure;

const STATUS_TEXT: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 408: 'Request Timeout', 410: 'Gone',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function formatBytes(n: number): string {
  if (n < 1024) return `${n} bytes`;
  if (n < 1024 * 1024) return `${(n / 1024).toFixed(n < 10 * 1024 ? 1 : 0)} KB`;
  if (n < 1024 ** 3) return `${(n / 1048576).toFixed(n < 10 * 1048576 ? 1 : 0)} MB`;
  return `${(n / 1024 ** 3).toFixed(1)} GB`;
}

/**
 * Whether a redirect from `from` ended on the same site: the same origin, or the same host moved
 * from http to https (both on their default ports). Redirects elsewhere are refused
 * (docs/feed-format.md#redirects).
 */
export function sameSite(from: URL, to: URL): boolean {
  if (from.origin === to.origin) return true;
  return from.protocol === 'http:' && to.protocol === 'https:' && from.hostname === to.hostname && from.port === '' && to.port === '';
}

function seconds(ms: number): string {
  const s = ms / 1000;
  return `${Number.isInteger(s) ? s : s.toFixed(1)} second${s === 1 ? '' : 's'}`;
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

export async function download(url: string, opts: DownloadOptions): Promise<DownloadResult> {
  const what = opts.what ?? 'the file';
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { ok: false, kind: 'bad-url', message: `${what}'s address "${url}" is not a URL`, transient: false };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
    return { ok: false, kind: 'bad-url', message: `${what}'s address ${url} is not http(s)`, transient: false };

  const doFetch = opts.fetch ?? globalThis.fetch;
  const ctrl = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    ctrl.abort();
  }, opts.timeoutMs);
  const onAbort = () => ctrl.abort();
  opts.signal?.addEventListener('abort', onAbort);
  const timeout = (received?: number): DownloadFailure => ({
    ok: false,
    kind: 'timeout',
    message: `the server did not deliver ${what} (${url}) within ${seconds(opts.timeoutMs)}${received ? ` (${formatBytes(received)} received)` : ''}`,
    transient: true,
    received,
  });
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.validators?.etag) headers['if-none-match'] = opts.validators.etag;
  if (opts.validators?.lastModified) headers['if-modified-since'] = opts.validators.lastModified;

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
      if (opts.signal?.aborted) return { ok: false, kind: 'network', message: `the download of ${what} (${url}) was cancelled`, transient: true };
      return { ok: false, kind: 'network', message: `could not reach ${parsed.host} for ${what} (${url}): ${causeOf(e)}`, transient: true };
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
      return {
        ok: false,
        kind: 'redirected',
        message: `${what} (${url}) redirected to ${final.href}, on another site; Crosscheck follows redirects only within the site of the address it was given`,
        transient: false,
      };
    }
    const validators: Validators = {};
    const etag = res.headers.get('etag');
    const lastModified = res.headers.get('last-modified');
    if (etag) validators.etag = etag;
    if (lastModified) validators.lastModified = lastModified;

    if (res.status === 304) {
      await res.body?.cancel().catch(() => {});
      // A 304 may omit the validators; keep the ones that were sent.
      return { ok: true, notModified: true, validators: { ...opts.validators, ...validators }, url: res.url || url };
    }
    if (!res.ok) {
      await res.body?.cancel().catch(() => {});
      const text = res.statusText || STATUS_TEXT[res.status] || '';
      const transient = res.status >= 500 || res.status === 429 || res.status === 408;
      return {
        ok: false,
        kind: 'http',
        status: res.status,
        message: `the server answered HTTP ${res.status}${text ? ` (${text})` : ''} for ${what} (${url})`,
        transient,
        retryAfterMs: transient ? retryAfter(res.headers.get('retry-after'), Date.now()) : undefined,
      };
    }
    const tooLarge = (size: number, known: boolean): DownloadFailure => ({
      ok: false,
      kind: 'too-large',
      message: `${what} (${url}) is ${known ? formatBytes(size) : `larger than ${formatBytes(opts.maxBytes)}`}, over the limit of ${formatBytes(opts.maxBytes)}`,
      transient: false,
      received: size,
    });
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
    if (!res.body) return { ok: true, notModified: false, bytes: new Uint8Array(0), validators, url: res.url || url };

    const reader = res.body.getReader();
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      let step: ReadableStreamReadResult<Uint8Array>;
      try {
        step = await reader.read();
      } catch (e) {
        if (timedOut) return timeout(total);
        if (opts.signal?.aborted) return { ok: false, kind: 'network', message: `the download of ${what} (${url}) was cancelled`, transient: true };
        return {
          ok: false,
          kind: 'truncated',
          message: `the download of ${what} (${url}) was cut short after ${formatBytes(total)}${declared !== null ? ` of ${formatBytes(declared)}` : ''} (${causeOf(e)})`,
          transient: true,
          received: total,
        };
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
      return {
        ok: false,
        kind: 'truncated',
        message: `the download of ${what} (${url}) was cut short after ${formatBytes(total)} of ${formatBytes(declared)}`,
        transient: true,
        received: total,
      };
    const bytes = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      bytes.set(c, at);
      at += c.byteLength;
    }
    return { ok: true, notModified: false, bytes, validators, url: res.url || url };
  } finally {
    clearTimeout(timer);
    opts.signal?.removeEventListener('abort', onAbort);
  }
}
