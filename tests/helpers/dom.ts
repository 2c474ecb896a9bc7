// Component tests (happy-dom): a fresh container in the document for each test, unmounted after it.
import { render } from 'preact';
import { afterEach, beforeEach } from 'vitest';

/** Registers the hooks; `host.el` is the current test's container. */
export function testContainer(): { readonly el: HTMLElement } {
  let el: HTMLElement | null = null;
  beforeEach(() => {
    el = document.createElement('div');
    document.body.append(el);
  });
  afterEach(() => {
    if (!el) return;
    render(null, el);
    el.remove();
    el = null;
  });
  return {
    get el() {
      if (!el) throw new Error('no container outside a test');
      return el;
    },
  };
}
