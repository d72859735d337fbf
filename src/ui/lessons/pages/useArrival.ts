// Where focus and scroll go when a course page opens: to the anchor the link named (a section), else, after an
// in-app move, to the page's heading at the top, so a screen reader starts on the new page. Back and Forward keep
// the scroll position the browser restores; the page the browser loaded keeps its own behaviour, apart from
// honouring the anchor once the page has drawn.

import { useEffect, type RefObject } from 'react';
import { useNav } from '../route/useRouter.ts';

export function useArrival(heading: RefObject<HTMLElement | null>, page: string): void {
  const { hash, moves, how } = useNav();
  useEffect(() => {
    if (how === 'hash') return;
    if (how === 'pop') {
      heading.current?.focus({ preventScroll: true });
      return;
    }
    const target = hash ? document.getElementById(hash) : null;
    if (target) {
      target.scrollIntoView({ block: 'start' });
      const focusable = target.matches('h1, h2, h3, [tabindex]') ? target : target.querySelector<HTMLElement>('h1, h2, h3');
      focusable?.focus({ preventScroll: true });
      return;
    }
    if (moves === 0) return;
    window.scrollTo(0, 0);
    heading.current?.focus({ preventScroll: true });
  }, [hash, moves, how, page, heading]);
}
