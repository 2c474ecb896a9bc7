// Reading: how long to hover before a card opens, how mentions are marked, how often feeds are
// checked, and the sites where Crosscheck is turned off.
import { useEffect, useState } from 'preact/hooks';
import { SETTING_LIMITS, siteInput, type ReadingSettings } from '../../lib/protocol';
import type { OptionsApi } from './api';

export function Reading({ api, settings: loaded, sites, reload }: { api: OptionsApi; settings: ReadingSettings | null; sites: string[] | null; reload: () => void }) {
  // The settings as last saved (the page's own saves answer with them; no reload races a typed value).
  const [settings, setSettings] = useState<ReadingSettings | null>(null);
  const [draft, setDraft] = useState<{ hoverDelayMs: string; checkIntervalHours: string }>({ hoverDelayMs: '', checkIntervalHours: '' });
  const [note, setNote] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [site, setSite] = useState('');
  const [siteNote, setSiteNote] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);

  useEffect(() => {
    if (!loaded || settings) return;
    setSettings(loaded);
    setDraft({ hoverDelayMs: String(loaded.hoverDelayMs), checkIntervalHours: String(loaded.checkIntervalHours) });
  }, [loaded, settings]);

  const save = async (change: Partial<ReadingSettings>) => {
    setNote(null);
    const reply = await api.send({ type: 'set-settings', ...change });
    if (!reply.ok) return setNote({ kind: 'error', text: reply.error });
    setSettings(reply.settings);
    setNote({ kind: 'info', text: 'Saved.' });
  };
  const saveNumber = (field: 'hoverDelayMs' | 'checkIntervalHours', value: string) => {
    const n = Number(value);
    if (value.trim() === '' || !Number.isFinite(n)) {
      const { min, max } = SETTING_LIMITS[field];
      setNote({ kind: 'error', text: `${field === 'hoverDelayMs' ? 'The hover delay' : 'The update interval'} must be a number from ${min} to ${max}` });
      return;
    }
    void save({ [field]: n });
  };

  const addSite = async (e: Event) => {
    e.preventDefault();
    const input = siteInput(site);
    if (!input.ok) return setSiteNote({ kind: 'error', text: input.message });
    const reply = await api.send({ type: 'set-site', host: input.host, enabled: false });
    if (!reply.ok) return setSiteNote({ kind: 'error', text: reply.error });
    setSite('');
    setSiteNote({ kind: 'info', text: `Crosscheck is turned off on ${input.host}.` });
    reload();
  };
  const removeSite = async (host: string) => {
    const reply = await api.send({ type: 'set-site', host, enabled: true });
    setSiteNote(reply.ok ? { kind: 'info', text: `Crosscheck is on again on ${host}.` } : { kind: 'error', text: reply.error });
    reload();
  };

  return (
    <section aria-labelledby="reading-heading">
      <h2 id="reading-heading">Reading</h2>
      {settings === null ? (
        <p aria-busy="true">Loading settings…</p>
      ) : (
        <div class="stack">
          <label for="hover-delay">Hover delay before a card opens (milliseconds, {SETTING_LIMITS.hoverDelayMs.min}–{SETTING_LIMITS.hoverDelayMs.max})</label>
          <input
            id="hover-delay"
            type="number"
            min={SETTING_LIMITS.hoverDelayMs.min}
            max={SETTING_LIMITS.hoverDelayMs.max}
            step={50}
            value={draft.hoverDelayMs}
            onInput={(e) => setDraft({ ...draft, hoverDelayMs: e.currentTarget.value })}
            onChange={(e) => saveNumber('hoverDelayMs', e.currentTarget.value)}
          />
          <label for="highlight-style">Highlight style</label>
          <select id="highlight-style" value={settings.highlightStyle} onChange={(e) => void save({ highlightStyle: e.currentTarget.value as ReadingSettings['highlightStyle'] })}>
            <option value="quiet">Quiet: contradicted and disputed claims stand out</option>
            <option value="background">Highlight everything (shade every claim)</option>
            <option value="underline">Underline every claim</option>
          </select>
          <label for="check-interval">Check feeds every (hours, {SETTING_LIMITS.checkIntervalHours.min}–{SETTING_LIMITS.checkIntervalHours.max})</label>
          <input
            id="check-interval"
            type="number"
            min={SETTING_LIMITS.checkIntervalHours.min}
            max={SETTING_LIMITS.checkIntervalHours.max}
            step={1}
            value={draft.checkIntervalHours}
            onInput={(e) => setDraft({ ...draft, checkIntervalHours: e.currentTarget.value })}
            onChange={(e) => saveNumber('checkIntervalHours', e.currentTarget.value)}
          />
          {note && (
            <p class={note.kind === 'error' ? 'error' : 'note'} role={note.kind === 'error' ? 'alert' : 'status'}>
              {note.text}
            </p>
          )}
        </div>
      )}
      <h3 id="sites-heading">Sites turned off</h3>
      {sites === null ? null : sites.length === 0 ? (
        <p class="empty">Crosscheck reads every site.</p>
      ) : (
        <ul class="sites" aria-labelledby="sites-heading">
          {sites.map((h) => (
            <li key={h}>
              <span>{h}</span>{' '}
              <button type="button" onClick={() => removeSite(h)} aria-label={`Turn Crosscheck on again on ${h}`}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="row" onSubmit={addSite}>
        <label for="site">Site to turn off</label>
        <input id="site" type="text" placeholder="example.com" value={site} onInput={(e) => setSite(e.currentTarget.value)} />
        <button type="submit">Add site</button>
      </form>
      {siteNote && (
        <p class={siteNote.kind === 'error' ? 'error' : 'note'} role={siteNote.kind === 'error' ? 'alert' : 'status'}>
          {siteNote.text}
        </p>
      )}
    </section>
  );
}
