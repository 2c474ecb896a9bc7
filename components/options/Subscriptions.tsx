// Subscriptions: the feeds Crosscheck checks for new packs. Add one by its feed.json URL, remove
// one, see each feed's status in words, and "Update now" to check them all at once.
import { useEffect, useState } from 'preact/hooks';
import { feedUrlInput, type FeedView, type SyncProgressMessage } from '../../lib/protocol';
import { UpdateNow } from '../UpdateNow';
import { formatDateTime, type OptionsApi } from './api';
import { SyncProgress } from './Progress';

const OUTCOME: Record<NonNullable<FeedView['lastOutcome']>, string> = {
  updated: 'updated',
  unchanged: 'up to date',
  refused: 'refused',
  failed: 'failed',
};

export function Subscriptions({ api, feeds, progress, reload }: { api: OptionsApi; feeds: FeedView[] | null; progress: SyncProgressMessage | null; reload: () => void }) {
  const [url, setUrl] = useState('');
  const [note, setNote] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [access, setAccess] = useState<Record<string, boolean>>({});
  const [accessNote, setAccessNote] = useState<string | null>(null);

  // Which feeds Crosscheck may read without the server's CORS consent.
  useEffect(() => {
    if (!feeds) return;
    let live = true;
    void Promise.all(feeds.map(async (f) => [f.url, await api.hasHostPermission(f.url).catch(() => false)] as const)).then((pairs) => {
      if (live) setAccess(Object.fromEntries(pairs));
    });
    return () => {
      live = false;
    };
  }, [feeds, api]);

  const askAccess = (feedUrl: string) => {
    // From the click itself (a user gesture); the answer is shown when (if ever) it comes.
    void api.requestHostPermission(feedUrl).then(
      (granted) => {
        setAccess((a) => ({ ...a, [feedUrl]: granted }));
        setAccessNote(granted ? null : noAccessNote(feedUrl));
      },
      () => {},
    );
  };

  const add = async (e: Event) => {
    e.preventDefault();
    const input = feedUrlInput(url);
    if (!input.ok) {
      setNote({ kind: 'error', text: input.message });
      return;
    }
    askAccess(input.url);
    const reply = await api.send({ type: 'subscribe', url: input.url });
    if (!reply.ok) {
      setNote({ kind: 'error', text: reply.error });
      return;
    }
    setUrl('');
    setNote({ kind: 'info', text: reply.existed ? `You already follow ${reply.feed.url}.` : `Subscribed to ${reply.feed.url}; checking it now.` });
    reload();
  };

  const remove = async (feedUrl: string) => {
    const reply = await api.send({ type: 'unsubscribe', url: feedUrl });
    setNote(reply.ok ? { kind: 'info', text: reply.message } : { kind: 'error', text: reply.error });
    reload();
  };

  return (
    <section aria-labelledby="subscriptions-heading">
      <h2 id="subscriptions-heading">Subscriptions</h2>
      <p class="hint">
        Crosscheck checks the feeds you follow for new claim packs (how often: under Reading) and installs only packs signed by a key you trust. A pack
        installed from one publisher's feed is updated only by that publisher.
      </p>
      <form class="row" onSubmit={add}>
        <label for="feed-url">Feed address (the URL of its feed.json)</label>
        <input id="feed-url" type="url" inputMode="url" placeholder="https://example.com/feed/feed.json" value={url} onInput={(e) => setUrl(e.currentTarget.value)} />
        <button type="submit">Add</button>
      </form>
      {note && (
        <p class={note.kind === 'error' ? 'error' : 'note'} role={note.kind === 'error' ? 'alert' : undefined}>
          {note.text}
        </p>
      )}
      {accessNote && <p class="note">{accessNote}</p>}
      {feeds === null ? (
        <p aria-busy="true">Loading subscriptions…</p>
      ) : feeds.length === 0 ? (
        <p class="empty">You follow no feed yet.</p>
      ) : (
        <ul class="feeds" aria-label="Subscribed feeds">
          {feeds.map((f) => (
            <li key={f.url} class="feed">
              <div class="feed-url">{f.url}</div>
              <dl class="facts">
                <dt>Last checked</dt>
                <dd>{formatDateTime(f.lastCheckedAt)}{f.lastOutcome ? ` (${OUTCOME[f.lastOutcome]})` : ''}</dd>
                <dt>Last updated</dt>
                <dd>{formatDateTime(f.lastUpdatedAt)}</dd>
                <dt>Installed</dt>
                <dd>{installed(f)}</dd>
                {f.lastMessage && f.lastOutcome !== 'updated' && f.lastOutcome !== 'unchanged' && (
                  <>
                    <dt>Last error</dt>
                    <dd class="error">{f.lastMessage}</dd>
                  </>
                )}
              </dl>
              <div class="actions">
                {access[f.url] === false && (
                  <button type="button" onClick={() => askAccess(f.url)} aria-label={`Allow access to ${new URL(f.url).host}`}>
                    Allow access
                  </button>
                )}
                <button type="button" onClick={() => remove(f.url)} aria-label={`Remove ${f.url}`}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      <UpdateNow
        run={async () => {
          const reply = await api.send({ type: 'update-now' });
          reload();
          return reply;
        }}
      />
      <SyncProgress progress={progress} />
    </section>
  );
}

function installed(f: FeedView): string {
  if (f.lastPacks.length === 0) return f.lastCheckedAt ? 'nothing from this feed' : 'not checked yet';
  return f.lastPacks.map((p) => `${p.title}: ${p.installed === null ? 'not installed' : `version ${p.installed}`}`).join('; ');
}

export function noAccessNote(feedUrl: string): string {
  const host = new URL(feedUrl).host;
  return `Access to ${host} was not granted. Crosscheck can still read the feed if its server allows other sites to (Access-Control-Allow-Origin); otherwise its checks fail until you allow access.`;
}
