// Popup wiring: reads the packs from Dexie (extension origin) and renders components/PackList.
// liveQuery re-renders when the background installs or replaces a pack while the popup is open.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { liveQuery } from 'dexie';
import { browser } from '#imports';
import { PackList, type PackListState } from '@/components/PackList';
import { PageSummary, SiteSwitch, type PageSummaryState } from '@/components/PageSummary';
import type { Reply, RevealMessage } from '@/lib/protocol';
import { openDatabase } from '@/lib/store/db';
import { listPacks } from '@/lib/store/packs';
import { send } from '@/utils/send';

/** The tab to summarise: ?tab=<id> (tests, or the summary in a full tab), else the active tab. */
async function targetTab(): Promise<number | null> {
  const param = new URLSearchParams(location.search).get('tab');
  if (param && /^\d+$/.test(param)) return Number(param);
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id ?? null;
}

function usePageSummary(): PageSummaryState & { tabId?: number } {
  const [state, setState] = useState<PageSummaryState & { tabId?: number }>({ kind: 'loading' });
  useEffect(() => {
    void (async () => {
      const tabId = await targetTab();
      if (tabId === null) return setState({ kind: 'unavailable', message: 'No page to summarise.' });
      const reply = (await browser.runtime.sendMessage({ type: 'page-summary', tabId }).catch(() => null)) as Reply<{ type: 'page-summary'; tabId: number }> | null;
      if (!reply?.ok) return setState({ kind: 'unavailable', message: 'Crosscheck cannot read this page (browser pages and extension stores are off limits).' });
      setState({ kind: 'ready', summary: reply.summary, tabId });
    })();
  }, []);
  return state;
}

function useSite(): { host: string; enabled: boolean; set: (on: boolean) => void } | null {
  const [site, setSite] = useState<{ host: string; enabled: boolean; tabId: number } | null>(null);
  useEffect(() => {
    void (async () => {
      const tabId = await targetTab();
      if (tabId === null) return;
      const r = (await browser.runtime.sendMessage({ type: 'site', tabId }).catch(() => null)) as { ok: boolean; host?: string | null; enabled?: boolean } | null;
      if (r?.ok && r.host) setSite({ host: r.host, enabled: !!r.enabled, tabId });
    })();
  }, []);
  if (!site) return null;
  return {
    host: site.host,
    enabled: site.enabled,
    set: (on) => {
      void browser.runtime.sendMessage({ type: 'set-site', host: site.host, enabled: on }).then(() => {
        setSite({ ...site, enabled: on });
        void browser.tabs.reload(site.tabId).catch(() => {});
      });
    },
  };
}

function Popup() {
  const summary = usePageSummary();
  const site = useSite();
  const [state, setState] = useState<PackListState>({ kind: 'loading' });
  useEffect(() => {
    let db: ReturnType<typeof openDatabase>;
    try {
      db = openDatabase();
    } catch (e) {
      setState({ kind: 'error', message: describe(e) });
      return;
    }
    const sub = liveQuery(() => listPacks(db)).subscribe({
      next: (packs) => setState({ kind: 'ready', packs }),
      error: (e: unknown) => setState({ kind: 'error', message: describe(e) }),
    });
    return () => {
      sub.unsubscribe();
      db.close();
    };
  }, []);
  return (
    <>
      <header>
        <h1>Crosscheck</h1>
      </header>
      <main>
        <h2>This page</h2>
        {site && <SiteSwitch host={site.host} enabled={site.enabled} onChange={site.set} />}
        <PageSummary
          state={summary}
          onReveal={
            summary.tabId === undefined
              ? undefined
              : (kind, pack, id) => {
                  const message: RevealMessage = { type: 'reveal', kind, pack, id };
                  void browser.tabs.sendMessage(summary.tabId!, message).catch(() => {});
                }
          }
        />
        <h2>Claim packs</h2>
        <PackList state={state} updateNow={() => send({ type: 'update-now' })} />
      </main>
    </>
  );
}

function describe(e: unknown): string {
  return e instanceof Error ? `${e.name}: ${e.message}` : String(e);
}

render(<Popup />, document.getElementById('app')!);
