// The end page's checklist ticks: a list of key-concept ids under their own key. Read defensively, like progress:
// anything that is not a short list of ids is ignored rather than trusted.

import type { ProgressStorage } from '../../../lessons/index.ts';

export const TICKS_KEY = 'tcp-lab.concepts';
const ID = /^[a-z0-9][a-z0-9-]{0,63}$/;

export function loadTicks(storage: ProgressStorage): Record<string, boolean> {
  let raw: string | null;
  try {
    raw = storage.getItem(TICKS_KEY);
  } catch {
    return {};
  }
  if (!raw || raw.length > 10_000) return {};
  try {
    const ids: unknown = JSON.parse(raw);
    if (!Array.isArray(ids)) return {};
    return Object.fromEntries(ids.filter((id): id is string => typeof id === 'string' && ID.test(id)).map((id) => [id, true]));
  } catch {
    return {};
  }
}

export function saveTicks(storage: ProgressStorage, ticks: Record<string, boolean>): boolean {
  try {
    storage.setItem(TICKS_KEY, JSON.stringify(Object.keys(ticks).filter((k) => ticks[k])));
    return true;
  } catch {
    return false;
  }
}
