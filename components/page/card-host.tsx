// The card's one UI container, in the manner of Hypothesis's PreactContainer: a shadow root made
// once (WXT's createShadowRootUi, passed in), `render` draws the card in it (or nothing), `destroy`
// unmounts the Preact tree and removes the host. The card is a manual popover in the top layer,
// placed by floating-ui next to its anchor; a host the page removed or moved into its own elements
// goes back at the end of <body> when the next card is drawn.
import { autoUpdate, computePosition, flip, offset, shift } from '@floating-ui/dom';
import { render } from 'preact';
import { announcement, HoverCard, type CardContent } from '@/components/HoverCard';

/** What the card host needs of createShadowRootUi's UI. */
export interface ShadowUi {
  readonly shadowHost: HTMLElement;
  mount(): void;
  remove(): void;
}

export interface ShadowUiOptions {
  name: string;
  position: 'overlay';
  anchor: 'body';
  isolateEvents: boolean;
  onMount: (container: HTMLElement) => HTMLElement;
  onRemove: (container: HTMLElement | undefined) => void;
}

/** Makes the shadow root UI (the content script passes `(o) => createShadowRootUi(ctx, o)`). */
export type CreateShadowUi = (options: ShadowUiOptions) => Promise<ShadowUi>;

export interface CardHost {
  /** Makes and mounts the UI, once (the same promise after); nothing once the page is torn down. */
  mount(): Promise<void>;
  /** Draws `content` next to `anchor` (the last anchor if none), or closes the card (null). */
  render(content: CardContent | null, anchor?: DOMRect): void;
  /** The card on screen, if one is. */
  card(): HTMLElement | null;
  /** The host element in the page, once mounted. */
  host(): HTMLElement | null;
  /** True when the event went through the card (its path crosses our host). */
  contains(e: Event): boolean;
  /** Unmounts the card and removes the host (done when the page's signal aborts). */
  destroy(): void;
}

export interface CardHostOptions {
  signal: AbortSignal;
  /** Runs `fn` on the next animation frame, unless the page is torn down first. */
  frame: (fn: () => void) => void;
}

export function createCardHost(createUi: CreateShadowUi, o: CardHostOptions): CardHost {
  let ui: ShadowUi | null = null;
  let container: HTMLElement | null = null;
  let mounting: Promise<void> | null = null;
  let anchor: DOMRect | null = null;
  let unfollow = () => {};

  const draw = (content: CardContent | null) => {
    if (!container) return;
    if (!content) {
      unfollow();
      unfollow = () => {};
    }
    // The live region stays put between cards, so a screen reader announces each card that opens
    // while the focus stays on the page (hover never takes it).
    render(
      <>
        <p class="sr-only" role="status" aria-live="polite">
          {announcement(content)}
        </p>
        {content ? <HoverCard content={content} onClose={() => draw(null)} /> : null}
      </>,
      container,
    );
    const el = container.querySelector<HTMLElement>('.card');
    if (!el || !anchor) return;
    // In the top layer (a manual popover): no transform, clipping or stacking of the page's
    // elements reaches it, wherever the page puts our host. Moving the host closes it: shown
    // again on the next frame too.
    const top = () => {
      try {
        if (el.isConnected && !el.matches(':popover-open')) el.showPopover();
      } catch {
        // No popover support: the fixed card above the page is the fallback.
      }
    };
    if (!el.hasAttribute('popover')) el.setAttribute('popover', 'manual');
    top();
    o.frame(top);
    const a = anchor;
    const place = () =>
      void computePosition({ getBoundingClientRect: () => a }, el, { strategy: 'fixed', placement: 'bottom-start', middleware: [offset(8), flip(), shift({ padding: 8, crossAxis: true })] }).then(({ x, y }) => {
        el.style.left = `${x}px`;
        el.style.top = `${y}px`;
      });
    // Placed again when the card grows ("Show all"), so it stays on screen.
    unfollow();
    unfollow = autoUpdate({ getBoundingClientRect: () => a }, el, place, { ancestorScroll: false, ancestorResize: false, elementResize: true, layoutShift: false });
  };

  const host: CardHost = {
    mount() {
      mounting ??= (async () => {
        if (o.signal.aborted) return;
        const made = await createUi({
          name: 'crosscheck-card',
          position: 'overlay',
          anchor: 'body',
          isolateEvents: true,
          onMount: (c) => (container = c),
          onRemove(c) {
            if (c) render(null, c);
            container = null;
          },
        });
        if (o.signal.aborted) return made.remove();
        ui = made;
        ui.mount();
      })();
      return mounting;
    },
    render(content, rect) {
      if (rect) anchor = rect;
      // A page that removed our host, or moved it into its own (clipped, transformed) elements:
      // back at the end of the body when the reader asks for a card (never in a loop with the page).
      if (content && ui && ui.shadowHost.parentNode !== document.body) document.body?.append(ui.shadowHost);
      draw(content);
    },
    card: () => container?.querySelector<HTMLElement>('.card') ?? null,
    host: () => ui?.shadowHost ?? null,
    contains: (e) => !!ui && e.composedPath().includes(ui.shadowHost),
    destroy() {
      unfollow();
      unfollow = () => {};
      ui?.remove();
      ui = null;
      container = null;
    },
  };
  o.signal.addEventListener('abort', () => host.destroy(), { once: true });
  return host;
}
