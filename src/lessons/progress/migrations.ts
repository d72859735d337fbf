// Older stored shapes, and how each becomes the current one. Migrations only reshape; parseProgress still checks
// every entry afterwards, so a migration may pass odd values through.
//
// v1 (the first release) kept a flat list of finished lessons, answers keyed "lessonId/questionId", and a single
// drill under "drill" with the ticked checks as a list:
//   { version: 1, completed: ["sockets"], answers: { "sockets/socket-is": { answer, correct, score, at } },
//     drill: { text, ticks: ["setup"], revealed, at } }
// v2 groups answers under their lesson and allows several drills (the cold-start drill is "cold-start").

export const V1_DRILL_ID = 'cold-start';

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function migrateV1toV2(v1: Record<string, unknown>, reasons: string[]): Record<string, unknown> {
  const lessons: Record<string, { done: boolean; answers: Record<string, unknown> }> = Object.create(null);
  const lesson = (id: string) => (lessons[id] ??= { done: false, answers: Object.create(null) });
  if (Array.isArray(v1.completed)) {
    for (const id of v1.completed) if (typeof id === 'string') lesson(id).done = true;
  } else if (v1.completed !== undefined) {
    reasons.push('v1: the list of finished lessons was unreadable and was dropped');
  }
  if (isObj(v1.answers)) {
    for (const [key, value] of Object.entries(v1.answers)) {
      const [lessonId, questionId, ...rest] = key.split('/');
      if (!lessonId || !questionId || rest.length > 0) {
        reasons.push(`v1: answer "${key.slice(0, 80)}" has no lesson/question key and was dropped`);
        continue;
      }
      lesson(lessonId).answers[questionId] = value;
    }
  }
  const drills: Record<string, unknown> = Object.create(null);
  if (isObj(v1.drill)) {
    const { text, ticks, revealed, at } = v1.drill;
    const checks: Record<string, boolean> = Object.create(null);
    if (Array.isArray(ticks)) for (const t of ticks) if (typeof t === 'string') checks[t] = true;
    drills[V1_DRILL_ID] = { text, checks, revealed, at };
  }
  return { version: 2, lessons, drills };
}

/** Each entry turns version n into version n + 1. */
export const MIGRATIONS: Record<number, (old: Record<string, unknown>, reasons: string[]) => Record<string, unknown>> = {
  1: migrateV1toV2,
};
