// The storage seam. The UI passes window.localStorage (or anything with the same three methods); this layer never
// touches `window`. Storage can throw (private browsing, quota, disabled cookies), so every call is guarded and
// reported instead of breaking the page.

import { parseProgress } from './parseProgress.ts';
import { serializeProgress } from './serializeProgress.ts';
import { emptyProgress, type ParsedProgress, type Progress } from './progressTypes.ts';

export interface ProgressStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export const PROGRESS_KEY = 'tcp-lab.progress';

export function loadProgress(storage: ProgressStorage, key = PROGRESS_KEY): ParsedProgress {
  let stored: string | null;
  try {
    stored = storage.getItem(key);
  } catch {
    return { progress: emptyProgress(), reasons: ['the browser would not let the lab read saved progress'] };
  }
  return parseProgress(stored);
}

export type SaveResult = { ok: true } | { ok: false; reason: string };

export function saveProgress(storage: ProgressStorage, progress: Progress, key = PROGRESS_KEY): SaveResult {
  try {
    storage.setItem(key, serializeProgress(progress));
    return { ok: true };
  } catch {
    return { ok: false, reason: 'the browser would not let the lab save progress (storage full or disabled)' };
  }
}

/** Forgets everything: clears storage when given, and returns fresh progress either way. */
export function resetProgress(storage?: ProgressStorage, key = PROGRESS_KEY): Progress {
  try {
    storage?.removeItem(key);
  } catch {
    // Nothing to report: the caller gets fresh progress, and the next save overwrites what is stored.
  }
  return emptyProgress();
}
