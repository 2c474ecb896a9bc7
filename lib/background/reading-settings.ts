// The reader's settings as the background uses them: read once from the store and kept until they
// change (every scan reply carries the display settings).
import type { DisplaySettings, ReadingSettings } from '../protocol';
import type { CrosscheckDb } from '../store/db';
import { getSettings } from '../store/settings';

export class SettingsCache {
  private settings: Promise<ReadingSettings> | null = null;

  constructor(private readonly db: CrosscheckDb) {}

  get(): Promise<ReadingSettings> {
    this.settings ??= getSettings(this.db);
    this.settings.catch(() => (this.settings = null));
    return this.settings;
  }

  async display(): Promise<DisplaySettings> {
    const s = await this.get();
    return { hoverDelayMs: s.hoverDelayMs, highlightStyle: s.highlightStyle };
  }

  /** After a change (or "Delete all data"): read again next time. */
  forget(): void {
    this.settings = null;
  }
}
