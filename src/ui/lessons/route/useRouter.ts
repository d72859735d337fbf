// The page's route, kept in step with the address bar. Course pages push history entries (Back returns to the
// previous page); the lab keeps its own replaceState behaviour. A sandboxed frame that refuses history changes
// still navigates: the route lives in React state, the address bar is a courtesy.

import { createContext, useCallback, useContext, useEffect, useRef, useState } from 'react';
import { parseRoute, type Route } from './route.ts';

export interface Nav {
  route: Route;
  /** The anchor asked for with the route ("" when none), without '#'. */
  hash: string;
  /** In-app moves so far: 0 on the page the browser loaded (pages use it to decide where focus goes). */
  moves: number;
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
  const [state, setState] = useState(() => ({ route: parseRoute(window.location.search), hash: decodeHash(window.location.hash), moves: 0 }));
  const hooksRef = useRef(hooks);
  hooksRef.current = hooks;
  const routeRef = useRef(state.route);

  const arrive = useCallback((search: string, hash: string) => {
    const route = parseRoute(search);
    const before = routeRef.current;
    if (route.page === 'lab' && before.page !== 'lab') hooksRef.current.enterLab(search);
    if (route.page !== 'lab' && before.page === 'lab') hooksRef.current.leaveLab();
    routeRef.current = route;
    setState((s) => ({ route, hash: decodeHash(hash), moves: s.moves + 1 }));
  }, []);

  useEffect(() => {
    const onPop = (): void => arrive(window.location.search, window.location.hash);
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
      arrive(url.search, url.hash);
    },
    [arrive],
  );

  const labHref = useCallback(() => hooksRef.current.labHref(), []);
  return { ...state, go, labHref };
}
