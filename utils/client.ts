// The protocol's typed client (lib/protocol/client.ts) over this browser's messaging, and the
// background's events, for the extension's pages and the content script alike.
import { browser } from '#imports';
import { createClient, parsePageEvent, type PageEvent } from '@/lib/protocol';

export const client = createClient((message) => browser.runtime.sendMessage(message));

/** Listens to the background's events (packs changed, feeds changed, sync progress); returns the unsubscribe. */
export function onPageEvent(listener: (event: PageEvent) => void): () => void {
  // Only the background's events: requests other pages send to the background are not ours to answer.
  const onMessage = (message: unknown) => {
    const event = parsePageEvent(message);
    if (event) listener(event);
  };
  browser.runtime.onMessage.addListener(onMessage);
  return () => browser.runtime.onMessage.removeListener(onMessage);
}
