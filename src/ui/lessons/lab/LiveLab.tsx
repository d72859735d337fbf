// A running lab inside a lesson: its own playback store and frame loop, compact controls, the narration and the
// panels the lesson asked for. Keys ← → Home End (and Space off a button) step it while focus is inside it.

import { useEffect, type KeyboardEvent } from 'react';
import { startFrameLoop, type PlaybackStore } from '../../../playback/index.ts';
import type { LabView } from '../../../lessons/index.ts';
import { PlaybackContext } from '../../hooks/usePlayback.ts';
import { handlePlaybackKey } from '../../hooks/playbackKey.ts';
import { Narration } from '../../Narration/Narration.tsx';
import { LabControls } from './LabControls.tsx';
import { LabPanels } from './LabPanels.tsx';

export function LiveLab({ store, views, label }: { store: PlaybackStore; views: readonly LabView[]; label: string }) {
  useEffect(() => {
    const stop = startFrameLoop(store, { request: (cb) => requestAnimationFrame(cb), cancel: (h) => cancelAnimationFrame(h) });
    return () => {
      stop();
      store.getState().pause();
    };
  }, [store]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (handlePlaybackKey(store, e)) e.preventDefault();
  };

  return (
    <PlaybackContext.Provider value={store}>
      <div className="live-lab" role="group" aria-label={label} onKeyDown={onKey}>
        <LabControls />
        <Narration />
        <LabPanels views={views} />
      </div>
    </PlaybackContext.Provider>
  );
}
