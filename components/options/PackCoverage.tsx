// A pack's coverage at a glance in the options page: who reported what, the same picture as the
// popup's, drawn from the installed pack (asked for when the reader opens it).
import { useState } from 'preact/hooks';
import { packCoverage, type CoverageGrid } from '../../lib/present';
import { CoveragePicture } from '../Coverage';
import type { OptionsApi } from './api';

export function PackCoverage({ api, id, title }: { api: OptionsApi; id: string; title: string }) {
  const [state, setState] = useState<{ kind: 'closed' } | { kind: 'loading' } | { kind: 'ready'; grid: CoverageGrid } | { kind: 'error'; text: string }>({ kind: 'closed' });
  const open = state.kind !== 'closed';
  const toggle = async () => {
    if (open) return setState({ kind: 'closed' });
    setState({ kind: 'loading' });
    const reply = await api.send({ type: 'export-packs', id });
    const grid = reply.ok ? packCoverage(reply.json) : null;
    setState(grid ? { kind: 'ready', grid } : { kind: 'error', text: reply.ok ? 'The pack could not be read.' : reply.error });
  };
  const safeId = `cov-${id}`.replace(/[^\w-]/g, '_');
  return (
    <div class="pack-coverage">
      <button type="button" aria-expanded={open} aria-controls={safeId} onClick={() => void toggle()} aria-label={`Who reported what in ${title}`}>
        {open ? 'Hide who reported what' : 'Who reported what'}
      </button>
      <div id={safeId}>
        {state.kind === 'loading' && <p aria-busy="true">Reading the pack…</p>}
        {state.kind === 'error' && <p class="error">{state.text}</p>}
        {state.kind === 'ready' && <CoveragePicture grid={state.grid} id={safeId} caption="Columns: the pack's claims, in its order." />}
      </div>
    </div>
  );
}
