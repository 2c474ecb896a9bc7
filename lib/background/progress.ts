// Download and import progress for the extension's open pages, at most one message per
// PROGRESS_EVERY_MS for each download (and always its first and last).
import type { PageEvent, SyncProgressMessage } from '../protocol';

const PROGRESS_EVERY_MS = 100;

export class ProgressReporter {
  private last = new Map<string, { at: number; phase: string }>();

  constructor(private readonly notifyPages?: (message: PageEvent) => void) {}

  report(message: SyncProgressMessage): void {
    if (!this.notifyPages) return;
    const key = `${message.url} ${message.phase}`;
    const last = this.last.get(key);
    const t = Date.now();
    const final = message.total !== null && message.received >= message.total;
    if (last && !final && message.received !== 0 && t - last.at < PROGRESS_EVERY_MS) return;
    this.last.set(key, { at: t, phase: message.phase });
    this.notifyPages(message);
  }

  clear(): void {
    this.last.clear();
  }
}
