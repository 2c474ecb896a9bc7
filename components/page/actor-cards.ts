// The actors' cards, asked of the background once per scan (the actor-card prefetch feature asks
// for those of the page's actors ahead of a hover and starts the cache anew with each scan).
import type { ActorCard, ProtocolClient } from '@/lib/protocol';

export interface ActorCards {
  /** The actor's card: asked for once, the same promise after; a failure is asked again next time. */
  get(actor: { pack: string; id: string }): Promise<ActorCard | null>;
  /** How many cards are asked for or known. */
  readonly size: number;
  /** Forgets every card (a new scan: the packs may have changed). */
  reset(): void;
}

export function createActorCards(client: ProtocolClient): ActorCards {
  let cards = new Map<string, Promise<ActorCard | null>>();
  return {
    get(actor) {
      const key = `${actor.pack}\u0000${actor.id}`;
      let card = cards.get(key);
      if (!card) {
        const asked = cards;
        card = client.send({ type: 'actor-card', pack: actor.pack, actor: actor.id }).then((r) => {
          if (r.ok) return r.card;
          asked.delete(key); // asked again next time
          return null;
        });
        cards.set(key, card);
      }
      return card;
    },
    get size() {
      return cards.size;
    },
    reset() {
      cards = new Map();
    },
  };
}
