// The keyboard's path through mentions spread over the page and its frames (lib/navigate.ts),
// with frames that behave like the content script: each keeps its place among its own mentions.
import { describe, expect, it } from 'vitest';
import { navigateFrames } from '@/lib/navigate';
import type { NavigateMessage, NavigateReply } from '@/lib/protocol';

/** Frames with `counts[id]` mentions each; returns the send function and where the reader is. */
function frames(counts: Record<number, number>) {
  const at: Record<number, number> = Object.fromEntries(Object.keys(counts).map((k) => [k, -1]));
  let shown: string | null = null;
  const send = async (frameId: number, m: NavigateMessage): Promise<NavigateReply | null> => {
    const n = counts[frameId];
    if (n === undefined) return null; // no content script there
    if (m.from) at[frameId] = m.from === 'start' ? -1 : n;
    at[frameId] += m.direction === 'next' ? 1 : -1;
    if (at[frameId] < 0 || at[frameId] >= n) {
      at[frameId] = m.direction === 'next' ? n : -1;
      return { moved: false };
    }
    shown = `${frameId}:${at[frameId]}`;
    return { moved: true };
  };
  return { send, shown: () => shown };
}

async function walk(counts: Record<number, number>, list: number[], moves: ('next' | 'previous')[]) {
  const f = frames(counts);
  let current: number | undefined;
  const seen: (string | null)[] = [];
  for (const d of moves) {
    current = await navigateFrames(d, list, current, f.send);
    seen.push(f.shown());
  }
  return seen;
}

describe('keyboard navigation across frames', () => {
  it('goes through the page’s mentions, then each frame’s, then round to the start', async () => {
    const seen = await walk({ 0: 2, 5: 1, 7: 2 }, [0, 5, 7], Array(6).fill('next'));
    expect(seen).toEqual(['0:0', '0:1', '5:0', '7:0', '7:1', '0:0']);
  });

  it('goes back the same way, into the previous frame at its last mention', async () => {
    const seen = await walk({ 0: 2, 5: 1, 7: 2 }, [0, 5, 7], ['next', 'previous', 'previous', 'previous', 'previous']);
    expect(seen).toEqual(['0:0', '7:1', '7:0', '5:0', '0:1']);
  });

  it('wraps round within a page that has no frames', async () => {
    expect(await walk({ 0: 2 }, [0], ['next', 'next', 'next', 'previous'])).toEqual(['0:0', '0:1', '0:0', '0:1']);
  });

  it('skips a frame that does not answer (gone, or no script there) and does nothing when none can move', async () => {
    expect(await walk({ 0: 1, 7: 1 }, [0, 3, 7], ['next', 'next', 'next'])).toEqual(['0:0', '7:0', '0:0']);
    const f = frames({ 0: 0 });
    expect(await navigateFrames('next', [0], undefined, f.send)).toBeUndefined();
    expect(await navigateFrames('next', [], undefined, f.send)).toBeUndefined();
  });
});
