// The one way to ask the background: a typed request in, its typed reply out. Every client (the
// popup, the options page, the content script) makes one with its browser's sendMessage. It never
// rejects: a background that does not answer (stopped, updating, the extension reloaded) is an
// error reply that says so.
import { errorText } from '../error-text';
import type { Reply, Request } from './messages';

export interface ProtocolClient {
  send<R extends Request>(req: R): Promise<Reply<R>>;
}

/** The browser's messaging, as the client needs it: `browser.runtime.sendMessage`. */
export type SendMessage = (message: unknown) => Promise<unknown>;

const NO_ANSWER = "Crosscheck's background did not answer";

export function createClient(sendMessage: SendMessage): ProtocolClient {
  return {
    async send<R extends Request>(req: R): Promise<Reply<R>> {
      try {
        const reply = (await sendMessage(req)) as Reply<R> | undefined;
        return reply ?? { ok: false, error: `${NO_ANSWER}; try again` };
      } catch (e) {
        return { ok: false, error: `${NO_ANSWER} (${errorText(e)}); try again` };
      }
    },
  };
}
