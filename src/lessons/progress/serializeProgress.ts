// The one place progress becomes text, so what parseProgress reads back is exactly what was written.

import type { Progress } from './progressTypes.ts';

export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}
