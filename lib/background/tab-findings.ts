// What each tab's page was found to say, per frame (0: the top page; same-origin frames add theirs),
// for the popup, the badge and the keyboard's path through the frames. Held in the worker's memory
// only: a worker that was stopped asks the tab to scan again.
import type { PageSummary } from '../protocol';
import { mergeScanResults } from '../scan/merge';

/** How long the popup waits for an open tab to scan again after the worker lost its summary. */
const RESCAN_WAIT_MS = 2_000;

export class TabFindings {
  private frames = new Map<number, Map<number, PageSummary>>();
  private rescans = new Map<number, { asked: boolean; waiters: (() => void)[] }>();

  /** `rescanTab`: asks one tab to scan again; without it a lost summary stays lost. */
  constructor(private readonly rescanTab?: (tabId: number) => void) {}

  /**
   * A frame's scan: a part (text added later, a chunk of a huge page) adds to what the frame had; a
   * whole scan replaces it. A page turned off replaces the whole tab's findings.
   */
  scanned(tabId: number, frameId: number, entry: PageSummary, part = false): void {
    let frames = this.frames.get(tabId);
    if (!frames || entry.siteOff) this.frames.set(tabId, (frames = new Map()));
    const had = frames.get(frameId);
    frames.set(frameId, part && had && had.url === entry.url && !had.siteOff ? { url: entry.url, result: mergeScanResults(had.result, entry.result) } : entry);
    const r = this.rescans.get(tabId);
    if (r) for (const w of r.waiters.splice(0)) w();
  }

  /** A tab's findings: its top page's with those of its frames that belong to the same page. */
  summary(tabId: number): PageSummary | null {
    const top = this.frames.get(tabId)?.get(0);
    if (top?.siteOff) return top;
    const same = this.pageFrames(tabId);
    if (!same.length) return top ?? null;
    return { url: same[0][1].url, result: same.map(([, f]) => f.result).reduce((a, b) => mergeScanResults(a, b)) };
  }

  /**
   * The last scan of a tab. A worker that was stopped has lost it: ask the tab to scan again once,
   * and wait a little for it.
   */
  async summaryOf(tabId: number): Promise<PageSummary | null> {
    const known = this.summary(tabId);
    if (known || !this.rescanTab) return known;
    let r = this.rescans.get(tabId);
    if (!r) this.rescans.set(tabId, (r = { asked: false, waiters: [] }));
    if (r.asked) return null;
    r.asked = true;
    const entry = r;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, RESCAN_WAIT_MS);
      entry.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
      this.rescanTab!(tabId);
    });
    return this.summary(tabId);
  }

  /** The tab's frames that have mentions, of the page the tab shows: the page first, then its frames (lib/navigate.ts). */
  mentionFrames(tabId: number): number[] {
    return this.pageFrames(tabId)
      .filter(([, f]) => f.result.actors.length > 0 || f.result.claims.length > 0)
      .map(([id]) => id);
  }

  forget(tabId: number): void {
    this.frames.delete(tabId);
    this.rescans.delete(tabId);
  }

  clear(): void {
    this.frames.clear();
    this.rescans.clear();
  }

  /** The tab's frames that belong to the page it shows (its top page's URL), not turned off, in frame order. */
  private pageFrames(tabId: number): [number, PageSummary][] {
    const frames = this.frames.get(tabId);
    if (!frames?.size) return [];
    const url = frames.get(0)?.url ?? [...frames.values()][0].url;
    return [...frames.entries()].filter(([, f]) => f.url === url && !f.siteOff).sort(([a], [b]) => a - b);
  }
}
