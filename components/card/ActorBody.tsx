// An actor's card: the role, the spellings on the page, the claims of this page first (a few, the
// rest on request), then the actor's other claims from the reader's packs, drawn only on the
// reader's own click (`isTrusted`): the card's shadow root is open, and what it shows the page can
// read (PRIVACY.md).
import { useState } from 'preact/hooks';
import type { ActorCard } from '@/lib/protocol';
import { chipLabel, nameList, plural } from '@/lib/present';
import type { ScanActor } from '@/lib/scan/engine';

type ActorClaim = ActorCard['claims'][number];

/** The first view lists at most this many of the page's claims. */
const FIRST_CLAIMS = 3;

export function ActorBody({ actor, card, title, onPage }: { actor: ScanActor; card: ActorCard | null | 'loading'; title: string; onPage?: readonly string[] }) {
  const spellings = [...new Set(actor.mentions.map((m) => m.text))];
  const [showOthers, setShowOthers] = useState(false);
  const [showAll, setShowAll] = useState(false);
  const claims = card && card !== 'loading' ? card.claims : [];
  const here = onPage ? new Set(onPage) : null;
  const first = here ? claims.filter((c) => here.has(c.id)) : claims;
  const others = here ? claims.filter((c) => !here.has(c.id)) : [];
  const visible = showAll ? first : first.slice(0, FIRST_CLAIMS);
  return (
    <>
      <p class="name">{title}</p>
      {actor.role && <p class="role">{actor.role}</p>}
      <p class="spellings">On this page: {spellings.join(', ')}</p>
      {card === 'loading' && <p class="status">Loading…</p>}
      {first.length > 0 && <ClaimList label="Claims involving this actor" claims={visible} />}
      {first.length > FIRST_CLAIMS && (
        <button type="button" class="more" aria-expanded={showAll} onClick={() => setShowAll(!showAll)}>
          {showAll ? 'Fewer claims' : `Show all ${plural(first.length, 'claim')} on this page`}
        </button>
      )}
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
      {claims.map((c) => {
        const n = c.counts;
        const stances = [n.corroborates && `✓ ${n.corroborates} agree`, n.differs && `≈ ${n.differs} differ`, n.contradicts && `✗ ${n.contradicts} contradict`].filter(Boolean);
        return (
          <li key={c.id}>
            <span class="claim">{c.text}</span>
            <span class="counts" title={c.outlets.join(', ')}>
              {stances.join(' · ')}
              {c.outlets.length > 0 && ` · ${nameList(c.outlets.map((o) => chipLabel(o)), 2)}`}
            </span>
            {c.disputedBy.length > 0 && <span class="disputed">Disputed: {c.disputedBy.map((d) => `${d.name} ${d.position}`).join('; ')}</span>}
          </li>
        );
      })}
    </ul>
  );
}
