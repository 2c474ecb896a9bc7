// Content script: wiring only. Extracts the page's visible text, asks the background to scan it,
// paints the results with the CSS Custom Highlight API and opens hover cards in a shadow root:
// each of these is a feature (components/page/features), started here in order with the page's
// context and its one AbortSignal.
import './card.css';
import { browser, createShadowRootUi, defineContentScript, type ContentScriptContext } from '#imports';
import { FEATURES } from '@/components/page/features';
import { client } from '@/utils/client';
import { createPageContext } from '@/components/page/features/context';

/** A frame whose top page has the same origin (a cross-origin top cannot even be read). */
function sameOriginFrame(): boolean {
  try {
    return window.top!.location.origin === location.origin;
  } catch {
    return false;
  }
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  cssInjectionMode: 'ui',
  // Frames too, but only those of the top page's own origin (see sameOriginFrame).
  allFrames: true,
  // WXT would post "<extension id>:content:wxt:content-script-started" to every frame's window,
  // telling any page (an ad frame too) which extension runs there. See `lifetime` below.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    if (!document.body) return;
    const inFrame = window !== window.top;
    if (inFrame && !sameOriginFrame()) return;
    // The page's one controller: everything a feature starts (listeners, timers, observers, the
    // card's UI, the highlights) stops when it aborts.
    //
    // Its lifetime is ours, not WXT's: WXT's context ends on a "newer script started" event on
    // `document`, which the page can dispatch as well as a newer script of ours. So our page's
    // work ends when this script's extension is gone (reloaded, updated or removed: the page
    // context checks `browser.runtime.id` each second) or the site is turned off, and never on a
    // page's word. WXT's card UI is tied to the same lifetime: the context handed to it is WXT's
    // own with `onInvalidated` on our controller.
    const controller = new AbortController();
    const lifetime = Object.create(ctx, {
      onInvalidated: {
        value: (fn: () => void) => {
          controller.signal.addEventListener('abort', fn, { once: true });
          return () => controller.signal.removeEventListener('abort', fn);
        },
      },
    }) as ContentScriptContext;
    const page = createPageContext(
      {
        client,
        inFrame,
        // The page the reader sees: a frame's findings go with its top page's.
        pageUrl: () => (inFrame ? window.top!.location.href : location.href),
        runtime: browser.runtime,
        createUi: (options) => createShadowRootUi(lifetime, options),
        isInvalid: () => browser.runtime?.id == null,
      },
      controller,
    );
    for (const feature of FEATURES) {
      if (controller.signal.aborted) return;
      await feature.start(page, controller.signal);
    }
  },
});
