// The options page: Subscriptions, Packs, Trusted keys, Reading. Everything is read from and done
// by the background (lib/service.ts) through `api`; the page refreshes when the background says
// the packs or feeds changed, and shows download progress as it comes.
import { useCallback, useEffect, useState } from 'preact/hooks';
import type { BundledState, SyncProgressMessage } from '../../lib/protocol';
import type { FeedRow, PackRow, TrustedKeyRow } from '../../lib/store/db';
import type { ReadingSettings } from '../../lib/store/settings';
import type { OptionsApi } from './api';
import { Packs } from './Packs';
import { Reading } from './Reading';
import { Subscriptions } from './Subscriptions';
import { TrustedKeys } from './TrustedKeys';

interface Data {
  feeds: FeedRow[] | null;
  packs: PackRow[] | null;
  bundled: BundledState | null;
  keys: TrustedKeyRow[] | null;
  settings: ReadingSettings | null;
  sites: string[] | null;
}

export function OptionsApp({ api }: { api: OptionsApi }) {
  const [data, setData] = useState<Data>({ feeds: null, packs: null, bundled: null, keys: null, settings: null, sites: null });
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
        const [k, s, sites] = await Promise.all([api.send({ type: 'keys' }), api.send({ type: 'settings' }), api.send({ type: 'sites' })]);
        if (k.ok) setData((d) => ({ ...d, keys: k.keys }));
        else fail(k.error);
        if (s.ok) setData((d) => ({ ...d, settings: s.settings }));
        else fail(s.error);
        if (sites.ok) setData((d) => ({ ...d, sites: sites.sites }));
        else fail(sites.error);
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
  return (
    <main>
      <h1>Crosscheck options</h1>
      {error && (
        <p class="error" role="alert">
          {error}
        </p>
      )}
      <Subscriptions api={api} feeds={data.feeds} progress={progress} reload={() => void load('feeds')} />
      <Packs api={api} packs={data.packs} bundled={data.bundled} reload={() => void load('packs')} />
      <TrustedKeys api={api} keys={data.keys} reload={reloadAll} />
      <Reading api={api} settings={data.settings} sites={data.sites} reload={reloadAll} />
    </main>
  );
}
