// The popup's summary of one tab, taken in at a glance: the verdicts counted, who reported what as
// one picture, the claims one line each (contradicted and disputed first; a click opens a claim's
// sources and shows it on the page), then the actors with their mention counts.
import { useState } from 'preact/hooks';
import type { PageSummary as Summary } from '@/lib/protocol';
import { claimsCoverage, orderClaims, plural, VERDICT_LABEL, verdictCounts } from '@/lib/present';
import { AllSources, Figures, Positions, Verdict, VERDICT_SIGN } from './card/ClaimBody';
import { CoveragePicture } from './Coverage';

/** The switch for the tab's site: turning it off or on reloads the tab. */
export function SiteSwitch({ host, enabled, onChange }: { host: string; enabled: boolean; onChange: (enabled: boolean) => void }) {
  return (
    <label class="site-switch">
      <input type="checkbox" role="switch" checked={enabled} onChange={(e) => onChange((e.target as HTMLInputElement).checked)} /> Crosscheck on {host}
    </label>
  );
}

export type PageSummaryState = { kind: 'loading' } | { kind: 'ready'; summary: Summary | null } | { kind: 'unavailable'; message: string };

/** Shows a claim's or an actor's first mention on the page (scrolls to it and flashes it). */
export type Reveal = (kind: 'claim' | 'actor', pack: string, id: string) => void;

type Claim = Summary['result']['claims'][number];

/** The text of an actor's name: a button that shows it on the page, when that is possible. */
function Shown({ text, onClick }: { text: string; onClick?: () => void }) {
  if (!onClick) return <>{text}</>;
  return (
    <button type="button" class="reveal" title="Show it on the page" onClick={onClick}>
      {text}
    </button>
  );
}

/** One claim, one line: its verdict and text; a click opens its sources and shows it on the page. */
function ClaimLine({ claim, onReveal }: { claim: Claim; onReveal?: Reveal }) {
  const [open, setOpen] = useState(false);
  const detail = `src-${claim.pack}-${claim.id}`.replace(/[^\w-]/g, '_');
  return (
    <li class={`page-claim verdict-${claim.verdict}`}>
      <button
        type="button"
        class="claim-line"
        aria-expanded={open}
        aria-controls={detail}
        title={onReveal ? 'Its sources, and where it is on the page' : 'Its sources'}
        onClick={() => {
          setOpen(!open);
          if (!open) onReveal?.('claim', claim.pack, claim.id);
        }}
      >
        <span class="sign" aria-hidden="true">
          {VERDICT_SIGN[claim.verdict]}
        </span>
        <span class="claim-text">{claim.text}</span>
      </button>
      {claim.conflict && <Figures conflict={claim.conflict} class="claim-summary figures" />}
      {open && (
        <div class="claim-detail" id={detail}>
          {!claim.conflict && <p class="claim-summary">{claim.summary}</p>}
          <Positions positions={claim.positions} />
          <AllSources claim={claim} page={claim.match?.text ?? ''} class="claim-sources" />
        </div>
      )}
    </li>
  );
}

export function PageSummary({ state, onReveal }: { state: PageSummaryState; onReveal?: Reveal }) {
  if (state.kind === 'loading') return <p class="status" aria-busy="true">Reading this page…</p>;
  if (state.kind === 'unavailable') return <p class="status empty">{state.message}</p>;
  const s = state.summary;
  if (s?.siteOff) return <p class="status empty">Crosscheck is turned off on this site.</p>;
  if (!s || (!s.result.claims.length && !s.result.actors.length))
    return <p class="status empty">Nothing found on this page: no known actor or claim.</p>;
  const { actors } = s.result;
  const claims = orderClaims(s.result.claims);
  const counts = verdictCounts(claims);
  return (
    <section aria-label="This page">
      {counts.length > 0 && (
        <p class="verdict-counts">
          {counts.map((c, i) => (
            <span key={c.verdict} class={`count verdict-${c.verdict}`}>
              {i > 0 && ' · '}
              {c.text}
            </span>
          ))}
        </p>
      )}
      <p class="counts">
        {plural(claims.length, 'claim')} · {plural(actors.length, 'actor')} found
      </p>
      {claims.length > 0 && <CoveragePicture grid={claimsCoverage(claims)} id="page-coverage" />}
      {counts.map((group) => (
        <div key={group.verdict} class={`claim-group verdict-${group.verdict}`}>
          <h2 class="group-head">
            <Verdict verdict={group.verdict} /> <span class="group-count">{group.count}</span>
          </h2>
          <ul class="page-claims" aria-label={`${VERDICT_LABEL[group.verdict]} claims`}>
            {claims
              .filter((c) => c.verdict === group.verdict)
              .map((c) => (
                <ClaimLine key={`${c.pack}/${c.id}`} claim={c} onReveal={onReveal} />
              ))}
          </ul>
        </div>
      ))}
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
