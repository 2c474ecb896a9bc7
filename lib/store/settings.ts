// The reader's settings, kept in the extension's database: for now, the sites turned off.
import type { CrosscheckDb } from './db';

const DISABLED_SITES = 'disabledSites';

/** The host of a page URL, or null for a URL Crosscheck never reads (not http(s)). */
export function siteOf(url: string): string | null {
  try {
    const u = new URL(url);
    return u.protocol === 'http:' || u.protocol === 'https:' ? u.hostname.toLowerCase() : null;
  } catch {
    return null;
  }
}

export async function disabledSites(db: CrosscheckDb): Promise<string[]> {
  const row = await db.settings.get(DISABLED_SITES);
  return Array.isArray(row?.value) ? (row.value as unknown[]).filter((x): x is string => typeof x === 'string') : [];
}

export async function isSiteEnabled(db: CrosscheckDb, host: string): Promise<boolean> {
  return !(await disabledSites(db)).includes(host.toLowerCase());
}

export async function setSiteEnabled(db: CrosscheckDb, host: string, enabled: boolean): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const sites = new Set(await disabledSites(db));
    if (enabled) sites.delete(host.toLowerCase());
    else sites.add(host.toLowerCase());
    await db.settings.put({ key: DISABLED_SITES, value: [...sites].sort() });
  });
}
