// Keyboard navigation and reveal, from the background and the popup:
// - keyboard commands (Alt+Shift+K / Alt+Shift+J by default) move to the next or previous mention
//   in reading order, scroll it into view, open its card and give it focus, so a screen reader
//   announces it;
// - the popup asks to show a claim's or an actor's first mention (scrolled to, flashed);
// - a card opened by the pointer is reachable by Tab: the first Tab while it is open moves focus
//   into it (then Tab moves through its links and Close button; Escape closes it).
import { parseNavigate, parseReveal } from '@/lib/protocol';
import { flash, type Mark } from '../highlighter';
import { openCard } from '../open-card';
import { defineFeature } from './context';

/** How long a revealed mention stays flashed. */
const FLASH_MS = 1600;

const reducedMotion = () => matchMedia('(prefers-reduced-motion: reduce)').matches;
const show = (mark: Mark) => mark.range.startContainer.parentElement?.scrollIntoView({ block: 'center', behavior: reducedMotion() ? 'instant' : 'auto' });

export const navigation = defineFeature({
  name: 'navigation',
  start(page, _signal) {
    // The mention the keyboard is at, in the marks' reading order.
    let at = -1;
    page.onMessage((message, reply) => {
      const reveal = parseReveal(message);
      if (reveal) {
        const target = page.marks.order().find((m) => (m.kind === 'claim' ? reveal.kind === 'claim' && m.claim.pack === reveal.pack && m.claim.id === reveal.id : reveal.kind === 'actor' && m.actor.pack === reveal.pack && m.actor.id === reveal.id));
        if (target) {
          show(target);
          page.timeout(flash(target.range), FLASH_MS);
        }
        return;
      }
      const nav = parseNavigate(message);
      if (!nav) return;
      const order = page.marks.order();
      // From the first or last mention when the move comes from another frame; past the end this
      // frame's card closes and the background moves on to the next frame (or back here).
      if (nav.from) at = nav.from === 'start' ? -1 : order.length;
      at += nav.direction === 'next' ? 1 : -1;
      if (at < 0 || at >= order.length) {
        at = nav.direction === 'next' ? order.length : -1;
        page.card.render(null);
        return reply({ moved: false });
      }
      reply({ moved: true });
      const mark = order[at];
      show(mark);
      page.frame(() => void openCard(page, mark, mark.range.getBoundingClientRect()).then(() => page.card.card()?.focus()));
    });

    page.listen(
      document,
      'keydown',
      (e) => {
        const card = page.card.card();
        if (!e.isTrusted || e.key !== 'Tab' || e.shiftKey || !card || page.card.contains(e)) return;
        e.preventDefault();
        card.focus();
      },
      { capture: true },
    );
  },
});
