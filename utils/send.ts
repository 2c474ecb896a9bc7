// Sends a request of lib/protocol.ts to the background from an extension page and returns its typed
// reply. Never rejects: a background that does not answer (stopped, updating) is an error reply.
import { browser } from '#imports';
import type { Reply, Request } from '@/lib/protocol';

export async function send<R extends Request>(req: R): Promise<Reply<R>> {
  try {
    const reply = (await browser.runtime.sendMessage(req)) as Reply<R> | undefined;
    return reply ?? { ok: false, error: "Crosscheck's background did not answer; try again" };
  } catch (e) {
    return { ok: false, error: `Crosscheck's background did not answer (${e instanceof Error ? e.message : String(e)}); try again` };
  }
}
