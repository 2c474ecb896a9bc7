// Which messages the background answers: those from this extension (one of its pages, or its
// content script in a tab), valid against the protocol (messages.ts) and allowed for their
// sender. Everything else is dropped and counted by reason; the options page shows the counts
// (Diagnostics), and the tests read them. Pure: the background passes in what the browser says.
import { allowedFrom, parseRequest, type Request } from './messages';
import type { DroppedMessages } from './views';

export type DropReason = keyof DroppedMessages;

/** The fields of the browser's runtime.MessageSender that decide who is asking. */
export interface MessageSender {
  /** The sending extension's id (absent for a sender that is no extension's). */
  id?: string;
  /** The sending document: an extension page's own URL, or the page a content script runs in. */
  url?: string;
  /** Present when the sender is in a tab: a content script, or an extension page opened in a tab. */
  tab?: unknown;
}

/** This extension: its id and the origin of its pages (chrome-extension://<id>, moz-extension://<uuid>). */
export interface Self {
  id: string;
  origin: string;
}

export type Admission =
  | { ok: true; req: Request; from: 'page' | 'content-script' }
  /** `reply`: the answer to send (a refusal the sender should see); none for a message dropped unanswered. */
  | { ok: false; reason: DropReason; reply?: { ok: false; error: string } };

export class MessageGuard {
  private counts: DroppedMessages = { sender: 0, malformed: 0, 'not-allowed': 0 };
  /** When counting started (the worker's start), ISO. */
  readonly since: string;

  constructor(now: Date = new Date()) {
    this.since = now.toISOString();
  }

  /**
   * Decides on one message: the sender first (a message from elsewhere is not even parsed), then
   * the protocol, then what that sender may ask. A content script asking for what only the
   * extension's pages may ask is refused with a reply (it is our own code, and should learn why);
   * the other drops get no answer.
   */
  admit(message: unknown, sender: MessageSender, self: Self): Admission {
    const origin = self.origin.endsWith('/') ? self.origin : `${self.origin}/`;
    if (sender.id !== self.id) return this.drop('sender');
    const fromPage = typeof sender.url === 'string' && sender.url.startsWith(origin);
    // Ours, but neither one of our pages nor a content script in a tab: nothing we know of.
    if (!fromPage && !sender.tab) return this.drop('sender');
    const req = parseRequest(message);
    if (!req) return this.drop('malformed');
    if (!allowedFrom(req, sender, self.origin))
      return this.drop('not-allowed', { ok: false, error: `"${req.type}" is answered for the extension's own pages only` });
    return { ok: true, req, from: fromPage ? 'page' : 'content-script' };
  }

  private drop(reason: DropReason, reply?: { ok: false; error: string }): Admission {
    this.counts[reason]++;
    return reply ? { ok: false, reason, reply } : { ok: false, reason };
  }

  /** The counts so far (a copy). */
  dropped(): DroppedMessages {
    return { ...this.counts };
  }
}
