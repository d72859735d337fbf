// The student's progress for the page: a zustand vanilla store around the lessons' pure updates and storage adapter.
// Every change is saved at once; a failed save is said, never thrown. Reading stored data keeps what it can and
// hands back its reasons, which the page shows once in a dismissible notice. The key-concepts ticks are the
// page's own small record (the lessons' progress model has no place for them), cleared by the same reset.

import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  loadProgress,
  markLessonDone,
  recordAnswer,
  recordDrill,
  resetProgress,
  saveProgress,
  type Answer,
  type DrillProgress,
  type GradeResult,
  type Progress,
  type ProgressStorage,
} from '../../../lessons/index.ts';
import { loadTicks, saveTicks, TICKS_KEY } from './conceptTicks.ts';

export interface ProgressState {
  progress: Progress;
  /** Key-concept id → ticked by the student on the end page. */
  ticks: Record<string, boolean>;
  /** Why stored progress was not read in full (from loadProgress); shown until dismissed. */
  notices: string[];
  /** The last save failed: the browser refused storage. Progress still lasts for this visit. */
  saveError: string | null;
  /** Bumped when progress is replaced wholesale (reset, another tab): forms re-read their saved state. */
  epoch: number;
}

export interface ProgressActions {
  answer(lessonId: string, questionId: string, answer: Answer, result: GradeResult): void;
  setDone(lessonId: string, done: boolean): void;
  saveDrill(drillId: string, drill: Omit<DrillProgress, 'at'>): void;
  tick(conceptId: string, ticked: boolean): void;
  reset(): void;
  dismissNotices(): void;
  /** Read storage again (another tab saved). */
  reload(): void;
}

export type ProgressStore = StoreApi<ProgressState & ProgressActions>;

export function createProgressStore(storage: ProgressStorage, now: () => number): ProgressStore {
  return createStore<ProgressState & ProgressActions>()((set, get) => {
    const commit = (progress: Progress): void => {
      const r = saveProgress(storage, progress);
      set({ progress, saveError: r.ok ? null : r.reason });
    };
    const first = loadProgress(storage);
    return {
      progress: first.progress,
      ticks: loadTicks(storage),
      notices: first.reasons,
      saveError: null,
      epoch: 0,

      answer(lessonId, questionId, answer, result) {
        commit(recordAnswer(get().progress, lessonId, questionId, answer, result, now()));
      },
      setDone(lessonId, done) {
        commit(markLessonDone(get().progress, lessonId, done));
      },
      saveDrill(drillId, drill) {
        commit(recordDrill(get().progress, drillId, { ...drill, at: now() }));
      },
      tick(conceptId, ticked) {
        const ticks = { ...get().ticks, [conceptId]: ticked };
        if (!ticked) delete ticks[conceptId];
        const ok = saveTicks(storage, ticks);
        set({ ticks, saveError: ok ? get().saveError : 'the browser would not let the lab save your checklist' });
      },
      reset() {
        const progress = resetProgress(storage);
        try {
          storage.removeItem(TICKS_KEY);
        } catch {
          // The next save overwrites it.
        }
        set({ progress, ticks: {}, notices: [], saveError: null, epoch: get().epoch + 1 });
      },
      dismissNotices() {
        set({ notices: [] });
      },
      reload() {
        const r = loadProgress(storage);
        set({ progress: r.progress, ticks: loadTicks(storage), notices: [...new Set([...get().notices, ...r.reasons])], epoch: get().epoch + 1 });
      },
    };
  });
}

/** window.localStorage behind the lessons' adapter. Touching `localStorage` itself throws in some sandboxed
 *  frames, so the access happens inside each call, where the lessons' storage functions catch it. */
export const browserStorage: ProgressStorage = {
  getItem: (k) => window.localStorage.getItem(k),
  setItem: (k, v) => window.localStorage.setItem(k, v),
  removeItem: (k) => window.localStorage.removeItem(k),
};
