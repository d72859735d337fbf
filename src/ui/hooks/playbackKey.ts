// The lab's keys, shared by the full lab (window-wide) and a lesson's embedded lab (while focus is inside it):
// Space play/pause, ← → one step, Home/End the ends. Ignored while typing in a field; Space is left to a focused
// button, link or summary, which it activates natively.

import type { PlaybackStore } from '../../playback/index.ts';

const TYPING = new Set(['INPUT', 'SELECT', 'TEXTAREA']);
const SPACE_ACTIVATES = new Set(['BUTTON', 'A', 'SUMMARY']);

interface KeyLike {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
  target: EventTarget | null;
}

/** Apply the key to the store; true when it was one of the lab's keys (the caller then prevents the default). */
export function handlePlaybackKey(store: PlaybackStore, e: KeyLike): boolean {
  if (e.altKey || e.ctrlKey || e.metaKey) return false;
  const el = e.target instanceof HTMLElement ? e.target : null;
  if (el && (TYPING.has(el.tagName) || el.isContentEditable)) return false;
  const s = store.getState();
  switch (e.key) {
    case ' ':
    case 'Spacebar':
      if (el && SPACE_ACTIVATES.has(el.tagName)) return false;
      s.toggle();
      return true;
    case 'ArrowRight':
      s.next();
      return true;
    case 'ArrowLeft':
      s.prev();
      return true;
    case 'Home':
      s.seek(0);
      return true;
    case 'End':
      s.seek((s.loaded?.steps.length ?? 1) - 1);
      return true;
    default:
      return false;
  }
}
