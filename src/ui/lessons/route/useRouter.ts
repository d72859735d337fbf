// The page's route, kept in step with the address bar. Course pages push history entries (Back returns to the
// previous page); the lab keeps its own replaceState behaviour. A sandboxed frame that refuses history changes
// still navigates: the route lives in React state, the address bar is a courtesy.

import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import { parseRoute, type Route } from './route.ts';

export interface Nav {
  route: Route;
  /** The anchor asked for with the route ("" when none), without '#'. */
  hash: string;
  /** In-app moves so far: 0 on the page the browser loaded (pages use it to decide where focus goes). */
  moves: number;
  /** How the page was reached: Back/Forward ('pop') and in-page anchors ('hash') leave scroll and focus to the browser. */
  how: 'load' | 'push' | 'pop' | 'hash';
  go(href: string): void;
  /** Where "Lab" leads: the lab's current link when it has one. */
  labHref(): string;
}

export const NavContext = createContext<Nav | null>(null);

export function useNav(): Nav {
  const nav = useContext(NavContext);
  if (!nav) throw new Error('useNav needs a <NavContext.Provider>');
  return nav;
}

export interface RouterHooks {
  labHref(): string;
  /** Called before the lab is shown again after a course page, with the address it opens. */
  enterLab(search: string): void;
  leaveLab(): void;
}

function decodeHash(hash: string): string {
  try {
    return decodeURIComponent(hash.replace(/^#/, ''));
  } catch {
    return '';
  }
}

export function useRouter(hooks: RouterHooks): Nav {
  const [state, setState] = useState(() => ({ route: parseRoute(window.location.search), hash: decodeHash(window.location.hash), moves: 0, how: 'load' as Nav['how'] }));
  const hooksRef = useRef(hooks);
  hooksRef.current = hooks;
  const routeRef = useRef(state.route);
  const searchRef = useRef(window.location.search);

  const arrive = useCallback((search: string, hash: string, move: 'push' | 'pop') => {
    const route = parseRoute(search);
    const how: Nav['how'] = search === searchRef.current && move === 'pop' ? 'hash' : move;
    searchRef.current = search;
    const before = routeRef.current;
    if (route.page === 'lab' && before.page !== 'lab') hooksRef.current.enterLab(search);
    if (route.page !== 'lab' && before.page === 'lab') hooksRef.current.leaveLab();
    routeRef.current = route;
    const update = (): void => setState((s) => ({ route, hash: decodeHash(hash), moves: s.moves + 1, how }));
    // Back/Forward: draw the page before the browser restores its scroll position, or it would clamp to the old one.
    if (move === 'pop') flushSync(update);
    else update();
  }, []);

  useEffect(() => {
    const onPop = (): void => arrive(window.location.search, window.location.hash, 'pop');
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [arrive]);

  const go = useCallback(
    (href: string) => {
      const url = new URL(href, window.location.href);
      try {
        window.history.pushState(null, '', url.href);
      } catch {
        // A sandboxed frame may refuse; the page still changes.
      }
      arrive(url.search, url.hash, 'push');
    },
    [arrive],
  );

  const labHref = useCallback(() => hooksRef.current.labHref(), []);
  return { ...state, go, labHref };
}
