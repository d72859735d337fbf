// The course in order. Ids are stable (progress is keyed on them); numbers and titles are for display.

import { socketsLesson } from './01-sockets/socketsLesson.ts';
import { socketCallsLesson } from './02-socket-calls/socketCallsLesson.ts';
import { handshakeLesson } from './03-handshake/handshakeLesson.ts';
import { dataLesson } from './04-data/dataLesson.ts';
import { closingLesson } from './05-closing/closingLesson.ts';
import { backlogLesson } from './06-backlog/backlogLesson.ts';
import { failuresLesson } from './07-failures/failuresLesson.ts';
import { optionsLesson } from './08-options/optionsLesson.ts';
import { manyClientsLesson } from './09-many-clients/manyClientsLesson.ts';
import { reuseLesson } from './10-reuse/reuseLesson.ts';
import type { Lesson } from './types.ts';

export const course: readonly Lesson[] = [
  socketsLesson,
  socketCallsLesson,
  handshakeLesson,
  dataLesson,
  closingLesson,
  backlogLesson,
  failuresLesson,
  optionsLesson,
  manyClientsLesson,
  reuseLesson,
];

export function findLesson(id: string): Lesson | undefined {
  return course.find((l) => l.id === id);
}
