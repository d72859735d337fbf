// The ladder's scroll window: its width (for lane positions), the visible band (to render only the arrows in
// it), and "follow": keep play's now-line in view unless the student has just scrolled away on purpose.
// follow() runs every frame of play, so it never reads layout: the scroller's height comes from the resize
// observer and its position from scroll events (a read after the frame's DOM writes would force a layout).

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

const HANDS_OFF_MS = 2500;

export function useViewport(ref: RefObject<HTMLDivElement | null>) {
  const [box, setBox] = useState({ width: 0, top: 0, height: 600 });
  const userScrolledAt = useRef(-Infinity);
  const ours = useRef(false);
  /** The scroller as last seen: kept current without reading layout in the middle of a frame. */
  const seen = useRef({ width: 0, top: 0, height: 600 });

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const commit = (): void => {
      frame = 0;
      const next = { ...seen.current };
      setBox((b) => (next.width === b.width && Math.abs(next.top - b.top) < 40 && next.height === b.height ? b : next));
    };
    // Resize observer callbacks run after layout: reading sizes there costs nothing.
    const measure = (): void => {
      seen.current = { width: el.clientWidth, top: el.scrollTop, height: el.clientHeight };
      commit();
    };
    const onScroll = (): void => {
      if (!ours.current) userScrolledAt.current = performance.now();
      ours.current = false;
      seen.current.top = el.scrollTop;
      if (!frame) frame = requestAnimationFrame(commit);
    };
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    el.addEventListener('scroll', onScroll, { passive: true });
    measure();
    return () => {
      ro.disconnect();
      el.removeEventListener('scroll', onScroll);
      if (frame) cancelAnimationFrame(frame);
    };
  }, [ref]);

  const follow = useCallback(
    (y: number) => {
      const el = ref.current;
      if (!el || performance.now() - userScrolledAt.current < HANDS_OFF_MS) return;
      const { top, height: h } = seen.current;
      let target: number | null = null;
      if (y > top + h * 0.72) target = y - h * 0.72;
      else if (y < top + 30) target = y - h * 0.3;
      if (target !== null && Math.abs(target - top) > 1) {
        ours.current = true;
        seen.current.top = Math.max(0, target);
        el.scrollTop = seen.current.top;
      }
    },
    [ref],
  );

  return { ...box, follow };
}
