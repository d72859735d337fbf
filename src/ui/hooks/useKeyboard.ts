// Keys: Space play/pause, ← → one step, Home/End the ends. Ignored while typing in a field, and Space is left
// to a focused button or link (which it activates natively).

import { useEffect } from 'react';
import type { PlaybackStore } from '../../playback/index.ts';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);

export function useKeyboard(store: PlaybackStore): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent): void => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const el = e.target instanceof HTMLElement ? e.target : null;
      if (el && (TYPING.has(el.tagName) || el.isContentEditable)) return;
      const s = store.getState();
      const last = (s.loaded?.steps.length ?? 1) - 1;
      switch (e.key) {
        case ' ':
        case 'Spacebar':
          if (el && (el.tagName === 'BUTTON' || el.tagName === 'A' || el.tagName === 'SUMMARY')) return;
          s.toggle();
          break;
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
          s.seek(last);
          break;
        default:
          return;
      }
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [store]);
}
