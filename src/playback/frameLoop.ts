// Drives play: while the store says `playing`, feed it the wall time between animation frames.
// The frame source is injected, so Node tests step it by hand and the browser uses requestAnimationFrame.

import type { PlaybackStore } from './createPlaybackStore.ts';

export interface FrameSource {
  request(cb: (now: number) => void): number;
  cancel(handle: number): void;
}

/** A long frame (a background tab coming back) must not jump play forward by seconds. */
const MAX_FRAME_MS = 100;

export function startFrameLoop(store: PlaybackStore, frames: FrameSource): () => void {
  let handle: number | null = null;
  let last: number | null = null;

  const frame = (now: number): void => {
    handle = null;
    if (last !== null) store.getState().tick(Math.min(MAX_FRAME_MS, now - last));
    last = now;
    if (store.getState().playing) handle = frames.request(frame);
    else last = null;
  };

  const sync = (playing: boolean): void => {
    if (playing && handle === null) handle = frames.request(frame);
    if (!playing && handle !== null) {
      frames.cancel(handle);
      handle = null;
      last = null;
    }
  };

  sync(store.getState().playing);
  const unsubscribe = store.subscribe((s, prev) => {
    if (s.playing !== prev.playing) sync(s.playing);
  });
  return () => {
    unsubscribe();
    sync(false);
  };
}
