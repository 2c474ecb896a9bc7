// Your data: what Crosscheck keeps and where (PRIVACY.md says it in full), "Delete all data" behind
// a confirmation step on the page itself, and the Diagnostics line: the messages the background
// dropped since it started (lib/protocol/guard.ts).
import { useEffect, useRef, useState } from 'preact/hooks';
import type { DroppedMessages } from '../../lib/protocol';
import { formatDateTime, type OptionsApi } from './api';

export interface Diagnostics {
  dropped: DroppedMessages;
  since: string;
}

type Step = 'idle' | 'confirm' | 'deleting';

export function YourData({ api, diagnostics, reload }: { api: OptionsApi; diagnostics: Diagnostics | null; reload: () => void }) {
  const [step, setStep] = useState<Step>('idle');
  const [note, setNote] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const cancel = useRef<HTMLButtonElement>(null);
  const start = useRef<HTMLButtonElement>(null);

  // Keyboard users land on the safe choice when asked, and back on the button after.
  useEffect(() => {
    if (step === 'confirm') cancel.current?.focus();
  }, [step]);

  const ask = () => {
    setNote(null);
    setStep('confirm');
  };
  const back = () => {
    setStep('idle');
    requestAnimationFrame(() => start.current?.focus());
  };
  const deleteAll = async () => {
    setStep('deleting');
    const reply = await api.send({ type: 'delete-all-data' });
    setNote(reply.ok ? { kind: 'info', text: reply.message } : { kind: 'error', text: `Could not delete all data: ${reply.error}` });
    setStep('idle');
    reload();
  };

  return (
    <section aria-labelledby="data-heading">
      <h2 id="data-heading">Your data</h2>
      <p class="hint">
        Crosscheck keeps everything on this device, in the extension's own storage: the installed packs, the feeds you follow and their status, the keys you
        trust, your reading settings and the sites turned off, and a cache of the compiled scanner. The pages you read are scanned here, and nothing about them
        is sent anywhere; Crosscheck connects only to the feeds you follow.
      </p>
      {step === 'idle' ? (
        <p class="row">
          <button type="button" ref={start} onClick={ask}>
            Delete all data
          </button>
        </p>
      ) : (
        <div class="confirm" role="group" aria-labelledby="delete-warning">
          <p id="delete-warning">
            Delete every pack, subscription, key you added, reading setting and site turned off? What stays is what came with Crosscheck: its bundled pack is
            installed again, and the keys that came with this build are trusted again. Feeds are not subscribed again, so Crosscheck connects to nothing until
            you subscribe. This cannot be undone.
          </p>
          <div class="row">
            <button type="button" class="danger" onClick={deleteAll} disabled={step === 'deleting'}>
              {step === 'deleting' ? 'Deleting…' : 'Yes, delete all data'}
            </button>
            <button type="button" ref={cancel} onClick={back} disabled={step === 'deleting'}>
              Cancel
            </button>
          </div>
        </div>
      )}
      {note && (
        <p class={note.kind === 'error' ? 'error' : 'note'} role={note.kind === 'error' ? 'alert' : 'status'}>
          {note.text}
        </p>
      )}
      {diagnostics && <DiagnosticsLine diagnostics={diagnostics} />}
    </section>
  );
}

function DiagnosticsLine({ diagnostics: { dropped, since } }: { diagnostics: Diagnostics }) {
  const total = dropped.sender + dropped.malformed + dropped['not-allowed'];
  return (
    <p class="diagnostics hint">
      Diagnostics: {total} {total === 1 ? 'message' : 'messages'} dropped since Crosscheck's background started ({formatDateTime(since)}): {dropped.sender} from
      an unknown sender, {dropped.malformed} malformed, {dropped['not-allowed']} not allowed for their sender.
    </p>
  );
}
