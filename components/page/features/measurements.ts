// Measurements for `npm run bench:browser` and the e2e tests, read by the page: a performance
// mark, "crosscheck-done", when the first scan of the page is over (its detail: the main thread's
// work, see Measure), and a measure, "crosscheck-card", from the hover intent (or the keyboard's
// move) to the card on screen, after the next paint.
import { defineFeature } from './context';

export const measurements = defineFeature({
  name: 'measurements',
  start(page, signal) {
    // When the first highlights were registered (the card's UI is made after them).
    page.marks.subscribe(({ added }) => added.length > 0 && page.measure.highlighted(), signal);
    let reported = false;
    page.on('scanned', ({ marks }) => {
      if (reported) return;
      reported = true;
      performance.mark('crosscheck-done', { detail: page.measure.report(marks) });
    });
    page.on('card-shown', ({ since }) => {
      page.frame(() => page.timeout(() => performance.measure('crosscheck-card', { start: since, end: performance.now() }), 0));
    });
  },
});
