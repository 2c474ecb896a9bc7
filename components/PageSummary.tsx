// The popup's summary of one tab: the claims found (contradicted and disputed first), each with the
// outlets that corroborate, differ or contradict, then the actors with their mention counts.
import type { PageSummary as Summary } from '@/lib/protocol';
import { Quote } from './Quote';

const MARK = { corroborates: '✓', differs: '~', contradicts: '✗' } as const;

/** Who reported what, at a glance: claims x outlets. */
function Coverage({ claims }: { claims: Summary['result']['claims'] }) {
  const outlets = [...new Map(claims.flatMap((c) => c.sources.map((s) => [s.outletId, s.outlet] as const))).entries()];
  if (!outlets.length) return null;
  return (
    <>
      <h2>Who reported what</h2>
      <table class="coverage">
        <caption class="legend">✓ agrees · ~ differs · ✗ contradicts · blank: not reported</caption>
        <thead>
          <tr>
            <th scope="col">Claim</th>
            {outlets.map(([id, name]) => (
              <th key={id} scope="col" title={name}>
                {name.length > 12 ? `${name.slice(0, 11)}…` : name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {claims.map((c) => (
            <tr key={`${c.pack}/${c.id}`}>
              <th scope="row" title={c.text}>
                {c.text.length > 48 ? `${c.text.slice(0, 47)}…` : c.text}
              </th>
              {outlets.map(([id, name]) => {
                const s = c.sources.find((x) => x.outletId === id);
                return (
                  <td key={id} class={s ? `cell-${s.stance}` : 'cell-none'} aria-label={`${name}: ${s ? s.stance : 'not reported'}`}>
                    {s ? MARK[s.stance] : ''}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** The switch for the tab's site: turning it off or on reloads the tab. */
export function SiteSwitch({ host, enabled, onChange }: { host: string; enabled: boolean; onChange: (enabled: boolean) => void }) {
  return (
    <label class="site-switch">
      <input type="checkbox" role="switch" checked={enabled} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} /> Crosscheck on {host}
    </label>
  );
}

export type PageSummaryState = { kind: 'loading' } | { kind: 'ready'; summary: Summary | null } | { kind: 'unavailable'; message: string };

const STANCE = { corroborates: 'agrees', differs: 'differs', contradicts: 'contradicts' } as const;
const VERDICT = { corroborated: 'Corroborated', contradicted: 'Contradicted', disputed: 'Disputed', mixed: 'Reported differently' } as const;

/** Shows a claim's or an actor's first mention on the page (scrolls to it and flashes it). */
export type Reveal = (kind: 'claim' | 'actor', pack: string, id: string) => void;

/** The text of a claim or an actor's name: a button that shows it on the page, when that is possible. */
function Shown({ text, onClick }: { text: string; onClick?: () => void }) {
  if (!onClick) return <>{text}</>;
  return (
    <button type="button" class="reveal" title="Show it on the page" onClick={onClick}>
      {text}
    </button>
  );
}

export function PageSummary({ state, onReveal }: { state: PageSummaryState; onReveal?: Reveal }) {
  if (state.kind === 'loading') return <p class="status" aria-busy="true">Reading this page…</p>;
  if (state.kind === 'unavailable') return <p class="status empty">{state.message}</p>;
  const s = state.summary;
  if (s?.siteOff) return <p class="status empty">Crosscheck is turned off on this site.</p>;
  if (!s || (!s.result.claims.length && !s.result.actors.length))
    return <p class="status empty">Nothing found on this page: no known actor or claim.</p>;
  const { claims, actors } = s.result;
  return (
    <section aria-label="This page">
      <p class="counts">
        {claims.length} claim{claims.length === 1 ? '' : 's'} · {actors.length} actor{actors.length === 1 ? '' : 's'} found
      </p>
      <ul class="page-claims">
        {claims.map((c) => (
          <li key={`${c.pack}/${c.id}`} class={`page-claim verdict-${c.verdict}`}>
            <div class="claim-head">
              <span class="verdict">{VERDICT[c.verdict]}</span> <Shown text={c.text} onClick={onReveal && (() => onReveal('claim', c.pack, c.id))} />
            </div>
            <div class="claim-summary">{c.conflict ? c.conflict.note : c.summary}</div>
            <ul class="claim-sources">
              {c.sources.map((src) => (
                <li key={src.articleId}>
                  <strong>{src.outlet}</strong> <span class={`badge badge-${src.stance}`}>{STANCE[src.stance]}</span>
                  {src.differences.length > 0 && <em> {src.differences.join('; ')}</em>}
                  <Quote text={src.quote} differing={src.differing ?? []} />
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <Coverage claims={claims} />
      <h2>Actors</h2>
      <ul class="page-actors">
        {actors.map((a) => (
          <li key={`${a.pack}/${a.id}`}>
            <Shown text={a.name} onClick={onReveal && (() => onReveal('actor', a.pack, a.id))} /> <span class="mentions">({a.mentions.length})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
