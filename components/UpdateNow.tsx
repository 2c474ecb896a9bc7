// "Update now": checks every subscribed feed at once and shows each feed's outcome in words
// (role="status", so a screen reader announces it). Used by the popup and the options page; the
// caller passes the request (the background runs it, one download at a time).
import { useState } from 'preact/hooks';
import type { FeedCheck, Reply } from '../lib/protocol';

export type UpdateNowReply = Reply<{ type: 'update-now' }>;

export function UpdateNow({ run, compact = false }: { run: () => Promise<UpdateNowReply>; compact?: boolean }) {
  const [state, setState] = useState<{ kind: 'idle' } | { kind: 'running' } | { kind: 'done'; reply: UpdateNowReply }>({ kind: 'idle' });
  const click = async () => {
    setState({ kind: 'running' });
    setState({ kind: 'done', reply: await run() });
  };
  return (
    <div class={`update-now${compact ? ' compact' : ''}`}>
      <button type="button" onClick={click} disabled={state.kind === 'running'} aria-busy={state.kind === 'running'}>
        Update now
      </button>
      <div role="status" aria-live="polite" class="update-outcome">
        {state.kind === 'running' && <p>Checking the feeds…</p>}
        {state.kind === 'done' && <Outcome reply={state.reply} />}
      </div>
    </div>
  );
}

function Outcome({ reply }: { reply: UpdateNowReply }) {
  if (!reply.ok) return <p class="error">Could not check the feeds: {reply.error}</p>;
  if (reply.results.length === 0) return <p>No subscriptions yet: add a feed in Crosscheck's options to receive new packs.</p>;
  return (
    <ul class="outcomes" aria-label="Update results">
      {reply.results.map((r) => (
        <li key={r.feedUrl} class={`outcome outcome-${r.status}`}>
          <span class="outcome-label">{LABEL[r.status]}</span> <span class="outcome-feed">{r.feedUrl}</span>
          <span class="outcome-message">{r.message}</span>
        </li>
      ))}
    </ul>
  );
}

const LABEL: Record<FeedCheck['status'], string> = {
  updated: 'Updated:',
  unchanged: 'Up to date:',
  refused: 'Refused:',
  failed: 'Failed:',
};
