import { describe, expect, test } from 'vitest';
import { createPlaybackStore } from './createPlaybackStore.ts';
import { startFrameLoop, type FrameSource } from './frameLoop.ts';
import { testCatalog, tinyHandshake } from './testScenarios.ts';

function manualFrames() {
  let next = 1;
  const queue = new Map<number, (now: number) => void>();
  const frames: FrameSource = {
    request(cb) {
      queue.set(next, cb);
      return next++;
    },
    cancel(h) {
      queue.delete(h);
    },
  };
  const run = (now: number) => {
    const cbs = [...queue.values()];
    queue.clear();
    for (const cb of cbs) cb(now);
  };
  return { frames, run, pending: () => queue.size };
}

describe('frame loop', () => {
  test('feeds wall time to the store only while playing', () => {
    const store = createPlaybackStore(testCatalog);
    store.getState().load(tinyHandshake);
    const m = manualFrames();
    const stop = startFrameLoop(store, m.frames);
    expect(m.pending()).toBe(0);
    store.getState().play();
    expect(m.pending()).toBe(1);
    m.run(1000);
    m.run(1016);
    expect(store.getState().position).toBeCloseTo(16);
    m.run(5000); // a long gap (background tab) counts as one capped frame
    expect(store.getState().position).toBeCloseTo(116);
    store.getState().pause();
    expect(m.pending()).toBe(0);
    stop();
  });
});
