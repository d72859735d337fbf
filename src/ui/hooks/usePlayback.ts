// The only bridge from React to the playback store. Components pass a narrow selector and re-render only
// when what it returns changes (zustand's useStore is useSyncExternalStore underneath). Selectors must return
// a primitive or an object already in the store, never a fresh one.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { PlaybackActions, PlaybackState, PlaybackStore } from '../../playback/index.ts';

export const PlaybackContext = createContext<PlaybackStore | null>(null);

export function usePlaybackStore(): PlaybackStore {
  const store = useContext(PlaybackContext);
  if (!store) throw new Error('usePlayback needs a <PlaybackContext.Provider>');
  return store;
}

export function usePlayback<T>(selector: (s: PlaybackState) => T): T {
  return useStore(usePlaybackStore(), selector);
}

/** The store's actions: stable functions, so reading them never re-renders. */
export function useActions(): PlaybackActions {
  return usePlaybackStore().getState();
}
