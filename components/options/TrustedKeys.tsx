// Trusted keys: the publishers whose signed packs Crosscheck installs from feeds. List, add (paste
// the publisher's public.key), remove (keys that came with the build too).
import { useState } from 'preact/hooks';
import type { TrustedKeyView } from '../../lib/protocol';
import { formatDateTime, type OptionsApi } from './api';

export function TrustedKeys({ api, keys, reload }: { api: OptionsApi; keys: TrustedKeyView[] | null; reload: () => void }) {
  const [text, setText] = useState('');
  const [label, setLabel] = useState('');
  const [note, setNote] = useState<{ kind: 'error' | 'info'; text: string; problems?: string[] } | null>(null);

  const add = async (e: Event) => {
    e.preventDefault();
    const reply = await api.send({ type: 'add-key', text, label: label.trim() || undefined });
    if (!reply.ok) return setNote({ kind: 'error', text: reply.error });
    if (reply.problems.length) return setNote({ kind: 'error', text: 'The key was not added:', problems: reply.problems });
    const added = reply.added.map((k) => k.keyId);
    setNote({
      kind: 'info',
      text: [
        added.length ? `Now trusting key${added.length > 1 ? 's' : ''} ${added.join(', ')}.` : '',
        reply.existing.length ? `Already trusted: ${reply.existing.join(', ')}.` : '',
      ].join(' ').trim(),
    });
    setText('');
    setLabel('');
    reload();
  };
  const remove = async (k: TrustedKeyView) => {
    const reply = await api.send({ type: 'remove-key', keyId: k.keyId });
    setNote(reply.ok ? { kind: 'info', text: reply.message } : { kind: 'error', text: reply.error });
    reload();
  };

  return (
    <section aria-labelledby="keys-heading">
      <h2 id="keys-heading">Trusted keys</h2>
      <p class="hint">A feed's packs install only if they are signed by one of these publisher keys.</p>
      {keys === null ? (
        <p aria-busy="true">Loading keys…</p>
      ) : keys.length === 0 ? (
        <p class="empty">You trust no publisher key yet: packs from feeds will be refused until you add their publisher's key.</p>
      ) : (
        <ul class="keys" aria-label="Trusted keys">
          {keys.map((k) => (
            <li key={k.keyId} class="key">
              <code class="key-id">{k.keyId}</code> {k.label && <span class="key-label">{k.label}</span>}{' '}
              <span class="key-meta">
                {k.source === 'build' ? 'came with this build' : 'added by you'} · {formatDateTime(k.addedAt)}
              </span>
              <button type="button" onClick={() => remove(k)} aria-label={`Remove key ${k.keyId}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="stack" onSubmit={add}>
        <label for="key-text">Public key (the line of the publisher's public.key)</label>
        <textarea id="key-text" rows={2} spellcheck={false} placeholder="crosscheck-ed25519-public …" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        <label for="key-label">Label (optional)</label>
        <input id="key-label" type="text" maxLength={100} value={label} onInput={(e) => setLabel(e.currentTarget.value)} />
        <button type="submit">Add key</button>
      </form>
      {note && (
        <div class={note.kind === 'error' ? 'error' : 'note'} role={note.kind === 'error' ? 'alert' : 'status'}>
          <p>{note.text}</p>
          {note.problems && (
            <ul>
              {note.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </section>
  );
}
