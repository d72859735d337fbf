// The course, loaded lazily: its header (with Lab | Course and the theme), the progress notice, and the page the
// address names. Facts are computed once per visit (a few simulator runs); progress lives in one store per page
// load, read from and saved to localStorage through the lessons' adapter.

import { useEffect, useState } from 'react';
import { computeFacts, findLesson, PROGRESS_KEY } from '../../lessons/index.ts';
import { CourseIndex } from './pages/CourseIndex.tsx';
import { KeyConceptsPage } from './pages/KeyConceptsPage.tsx';
import { LessonPage } from './pages/LessonPage.tsx';
import { ProgressNotice } from './pages/ProgressNotice.tsx';
import { ThemeButton } from './pages/ThemeButton.tsx';
import { TICKS_KEY } from './progress/conceptTicks.ts';
import { browserStorage, createProgressStore, type ProgressStore } from './progress/createProgressStore.ts';
import { ProgressContext } from './progress/useProgress.ts';
import { SiteNav } from './route/SiteNav.tsx';
import { useNav } from './route/useRouter.ts';
import './styles/course.css';

let progressStore: ProgressStore | null = null;
function theProgressStore(): ProgressStore {
  progressStore ??= createProgressStore(browserStorage, () => Date.now());
  return progressStore;
}

export default function Course() {
  const { route } = useNav();
  const [store] = useState(theProgressStore);
  const { errors } = computeFacts();

  useEffect(() => {
    const onStorage = (e: StorageEvent): void => {
      if (e.key === null || e.key === PROGRESS_KEY || e.key === TICKS_KEY) store.getState().reload();
    };
    window.addEventListener('storage', onStorage);
    return () => window.removeEventListener('storage', onStorage);
  }, [store]);

  const title = route.page === 'lesson' ? findLesson(route.id)?.title : route.page === 'concepts' ? 'Key concepts' : 'Course';
  useEffect(() => {
    document.title = `${title ?? 'Course'} — TCP Lab`;
    return () => {
      document.title = 'TCP Lab';
    };
  }, [title]);

  const failed = Object.keys(errors);
  return (
    <ProgressContext.Provider value={store}>
      <div className="app course">
        <a className="skip-link" href="#course-main">
          Skip to the content
        </a>
        <header className="app-header">
          <p className="app-title">
            TCP Lab <span className="app-sub">course</span>
          </p>
          <SiteNav />
          <ThemeButton />
        </header>
        <main id="course-main" className="course-main" tabIndex={-1}>
          <ProgressNotice />
          {failed.length > 0 && (
            <div className="callout callout-warning" role="note">
              <p>
                <strong>Some numbers could not be measured</strong> ({failed.join(', ')}); they show as placeholders.
              </p>
            </div>
          )}
          {route.page === 'lesson' ? <LessonPage id={route.id} /> : route.page === 'concepts' ? <KeyConceptsPage /> : <CourseIndex />}
        </main>
        <footer className="app-footer">
          <p>Every number in the course is measured on the simulator’s Linux TCP or computed with its working shown. Progress is saved in this browser.</p>
        </footer>
      </div>
    </ProgressContext.Provider>
  );
}
