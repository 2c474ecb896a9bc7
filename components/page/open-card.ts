// Opens a mark's card (on hover, or on the keyboard's move): a claim's at once; an actor's with its
// card from the background, "Loading…" only if the background is slow to answer, and the claims
// marked on this page listed first (components/HoverCard.tsx).
import type { PageContext } from './features/context';
import type { Mark } from './highlighter';

/** After this long without the actor's card, the card shows "Loading…". */
const SLOW_MS = 150;

export async function openCard(page: PageContext, mark: Mark, rect: DOMRect): Promise<void> {
  const intent = performance.now();
  await page.card.mount();
  if (mark.kind === 'claim') {
    page.measure.timed('card', () => page.card.render({ kind: 'claim', claim: mark.claim }, rect));
  } else {
    // The card opens with its claims (a few milliseconds after the hover intent): this page's first.
    const { actor } = mark;
    const onPage = [...new Set(page.marks.all().flatMap((m) => (m.kind === 'claim' && m.claim.pack === actor.pack ? [m.claim.id] : [])))];
    const cancelLoading = page.timeout(() => page.card.render({ kind: 'actor', actor, card: 'loading', onPage }, rect), SLOW_MS);
    const card = await page.actorCards.get(actor);
    cancelLoading();
    page.measure.timed('card', () => page.card.render({ kind: 'actor', actor, card, onPage }, rect));
  }
  page.emit('card-shown', { since: intent });
}
