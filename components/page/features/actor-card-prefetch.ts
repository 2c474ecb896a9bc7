// The actors' cards, asked of the background once per scan: those of the page's actors are asked
// for as soon as the marks are painted, so a card opens without a round trip.
import { defineFeature } from './context';

/** At most this many actors' cards are asked for ahead of a hover. */
const PREFETCH_ACTORS = 40;

export const actorCardPrefetch = defineFeature({
  name: 'actor-card-prefetch',
  start(page, signal) {
    page.marks.subscribe(({ marks }) => {
      // A new scan: the packs may have changed, the cards too.
      if (!marks.length) return page.actorCards.reset();
      for (const m of marks) {
        if (page.actorCards.size >= PREFETCH_ACTORS) break;
        if (m.kind === 'actor') void page.actorCards.get(m.actor);
      }
    }, signal);
  },
});
