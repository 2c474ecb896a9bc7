// The hover card: what other outlets reported about an actor or a claim on the page. Preact, in the
// content script's shadow root. Every string from the page or a pack is rendered as text.
// The first view is read at a glance (components/card/ClaimBody.tsx, ActorBody.tsx); the rest on request.
import type { ActorCard } from '@/lib/protocol';
import { VERDICT_LABEL, reportedBy } from '@/lib/present';
import type { ScanActor, ScanClaim } from '@/lib/scan/engine';
import { ActorBody } from './card/ActorBody';
import { ClaimBody } from './card/ClaimBody';

export type CardContent =
  | { kind: 'claim'; claim: ScanClaim }
  | {
      kind: 'actor';
      actor: ScanActor;
      card: ActorCard | null | 'loading';
      /** The ids of the actor's pack's claims found on this page, listed first (without it, every claim is). */
      onPage?: readonly string[];
    };

/** What a screen reader is told when a card opens (the card does not take the focus on hover). */
export function announcement(content: CardContent | null): string {
  if (!content) return '';
  if (content.kind === 'actor') return `Crosscheck card: ${content.actor.name}${content.actor.role ? `, ${content.actor.role}` : ''}.`;
  const c = content.claim;
  return `Crosscheck card: ${VERDICT_LABEL[c.verdict]} claim. ${c.sources.length ? `${reportedBy(c.sources)}.` : ''}`.trim();
}

export function HoverCard({ content, onClose }: { content: CardContent; onClose: () => void }) {
  const title = content.kind === 'claim' ? 'Claim' : content.actor.name;
  return (
    <div
      class={`card card-${content.kind}`}
      role="dialog"
      aria-label={content.kind === 'claim' ? `Crosscheck: ${content.claim.text}` : `Crosscheck: ${content.actor.name}`}
      tabIndex={-1}
      onKeyDown={(e) => e.key === 'Escape' && onClose()}
    >
      <header>
        <span class="brand">Crosscheck</span>
        <button type="button" class="close" aria-label="Close" title="Close (Escape)" onClick={onClose}>
          ×
        </button>
      </header>
      {content.kind === 'claim' ? (
        <ClaimBody key={`${content.claim.pack}\u0000${content.claim.id}`} claim={content.claim} />
      ) : (
        <ActorBody key={`${content.actor.pack}\u0000${content.actor.id}`} actor={content.actor} card={content.card} title={title} onPage={content.onPage} />
      )}
    </div>
  );
}
