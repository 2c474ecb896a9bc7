// The keyboard's path through a tab's mentions when they are in several frames (the page and its
// same-origin frames). Each frame keeps its own place; the background keeps which frame the
// reader is in and, when that frame has no mention left in the direction of the move, hands the
// move to the next frame that has mentions (the page first, then its frames in the order they
// were made), wrapping round at the end. Pure: the caller sends the messages.
import type { NavigateMessage, NavigateReply } from './protocol';

export type Direction = NavigateMessage['direction'];

/**
 * Moves once. `frames`: the tab's frames that have mentions, in order; `current`: the frame the
 * reader is in (undefined at first). Returns the frame the reader is in afterwards (undefined
 * when no frame moved).
 */
export async function navigateFrames(
  direction: Direction,
  frames: readonly number[],
  current: number | undefined,
  send: (frameId: number, message: NavigateMessage) => Promise<NavigateReply | null>,
): Promise<number | undefined> {
  if (!frames.length) return undefined;
  const step = direction === 'next' ? 1 : -1;
  const at = current === undefined ? -1 : frames.indexOf(current);
  if (at >= 0 && (await send(frames[at], { type: 'navigate', direction }))?.moved) return frames[at];
  // The next frame that way, from its first mention (or last, going back); round to the start.
  const first = at >= 0 ? at + step : direction === 'next' ? 0 : frames.length - 1;
  for (let k = 0; k < frames.length; k++) {
    const i = (((first + k * step) % frames.length) + frames.length) % frames.length;
    const reply = await send(frames[i], { type: 'navigate', direction, from: direction === 'next' ? 'start' : 'end' });
    if (reply?.moved) return frames[i];
  }
  return undefined;
}
