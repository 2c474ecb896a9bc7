// What the reader types, read the same way by the options page (to say at once what is wrong) and
// by the background (which enforces it): a site to turn off, a feed's address.
import { insecureHttp, insecureHttpText } from '../feed/address';

/** The host of a page URL, or null for a URL Crosscheck never reads (not http(s)). */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * A site as the reader types it in the options ("example.com", "https://www.example.com/news"):
 * its host, or a message saying what is wrong.
 */
export function siteInput(text: string): { ok: true; host: string } | { ok: false; message: string } {
  const t = text.trim();
  if (!t) return { ok: false, message: 'Type a site, such as example.com' };
  const host = /^[a-z][a-z0-9+.-]*:\/\//i.test(t) ? siteOf(t) : siteOf(`https://${t}`);
  if (!host) return { ok: false, message: `"${t}" is not a web site address (such as example.com)` };
  if (host.length > 253) return { ok: false, message: 'That site name is too long' };
  return { ok: true, host };
}

/**
 * A feed address as typed: trimmed, an absolute https URL (plain http only to this computer, for
 * trying a feed out) without user name, password or fragment. Returns the normalised URL or what
 * is wrong with it.
 */
export function feedUrlInput(text: string): { ok: true; url: string } | { ok: false; message: string } {
  const t = text.trim();
  if (!t) return { ok: false, message: "Type the address of a feed's feed.json" };
  if (t.length > 2000) return { ok: false, message: 'That address is too long (the limit is 2000 characters)' };
  let u: URL;
  try {
    u = new URL(t);
  } catch {
    return { ok: false, message: `"${t.length > 80 ? `${t.slice(0, 77)}...` : t}" is not a web address; a feed's address looks like https://example.com/feed/feed.json` };
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return { ok: false, message: `A feed's address starts with https://, not ${u.protocol}//` };
  if (u.username || u.password) return { ok: false, message: 'A feed address must not contain a user name or password' };
  if (insecureHttp(u)) return { ok: false, message: `Not subscribed: ${insecureHttpText(u.href)}` };
  u.hash = '';
  return { ok: true, url: u.href };
}

/** The origin pattern a host permission for the feed asks for: `https://example.com/*`. */
export function feedOriginPattern(url: string): string {
  return `${new URL(url).origin}/*`;
}
