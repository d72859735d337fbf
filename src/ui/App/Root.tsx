// Page-wide behaviour that is not a view: keys and the address bar.

import type { ReactNode } from 'react';
import type { PlaybackStore } from '../../playback/index.ts';
import { useKeyboard } from '../hooks/useKeyboard.ts';
import { useUrlSync } from '../hooks/useUrlSync.ts';

export function Root({ store, children }: { store: PlaybackStore; children: ReactNode }) {
  useKeyboard(store);
  useUrlSync(store);
  return <>{children}</>;
}
