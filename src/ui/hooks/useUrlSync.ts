// The address bar follows the view (`?scenario=…&step=…`), so a copied link opens the same step elsewhere.
// replaceState, never pushState: stepping must not flood the back button. Inside an LMS iframe this is the
// frame's own URL, and a sandbox that forbids it is ignored rather than breaking the lab.

import { useEffect } from 'react';
import { linkSearch, type PlaybackState, type PlaybackStore } from '../../playback/index.ts';

/** Browsers throttle history updates (Safari throws after 100 in 30 s): at most one per interval while playing. */
const MIN_INTERVAL_MS = 400;

export function currentLink(s: PlaybackState): string | null {
  const l = s.loaded;
  if (!l) return null;
  return linkSearch({ scenario: l.base.id, step: s.step, seed: l.knobs.seed, delayMs: l.knobs.delayMs, params: l.knobs.params });
}

export function useUrlSync(store: PlaybackStore): void {
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let lastWrite = 0;
    const write = (): void => {
      timer = null;
      lastWrite = performance.now();
      const search = currentLink(store.getState());
      if (!search || search === window.location.search) return;
      try {
        window.history.replaceState(window.history.state, '', `${window.location.pathname}${search}${window.location.hash}`);
      } catch {
        // A sandboxed frame may refuse; the lab works without an address to follow.
      }
    };
    const unsubscribe = store.subscribe((s, prev) => {
      if (s.step === prev.step && s.loaded === prev.loaded) return;
      if (timer !== null) return;
      const wait = Math.max(0, MIN_INTERVAL_MS - (performance.now() - lastWrite));
      timer = setTimeout(write, s.playing ? wait : 0);
    });
    return () => {
      unsubscribe();
      if (timer !== null) clearTimeout(timer);
    };
  }, [store]);
}
