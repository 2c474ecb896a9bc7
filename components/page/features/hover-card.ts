// Hover → card: once the page has marks, the card's UI is made and the pointer watched over them
// (components/page/hover.ts); resting on a mark opens its card, a new scan closes it.
import { watchHover } from '../hover';
import { openCard } from '../open-card';
import { defineFeature } from './context';

export const hoverCard = defineFeature({
  name: 'hover-card',
  start(page, signal) {
    let watching = false;
    page.marks.subscribe(({ marks }) => {
      if (!marks.length) return page.card.render(null);
      if (watching) return;
      watching = true;
      void page.card.mount();
      watchHover(() => page.marks.all(), {
        delayMs: () => page.display().hoverDelayMs,
        open: (mark, rect) => void openCard(page, mark, rect),
        close: () => page.card.render(null),
        overCard: (e) => page.card.contains(e),
        signal,
      });
    }, signal);
  },
});
