// The keyboard commands' path through a tab's mentions: the page's, then those of its same-origin
// frames (lib/navigate.ts). The background remembers which frame the reader is in, per tab; a woken
// worker starts again from the page.
import { navigateFrames } from '../navigate';
import { COMMANDS, type NavigateMessage, type NavigateReply } from '../protocol';

/** Sends a move to one frame of the tab; its reply, or null when it did not answer. */
export type SendToFrame = (frameId: number, message: NavigateMessage) => Promise<NavigateReply | null>;

export class KeyboardPath {
  private readerFrame = new Map<number, number | undefined>();

  constructor(private readonly mentionFrames: (tabId: number) => number[]) {}

  /** A keyboard command in a tab; commands that are not ours are ignored. */
  async command(command: string, tabId: number | undefined, send: SendToFrame): Promise<void> {
    const direction = COMMANDS[command];
    if (!direction || tabId === undefined) return;
    const frames = this.mentionFrames(tabId);
    this.readerFrame.set(tabId, await navigateFrames(direction, frames.length ? frames : [0], this.readerFrame.get(tabId), send));
  }

  forget(tabId: number): void {
    this.readerFrame.delete(tabId);
  }
}
