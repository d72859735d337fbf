// The ladder's scroll window: its width (for lane positions), the visible band (to render only the arrows in
// it), and "follow": keep play's now-line in view unless the student has just scrolled away on purpose.

import { useCallback, useEffect, useRef, useState, type RefObject } from 'react';

const HANDS_OFF_MS = 2500;

export function useViewport(ref: RefObject<HTMLDivElement | null>) {
  const [box, setBox] = useState({ width: 0, top: 0, height: 600 });
  const userScrolledAt = useRef(-Infinity);
  const ours = useRef(false);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let frame = 0;
    const measure = (): void => {
      frame = 0;
      setBox((b) => {
        const next = { width: el.clientWidth, top: el.scrollTop, height: el.clientHeight };
        return next.width === b.width && Math.abs(next.top - b.top) < 40 && next.height === b.height ? b : next;
      });
    };
    const onScroll = (): void => {
      if (!ours.current) userScrolledAt.current = performance.now();
      ours.current = false;
      if (!frame) frame = requestAnimationFrame(measure);
    };
    const ro = new ResizeObserver(() => measure());
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
      const h = el.clientHeight;
      let target: number | null = null;
      if (y > el.scrollTop + h * 0.72) target = y - h * 0.72;
      else if (y < el.scrollTop + 30) target = y - h * 0.3;
      if (target !== null && Math.abs(target - el.scrollTop) > 1) {
        ours.current = true;
        el.scrollTop = Math.max(0, target);
      }
    },
    [ref],
  );

  return { ...box, follow };
}
