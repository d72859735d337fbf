// A running lab inside a lesson: its own playback store and frame loop, compact controls, the narration and the
// panels the lesson asked for. Keys ← → Home End (and Space off a button) step it while focus is inside it.

import { useEffect, type KeyboardEvent } from 'react';
import { startFrameLoop, type PlaybackStore } from '../../../playback/index.ts';
import type { LabView } from '../../../lessons/index.ts';
import { PlaybackContext } from '../../hooks/usePlayback.ts';
import { Narration } from '../../Narration/Narration.tsx';
import { LabControls } from './LabControls.tsx';
import { LabPanels } from './LabPanels.tsx';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export function LiveLab({ store, views, label }: { store: PlaybackStore; views: readonly LabView[]; label: string }) {
  useEffect(() => {
    const stop = startFrameLoop(store, { request: (cb) => requestAnimationFrame(cb), cancel: (h) => cancelAnimationFrame(h) });
    return () => {
      stop();
      store.getState().pause();
    };
  }, [store]);

  const onKey = (e: KeyboardEvent<HTMLDivElement>): void => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const el = e.target as HTMLElement;
    if (TYPING.has(el.tagName)) return;
    const s = store.getState();
    switch (e.key) {
      case 'ArrowRight':
        s.next();
        break;
      case 'ArrowLeft':
        s.prev();
        break;
      case 'Home':
        s.seek(0);
        break;
      case 'End':
        s.seek((s.loaded?.steps.length ?? 1) - 1);
        break;
      case ' ':
        if (el.tagName === 'BUTTON' || el.tagName === 'A') return;
        s.toggle();
        break;
      default:
        return;
    }
    e.preventDefault();
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
