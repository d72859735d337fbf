// One live lab per page. The lab's views were built for a page with one of each (fixed element ids: panel
// headings, the ladder's arrow markers), and every live lab is a simulator run plus an animated diagram, so a
// lesson shows one at a time: starting another stops the previous one, which folds back to its caption and a
// start button.

import { createContext, useContext, useLayoutEffect, useRef, useState } from 'react';

export interface ActiveLab {
  active: string | null;
  /** Make this lab the live one, keeping `keep` (usually the block itself) where it is on screen. */
  activate(key: string, keep?: Element | null): void;
}

export const ActiveLabContext = createContext<ActiveLab>({ active: null, activate: () => {} });

export function useActiveLab(key: string): { live: boolean; activate: (keep?: Element | null) => void } {
  const ctx = useContext(ActiveLabContext);
  return { live: ctx.active === key, activate: (keep) => ctx.activate(key, keep) };
}

/** The provider's state. When a lab above the one being started folds away, the page would jump; instead the
 *  started block stays put: its position is measured before the change and restored right after layout. */
export function useActiveLabState(initial: string | null): ActiveLab {
  const [active, setActive] = useState<string | null>(initial);
  const pending = useRef<{ el: Element; top: number } | null>(null);
  useLayoutEffect(() => {
    const p = pending.current;
    pending.current = null;
    if (!p || !p.el.isConnected) return;
    const delta = p.el.getBoundingClientRect().top - p.top;
    if (Math.abs(delta) > 1) window.scrollBy(0, delta);
  }, [active]);
  return {
    active,
    activate(key, keep) {
      pending.current = keep ? { el: keep, top: keep.getBoundingClientRect().top } : null;
      setActive(key);
    },
  };
}
