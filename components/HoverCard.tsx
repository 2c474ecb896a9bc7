// The hover card: what other outlets reported about an actor or a claim on the page. Preact, in the
// content script's shadow root. Every string from the page or a pack is rendered as text.
//
// An actor's card lists the claims of this page first; the actor's other claims (from the reader's
// packs, not on this page) are drawn only when the reader asks, with a click of their own
// (`isTrusted`): the card's shadow root is open, and what it shows the page can read (PRIVACY.md).
import { useState } from 'preact/hooks';
import type { ActorCard } from '@/lib/protocol';
import { Quote } from './Quote';
import type { ScanActor, ScanClaim, ScanSource } from '@/lib/scan/engine';

export type CardContent =
  | { kind: 'claim'; claim: ScanClaim }
  | {
      kind: 'actor';
      actor: ScanActor;
      card: ActorCard | null | 'loading';
      /** The ids of the actor's pack's claims found on this page, listed first (without it, every claim is). */
      onPage?: readonly string[];
    };

const VERDICT: Record<ScanClaim['verdict'], string> = {
  corroborated: 'Corroborated',
  contradicted: 'Contradicted',
  disputed: 'Disputed',
  mixed: 'Reported differently',
};
const STANCE: Record<ScanSource['stance'], string> = { corroborates: 'agrees', differs: 'differs', contradicts: 'contradicts' };

/** Only http(s) links leave the card. */
function safeUrl(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    return u.protocol === 'https:' || u.protocol === 'http:' ? u.href : undefined;
  } catch {
    return undefined;
  }
}

export function HoverCard({ content, onClose }: { content: CardContent; onClose: () => void }) {
  const title = content.kind === 'claim' ? 'Claim' : content.actor.name;
  return (
    <div
      class="card"
      role="dialog"
      aria-label={content.kind === 'claim' ? `Crosscheck: ${content.claim.text}` : `Crosscheck: ${content.actor.name}`}
      tabIndex={-1}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header>
        <span class="brand">Crosscheck</span>
        <button type="button" class="close" aria-label="Close" onClick={onClose}>
          ×
        </button>
      </header>
      {content.kind === 'claim' ? (
        <ClaimBody claim={content.claim} />
      ) : (
        <ActorBody key={`${content.actor.pack}\u0000${content.actor.id}`} actor={content.actor} card={content.card} title={title} onPage={content.onPage} />
      )}
    </div>
  );
}

function ClaimBody({ claim }: { claim: ScanClaim }) {
  return (
    <>
      <p class={`verdict verdict-${claim.verdict}`}>{VERDICT[claim.verdict]}</p>
      <p class="claim">{claim.text}</p>
      <p class="summary">{claim.conflict ? claim.conflict.note : claim.summary}</p>
      <ul class="sources" aria-label="What the outlets reported">
        {claim.sources.map((s) => (
          <li key={s.articleId} class={`source stance-${s.stance}`}>
            <span class="outlet">
              {safeUrl(s.url) ? (
                <a href={safeUrl(s.url)} target="_blank" rel="noopener noreferrer">
                  {s.outlet}
                </a>
              ) : (
                s.outlet
              )}
            </span>{' '}
            <span class={`badge badge-${s.stance}`}>{STANCE[s.stance]}</span>
            {s.differences.length > 0 && <span class="diff"> {s.differences.join('; ')}</span>}
            <Quote class="quote" text={s.quote} differing={s.differing ?? []} />
          </li>
        ))}
      </ul>
      {claim.positions.length > 0 && (
        <p class="positions">
          {claim.positions.map((p, i) => (
            <span key={p.actor}>
              {i > 0 && ' · '}
              {p.name} {p.position}
            </span>
          ))}
        </p>
      )}
    </>
  );
}

type ActorClaim = ActorCard['claims'][number];

function ActorBody({ actor, card, title, onPage }: { actor: ScanActor; card: ActorCard | null | 'loading'; title: string; onPage?: readonly string[] }) {
  const spellings = [...new Set(actor.mentions.map((m) => m.text))];
  const [showOthers, setShowOthers] = useState(false);
  const claims = card && card !== 'loading' ? card.claims : [];
  const here = onPage ? new Set(onPage) : null;
  const first = here ? claims.filter((c) => here.has(c.id)) : claims;
  const others = here ? claims.filter((c) => !here.has(c.id)) : [];
  return (
    <>
      <p class="name">{title}</p>
      {actor.role && <p class="role">{actor.role}</p>}
      <p class="spellings">On this page: {spellings.join(', ')}</p>
      {card === 'loading' && <p class="status">Loading…</p>}
      {first.length > 0 && <ClaimList label="Claims involving this actor" claims={first} />}
      {others.length > 0 && (
        <button type="button" class="more" aria-expanded={showOthers} onClick={(e) => e.isTrusted && setShowOthers(!showOthers)}>
          Other claims about {title}, not on this page
        </button>
      )}
      {showOthers && others.length > 0 && <ClaimList label="Claims not on this page" claims={others} />}
    </>
  );
}

function ClaimList({ label, claims }: { label: string; claims: readonly ActorClaim[] }) {
  return (
    <ul class="claims" aria-label={label}>
      {claims.map((c) => (
        <li key={c.id}>
          <span class="claim">{c.text}</span>
          <span class="counts">
            {' '}
            ({c.counts.corroborates} agree{c.counts.differs ? `, ${c.counts.differs} differ` : ''}
            {c.counts.contradicts ? `, ${c.counts.contradicts} contradict` : ''}: {c.outlets.join(', ')})
          </span>
          {c.disputedBy.length > 0 && <span class="disputed"> {c.disputedBy.map((d) => `${d.name} ${d.position}`).join('; ')}</span>}
        </li>
      ))}
    </ul>
  );
}
