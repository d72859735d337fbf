// Lab or course, by the address: `?scenario=…` (or nothing) is the lab as it always was; `?course`, `?lesson=…`
// are the course, loaded lazily so the lab's first screen carries none of it. Leaving the lab pauses it; coming
// back reopens it from the address, so Back and Forward land on the step they left.

import { lazy, Suspense } from 'react';
import type { Catalog, PlaybackStore } from '../../playback/index.ts';
import { currentLink } from '../hooks/useUrlSync.ts';
import { NavContext, useRouter } from '../lessons/route/useRouter.ts';
import { App } from './App.tsx';
import { Root } from './Root.tsx';

const Course = lazy(() => import('../lessons/Course.tsx'));

export function Site({ store, catalog }: { store: PlaybackStore; catalog: Catalog }) {
  const nav = useRouter({
    labHref: () => currentLink(store.getState()) ?? '?',
    enterLab: (search) => store.getState().openLink(search),
    leaveLab: () => store.getState().pause(),
  });
  return (
    <NavContext.Provider value={nav}>
      {nav.route.page === 'lab' ? (
        <Root store={store}>
          <App catalog={catalog} />
        </Root>
      ) : (
        <Suspense fallback={<p className="course-loading">Loading the course…</p>}>
          <Course />
        </Suspense>
      )}
    </NavContext.Provider>
  );
}
