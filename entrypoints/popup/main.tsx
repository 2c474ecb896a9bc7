// Popup wiring: asks the background for the tab's summary, the site switch and the installed packs
// (the same requests as the options page), and asks again when the background says the packs changed.
import { render } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import { browser } from '#imports';
import { PackList, type PackListState } from '@/components/PackList';
import { PageSummary, SiteSwitch, type PageSummaryState } from '@/components/PageSummary';
import type { RevealMessage } from '@/lib/protocol';
import { client, onPageEvent } from '@/utils/client';

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
      const reply = await client.send({ type: 'page-summary', tabId });
      if (!reply.ok) return setState({ kind: 'unavailable', message: 'Crosscheck cannot read this page (browser pages and extension stores are off limits).' });
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
      const r = await client.send({ type: 'site', tabId });
      if (r.ok && r.host) setSite({ host: r.host, enabled: r.enabled, tabId });
    })();
  }, []);
  if (!site) return null;
  return {
    host: site.host,
    enabled: site.enabled,
    set: (on) => {
      void client.send({ type: 'set-site', host: site.host, enabled: on }).then(() => {
        setSite({ ...site, enabled: on });
        void browser.tabs.reload(site.tabId).catch(() => {});
      });
    },
  };
}

/** The installed packs, asked for again whenever the background says they changed. */
function usePacks(): PackListState {
  const [state, setState] = useState<PackListState>({ kind: 'loading' });
  useEffect(() => {
    const load = async () => {
      const r = await client.send({ type: 'packs' });
      setState(r.ok ? { kind: 'ready', packs: r.packs } : { kind: 'error', message: r.error });
    };
    const stop = onPageEvent((event) => {
      if (event.type === 'packs-changed') void load();
    });
    void load();
    return stop;
  }, []);
  return state;
}

function Popup() {
  const summary = usePageSummary();
  const site = useSite();
  const packs = usePacks();
  const reveal = (kind: RevealMessage['kind'], pack: string, id: string) => {
    const message: RevealMessage = { type: 'reveal', kind, pack, id };
    void browser.tabs.sendMessage(summary.tabId!, message).catch(() => {});
  };
  return (
    <>
      <header>
        <h1>Crosscheck</h1>
        {site && <SiteSwitch host={site.host} enabled={site.enabled} onChange={site.set} />}
      </header>
      <main>
        <PageSummary state={summary} onReveal={summary.tabId === undefined ? undefined : reveal} />
        <h2>Claim packs</h2>
        <PackList state={packs} updateNow={() => client.send({ type: 'update-now' })} />
      </main>
    </>
  );
}

render(<Popup />, document.getElementById('app')!);
