// The popup's list of installed claim packs. Presentational only: the caller asks the background for them.
// Pack strings are rendered as JSX text (escaped by Preact), never as HTML.
import type { PackSigner, PackView } from '../lib/protocol';
import { plural } from '@/lib/present';
import { UpdateNow, type UpdateNowReply } from './UpdateNow';

export type PackListState =
  | { kind: 'loading' }
  | { kind: 'ready'; packs: PackView[] }
  | { kind: 'error'; message: string };

/** The list, and an "Update now" button for the subscribed feeds when `updateNow` is given. */
export function PackList({ state, updateNow }: { state: PackListState; updateNow?: () => Promise<UpdateNowReply> }) {
  if (!updateNow) return <Packs state={state} />;
  return (
    <>
      <Packs state={state} />
      <UpdateNow run={updateNow} compact />
    </>
  );
}

function Packs({ state }: { state: PackListState }) {
  if (state.kind === 'loading') return <p class="status" aria-busy="true">Loading claim packs…</p>;
  if (state.kind === 'error')
    return (
      <div class="status error" role="alert">
        <p>Could not read the installed claim packs.</p>
        <p class="detail">{state.message}</p>
      </div>
    );
  if (state.packs.length === 0) return <p class="status empty">No claim packs installed yet.</p>;
  return (
    <ul class="packs" aria-label="Installed claim packs">
      {state.packs.map((p) => (
        <li key={p.id} class="pack" data-pack-id={p.id}>
          <div class="pack-title">
            <strong>{p.title}</strong> <span class="version">v{p.version}</span>
          </div>
          <div class="pack-counts">
            {plural(p.counts.claims, 'claim')} · {plural(p.counts.actors, 'actor')}
          </div>
          <div class="pack-meta">
            {p.publisher ? `${p.publisher} · ` : ''}installed {formatDate(p.installedAt)}
          </div>
          <div class="pack-signer">{signerText(p.signer)}</div>
        </li>
      ))}
    </ul>
  );
}

/**
 * Who vouched for a pack, as the popup and the options page show it: what the pack says about its
 * own publisher is the pack's word; this is who actually signed or installed it.
 */
export function signerText(s: PackSigner): string {
  switch (s.kind) {
    case 'bundled':
      return 'came with Crosscheck';
    case 'file':
      return 'imported from a file';
    case 'key':
      return `signed by key ${s.keyId} (from ${s.feedUrl})`;
    case 'legacy':
      return `from ${s.feedUrl ?? 'a feed'} (installed before Crosscheck recorded the signing key)`;
  }
}

function formatDate(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
}
