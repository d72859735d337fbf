// React's view of the progress store: narrow selectors, as with the playback store.

import { createContext, useContext } from 'react';
import { useStore } from 'zustand';
import type { ProgressActions, ProgressState, ProgressStore } from './createProgressStore.ts';

export const ProgressContext = createContext<ProgressStore | null>(null);

function useProgressStore(): ProgressStore {
  const store = useContext(ProgressContext);
  if (!store) throw new Error('useProgress needs a <ProgressContext.Provider>');
  return store;
}

export function useProgress<T>(selector: (s: ProgressState) => T): T {
  return useStore(useProgressStore(), selector);
}

export function useProgressActions(): ProgressActions {
  return useProgressStore().getState();
}
