// What the background does with each message: scan a page's text with the installed packs, keep
// the last result of each tab for the popup, answer actor cards from the store. No browser.*
// here: the background passes in what it needs (the database, how to set a tab's badge).
import type { Pack } from './pack/schema';
import type { ActorCard, PageSummary, Reply, Request } from './protocol';
import { ScanEngine, type ScanResult } from './scan/engine';
import { mergeScanResults } from './scan/merge';
import type { CrosscheckDb } from './store/db';
import { loadPacks } from './store/packs';
import { claimsForActor, getActor, positionsForClaim, reportsForClaim } from './store/queries';
import { isSiteEnabled, setSiteEnabled, siteOf } from './store/settings';

const EMPTY: ScanResult = { actors: [], claims: [], stats: { chars: 0, sentences: 0, sentencesScored: 0 } };

export interface ServiceDeps {
  db: CrosscheckDb;
  /** Resolves once start-up work (installing the bundled pack) is done. */
  ready?: () => Promise<unknown>;
  setBadge: (tabId: number, text: string, warning: boolean) => void;
}

export class BackgroundService {
  private engine: Promise<{ engine: ScanEngine; packs: Pack[] }> | null = null;
  /** Each tab's findings, per frame (0: the top page; same-origin frames add theirs). */
  private frames = new Map<number, Map<number, PageSummary>>();

  constructor(private deps: ServiceDeps) {}

  /** Drops the compiled engine (after a pack is installed or removed): the next scan rebuilds it. */
  reload(): void {
    this.engine = null;
  }

  private getEngine() {
    this.engine ??= Promise.resolve(this.deps.ready?.())
      .then(() => loadPacks(this.deps.db))
      .then((packs) => ({ engine: ScanEngine.fromPacks(packs), packs }));
    return this.engine;
  }

  forgetTab(tabId: number): void {
    this.frames.delete(tabId);
  }

  async handle(req: Request, sender: { tabId?: number; frameId?: number }): Promise<Reply<Request>> {
    try {
      switch (req.type) {
        case 'scan': {
          if (sender.tabId === undefined) return { ok: false, error: 'scan requests come from a tab' };
          const host = siteOf(req.url);
          if (!host || !(await isSiteEnabled(this.deps.db, host))) {
            this.frames.set(sender.tabId, new Map([[0, { url: req.url, result: EMPTY, siteOff: true }]]));
            this.deps.setBadge(sender.tabId, '', false);
            return { ok: true, result: EMPTY, siteOff: true };
          }
          const { engine } = await this.getEngine();
          const result = engine.scanText(req.text, { lang: req.lang });
          // A part of a frame's text (added later, or a chunk of a huge page) adds to what the
          // frame had; a whole scan replaces it.
          const frameId = sender.frameId ?? 0;
          let frames = this.frames.get(sender.tabId);
          if (!frames) this.frames.set(sender.tabId, (frames = new Map()));
          const had = frames.get(frameId);
          frames.set(frameId, { url: req.url, result: req.part && had && had.url === req.url && !had.siteOff ? mergeScanResults(had.result, result) : result });
          const page = this.summary(sender.tabId)!;
          this.deps.setBadge(sender.tabId, badgeText(page.result), page.result.claims.some((c) => c.verdict === 'contradicted'));
          return { ok: true, result };
        }
        case 'page-summary':
          return { ok: true, summary: this.summary(req.tabId) };
        case 'actor-card':
          return { ok: true, card: await this.actorCard(req.pack, req.actor) };
        case 'site': {
          const host = siteOf(this.summary(req.tabId)?.url ?? '');
          return { ok: true, host, enabled: host ? await isSiteEnabled(this.deps.db, host) : false };
        }
        case 'set-site':
          await setSiteEnabled(this.deps.db, req.host, req.enabled);
          return { ok: true };
      }
    } catch (e) {
      return { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
  }

  /** A tab's findings: its top page's with those of its frames that belong to the same page. */
  private summary(tabId: number): PageSummary | null {
    const frames = this.frames.get(tabId);
    if (!frames?.size) return null;
    const top = frames.get(0);
    const url = top?.url ?? [...frames.values()][0].url;
    if (top?.siteOff) return top;
    const same = [...frames.entries()].filter(([, f]) => f.url === url && !f.siteOff).sort(([a], [b]) => a - b);
    if (!same.length) return top ?? null;
    return { url, result: same.map(([, f]) => f.result).reduce((a, b) => mergeScanResults(a, b)) };
  }

  private async actorCard(pack: string, id: string): Promise<ActorCard | null> {
    const { db } = this.deps;
    const actor = await getActor(db, pack, id);
    if (!actor) return null;
    const claims = await claimsForActor(db, pack, id);
    return {
      name: actor.name,
      ...(actor.role ? { role: actor.role } : {}),
      claims: await Promise.all(
        claims.map(async (c) => {
          const reports = await reportsForClaim(db, pack, c.id);
          const positions = await positionsForClaim(db, pack, c.id);
          const names = await Promise.all(positions.filter((p) => p.position !== 'asserts').map(async (p) => ({ name: (await getActor(db, pack, p.actor))?.name ?? p.actor, position: p.position })));
          return {
            id: c.id,
            text: c.text,
            role: c.actors.find((a) => a.actor === id)?.role ?? 'subject',
            outlets: [...new Set(reports.map((r) => r.outletRecord?.name ?? r.article))],
            counts: {
              corroborates: reports.filter((r) => r.stance === 'corroborates').length,
              differs: reports.filter((r) => r.stance === 'differs').length,
              contradicts: reports.filter((r) => r.stance === 'contradicts').length,
            },
            disputedBy: names,
          };
        }),
      ),
    };
  }
}

/** The toolbar badge: the number of claims found, empty when none. */
export function badgeText(result: ScanResult): string {
  return result.claims.length ? String(result.claims.length) : '';
}
