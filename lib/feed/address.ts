// Where a feed may be: https, or plain http only on this computer (a loopback address, for a
// publisher trying a feed out). One rule for the options page, the background, the downloads and
// the build's CROSSCHECK_DEFAULT_FEED (docs/feed-format.md#addresses).

/**
 * Whether a URL's host is this computer: `localhost`, 127.0.0.0/8 or `[::1]`. The URL parser has
 * already normalised the host (`127.1` and `0x7f000001` read as 127.0.0.1, upper case as lower).
 */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || hostname === '[::1]' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(hostname);
}

/** Whether plain http to this URL is refused: http:// to anything but a loopback address. */
export function insecureHttp(url: URL): boolean {
  return url.protocol === 'http:' && !isLoopbackHost(url.hostname);
}

/** What a reader or publisher is told about an http:// address that is not loopback. */
export function insecureHttpText(url: string): string {
  return `${url} is plain http://, which anyone on the way could read or change: a feed must be https:// (plain http:// only to this computer, localhost or 127.0.0.1, for trying a feed out)`;
}
