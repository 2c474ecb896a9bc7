// The options page: Subscriptions, Packs, Trusted keys, Reading, Your data. Everything is read
// from and done by the background (lib/background/) through `api`; the page refreshes when the
// background says the packs or feeds changed, and shows download progress as it comes.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { BundledState, FeedView, PackView, ReadingSettings, SyncProgressMessage, TrustedKeyView } from '../../lib/protocol';
import type { OptionsApi } from './api';
import { Packs } from './Packs';
import { Reading } from './Reading';
import { Subscriptions } from './Subscriptions';
import { TrustedKeys } from './TrustedKeys';
import { YourData, type Diagnostics } from './YourData';

interface Data {
  feeds: FeedView[] | null;
  packs: PackView[] | null;
  bundled: BundledState[];
  keys: TrustedKeyView[] | null;
  settings: ReadingSettings | null;
  sites: string[] | null;
  diagnostics: Diagnostics | null;
}

const EMPTY: Data = { feeds: null, packs: null, bundled: [], keys: null, settings: null, sites: null, diagnostics: null };

export function OptionsApp({ api }: { api: OptionsApi }) {
  const [data, setData] = useState<Data>(EMPTY);
  // Bumped when all data was deleted: the sections start afresh (their drafts and notes were of
  // the data that is gone).
  const [generation, setGeneration] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<SyncProgressMessage | null>(null);

  const load = useCallback(
    async (what: 'all' | 'packs' | 'feeds') => {
      const fail = (e: string) => setError(`Could not read Crosscheck's settings: ${e}`);
      if (what === 'all' || what === 'feeds') {
        const r = await api.send({ type: 'feeds' });
        if (r.ok) setData((d) => ({ ...d, feeds: r.feeds }));
        else fail(r.error);
      }
      if (what === 'all' || what === 'packs') {
        const r = await api.send({ type: 'packs' });
        if (r.ok) setData((d) => ({ ...d, packs: r.packs, bundled: r.bundled }));
        else fail(r.error);
      }
      if (what === 'all') {
        const [k, s, sites, diag] = await Promise.all([
          api.send({ type: 'keys' }),
          api.send({ type: 'settings' }),
          api.send({ type: 'sites' }),
          api.send({ type: 'diagnostics' }),
        ]);
        if (k.ok) setData((d) => ({ ...d, keys: k.keys }));
        else fail(k.error);
        if (s.ok) setData((d) => ({ ...d, settings: s.settings }));
        else fail(s.error);
        if (sites.ok) setData((d) => ({ ...d, sites: sites.sites }));
        else fail(sites.error);
        // Diagnostics are a nicety: without them the page still works.
        if (diag.ok) setData((d) => ({ ...d, diagnostics: { dropped: diag.dropped, since: diag.since } }));
      }
    },
    [api],
  );

  useEffect(() => {
    void load('all');
    return api.onEvent((event) => {
      if (event.type === 'sync-progress') setProgress(event);
      else if (event.type === 'packs-changed') void load('packs');
      else {
        // A feed check ended: its progress with it.
        setProgress(null);
        void load('feeds');
      }
    });
  }, [api, load]);

  const reloadAll = () => void load('all');
  const afterDeleteAll = () => {
    setData(EMPTY);
    setProgress(null);
    setGeneration((g) => g + 1);
    void load('all');
  };
  return (
    <main>
      <h1>Crosscheck options</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <Subscriptions key={`s${generation}`} api={api} feeds={data.feeds} progress={progress} reload={() => void load('feeds')} />
      <Packs key={`p${generation}`} api={api} packs={data.packs} bundled={data.bundled} reload={() => void load('packs')} />
      <TrustedKeys key={`k${generation}`} api={api} keys={data.keys} reload={reloadAll} />
      <Reading key={`r${generation}`} api={api} settings={data.settings} sites={data.sites} reload={reloadAll} />
      <YourData api={api} diagnostics={data.diagnostics} reload={afterDeleteAll} />
    </main>
  );
}
