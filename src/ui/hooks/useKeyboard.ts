// Keys: Space play/pause, ← → one step, Home/End the ends. Ignored while typing in a field, and Space is left
// to a focused button or link (which it activates natively).

import { useEffect } from 'react';
import type { PlaybackStore } from '../../playback/index.ts';
import { handlePlaybackKey } from './playbackKey.ts';

export function useKeyboard(store: PlaybackStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (handlePlaybackKey(store, e)) e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
