// The reader's settings, kept in the extension's database: the sites turned off, the reading
// settings (hover delay, highlight style, how often feeds are checked) and start-up markers.
import { DEFAULT_SETTINGS, HIGHLIGHT_STYLES, SETTING_LIMITS, type HighlightStyle, type ReadingSettings } from '../protocol/views';
import type { CrosscheckDb } from './db';

const DISABLED_SITES = 'disabledSites';

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

// ---- reading settings -------------------------------------------------------------------------

const READING = 'reading';

function inRange(value: unknown, min: number, max: number): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= min && value <= max;
}

const isStyle = (value: unknown): value is HighlightStyle => HIGHLIGHT_STYLES.includes(value as HighlightStyle);

/** The stored settings; anything missing or out of range reads as its default. */
export async function getSettings(db: CrosscheckDb): Promise<ReadingSettings> {
  const raw = ((await db.settings.get(READING))?.value ?? {}) as Record<string, unknown>;
  const L = SETTING_LIMITS;
  return {
    hoverDelayMs: inRange(raw.hoverDelayMs, L.hoverDelayMs.min, L.hoverDelayMs.max) ? raw.hoverDelayMs : DEFAULT_SETTINGS.hoverDelayMs,
    highlightStyle: isStyle(raw.highlightStyle) ? raw.highlightStyle : DEFAULT_SETTINGS.highlightStyle,
    checkIntervalHours: inRange(raw.checkIntervalHours, L.checkIntervalHours.min, L.checkIntervalHours.max) ? raw.checkIntervalHours : DEFAULT_SETTINGS.checkIntervalHours,
  };
}

/** Changes some settings; a value out of range is refused with what the range is, and nothing is saved. */
export async function setSettings(db: CrosscheckDb, change: Partial<ReadingSettings>): Promise<{ ok: true; settings: ReadingSettings } | { ok: false; message: string }> {
  const L = SETTING_LIMITS;
  if (change.hoverDelayMs !== undefined && !inRange(change.hoverDelayMs, L.hoverDelayMs.min, L.hoverDelayMs.max))
    return { ok: false, message: `The hover delay must be a whole number of milliseconds from ${L.hoverDelayMs.min} to ${L.hoverDelayMs.max}` };
  if (change.checkIntervalHours !== undefined && !inRange(change.checkIntervalHours, L.checkIntervalHours.min, L.checkIntervalHours.max))
    return { ok: false, message: `The update interval must be a whole number of hours from ${L.checkIntervalHours.min} to ${L.checkIntervalHours.max}` };
  if (change.highlightStyle !== undefined && !isStyle(change.highlightStyle))
    return { ok: false, message: 'The highlight style is "quiet", "background" or "underline"' };
  return db.transaction('rw', db.settings, async () => {
    const settings = { ...(await getSettings(db)), ...Object.fromEntries(Object.entries(change).filter(([, v]) => v !== undefined)) } as ReadingSettings;
    await db.settings.put({ key: READING, value: settings });
    return { ok: true as const, settings };
  });
}

// ---- markers: choices the background must not undo on its next start --------------------------

export type Marker = 'bundledRemoved' | 'defaultFeedSeen' | 'buildKeysSeen';

export async function getMarker<T = unknown>(db: CrosscheckDb, name: Marker): Promise<T | undefined> {
  return (await db.settings.get(`marker:${name}`))?.value as T | undefined;
}

export async function setMarker(db: CrosscheckDb, name: Marker, value: unknown): Promise<void> {
  if (value === undefined || value === false) await db.settings.delete(`marker:${name}`);
  else await db.settings.put({ key: `marker:${name}`, value });
}
