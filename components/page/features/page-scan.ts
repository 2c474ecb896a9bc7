// Page scan: the page's visible text, read in slices of the main thread, is sent to the background
// (in chunks when huge) and what it found is marked. Then the page is scanned again as it changes:
// text it adds (in batches, components/page/observer.ts), a single-page navigation and a change of
// the installed packs (the whole page anew). A site turned off ends the page's work.
import { domTreeAdapter } from '@/lib/extract/dom-adapter';
import { extractSteps, joinExtracted, runInSlices, type ExtractedText } from '@/lib/extract/visible-text';
import { MAX_SCAN_CHARS, SCAN_CHUNK_CHARS, parsePacksChanged } from '@/lib/protocol';
import type { ScanResult } from '@/lib/scan/engine';
import { chunkText, mergeScanResults, shiftScanResult } from '@/lib/scan/merge';
import { watchDynamic, type DynamicWatch } from '../observer';
import { defineFeature } from './context';

/** Below this much visible text (less than a sentence of news) a page has nothing to check. */
const MIN_CHARS = 40;

/** The longest the script works on the page's main thread before it lets the page run. */
const SLICE_MS = 8;

/**
 * Whole-page rescans (a single-page navigation, the packs changed) start at most once in this
 * long: a page that changes its address 20 times a second gets one rescan at once and one when
 * the time is up, of the page it is on then.
 */
export const RESCAN_MS = 2000;

/** True when `text` has at least `n` characters other than white space (stops as soon as it has). */
function hasVisibleChars(text: string, n: number): boolean {
  const re = /\S+/g;
  let count = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) if ((count += m[0].length) >= n) return true;
  return false;
}

export const pageScan = defineFeature({
  name: 'page-scan',
  async start(page, signal) {
    // The site is turned off (the background says so); the current scan (a newer one makes the
    // replies to older ones moot); the watch over the page's changes, once the first scan is over.
    let siteOff = false;
    let generation = 0;
    let dynamic: DynamicWatch | null = null;

    /**
     * The visible text under `root`, read in slices of the main thread: a page of a few thousand
     * elements is read in one, a page of hundreds of thousands in many, and the page answers
     * input between them.
     */
    const extract = async (root: Node) => {
      const r = await runInSlices(
        (shouldYield) => extractSteps<Node>(root, domTreeAdapter({ root, styles: true }), { maxChars: MAX_SCAN_CHARS, shouldYield }),
        { now: () => performance.now(), wait: page.nextTask, sliceMs: SLICE_MS },
      );
      page.measure.spent('extract', r.busyMs, r.longestMs);
      return r.value;
    };

    /**
     * Sends a text to the background: one message, or several for a huge text (cut at line
     * breaks; the first replaces this frame's findings unless `part`, the others add to them). A
     * page in a frame adds to its top page's findings. Null when the page moved on meanwhile.
     */
    const scanText = async (text: string, part: boolean, gen: number): Promise<ScanResult | null> => {
      let result: ScanResult | null = null;
      for (const [i, chunk] of chunkText(text, SCAN_CHUNK_CHARS).entries()) {
        const asked = performance.now();
        const reply = await page.client.send({ type: 'scan', url: page.pageUrl(), lang: document.documentElement.lang || undefined, text: chunk.text, part: part || i > 0 || page.inFrame });
        page.measure.waited(performance.now() - asked);
        if (!reply.ok || !page.alive() || gen !== generation) return null;
        if (reply.siteOff) siteOff = true;
        page.setDisplay(reply.display ?? page.display());
        const shifted = shiftScanResult(reply.result, chunk.start);
        result = result ? mergeScanResults(result, shifted) : shifted;
      }
      return result;
    };

    const addMarks = (result: ScanResult | null, segments: ExtractedText<Node>['segments']) => {
      if (!result || siteOff) return;
      page.marks.add(result, segments);
      // Where the fallback wraps text, those changes are ours, not the page's.
      dynamic?.discard();
    };

    /** Scans the whole page anew (first load, single-page navigation, packs changed). */
    const scanPage = async (): Promise<void> => {
      const gen = ++generation;
      page.marks.clear();
      dynamic?.discard();
      const extracted = await extract(document.body);
      if (!page.alive() || gen !== generation) return;
      if (!hasVisibleChars(extracted.text, MIN_CHARS)) return page.emit('scanned', { marks: 0 });
      addMarks(await scanText(extracted.text, false, gen), extracted.segments);
      page.emit('scanned', { marks: page.marks.all().length });
    };

    /** Scans text the page added (roots of new subtrees) and adds its marks; returns its length. */
    const scanAdded = async (roots: Node[]): Promise<number> => {
      const parts = [];
      for (const root of roots) parts.push(await extract(root));
      const extracted = joinExtracted(parts);
      if (!hasVisibleChars(extracted.text, 1)) return 0;
      addMarks(await scanText(extracted.text, true, generation), extracted.segments);
      return extracted.text.length;
    };

    await scanPage();
    if (siteOff || !page.alive()) return page.stop();

    // Dynamic pages: added text is scanned in batches; a single-page navigation or a change of the
    // installed packs scans anew (and starts the dynamic page's budget anew), within RESCAN_MS.
    dynamic = watchDynamic(document.body, { ownHost: () => page.card.host(), scan: scanAdded, signal });
    let lastRescan = -Infinity;
    let queued = false;
    const rescan = () => {
      if (queued) return;
      const wait = lastRescan + RESCAN_MS - performance.now();
      if (wait > 0) {
        queued = true;
        page.timeout(() => {
          queued = false;
          rescan();
        }, wait);
        return;
      }
      lastRescan = performance.now();
      dynamic?.reset();
      void scanPage();
    };
    page.onLocationChange(rescan);
    page.onMessage((message) => parsePacksChanged(message) && rescan());
  },
});
