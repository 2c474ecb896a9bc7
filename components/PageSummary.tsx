// The popup's summary of one tab: the claims found (contradicted and disputed first), each with the
// outlets that corroborate, differ or contradict, then the actors with their mention counts.
import type { PageSummary as Summary } from '@/lib/protocol';

export type PageSummaryState = { kind: 'loading' } | { kind: 'ready'; summary: Summary | null } | { kind: 'unavailable'; message: string };

const STANCE = { corroborates: 'agrees', differs: 'differs', contradicts: 'contradicts' } as const;

export function PageSummary({ state }: { state: PageSummaryState }) {
  if (state.kind === 'loading') return <p class="status" aria-busy="true">Reading this page…</p>;
  if (state.kind === 'unavailable') return <p class="status empty">{state.message}</p>;
  const s = state.summary;
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
              <span class="verdict">{c.verdict}</span> {c.text}
            </div>
            <div class="claim-summary">{c.conflict ? c.conflict.note : c.summary}</div>
            <ul class="claim-sources">
              {c.sources.map((src) => (
                <li key={src.articleId}>
                  <strong>{src.outlet}</strong> <span class={`badge badge-${src.stance}`}>{STANCE[src.stance]}</span>
                  {src.differences.length > 0 && <em> {src.differences.join('; ')}</em>}
                  <q>{src.quote}</q>
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      <h2>Actors</h2>
      <ul class="page-actors">
        {actors.map((a) => (
          <li key={`${a.pack}/${a.id}`}>
            {a.name} <span class="mentions">({a.mentions.length})</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
