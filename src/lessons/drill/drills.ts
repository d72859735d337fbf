// Every drill of the course by id; lessons refer to drills by id so progress can key on it.

import { coldStartDrill } from './coldStartDrill.ts';
import type { Drill } from './drillTypes.ts';

export const DRILLS: Record<string, Drill> = {
  [coldStartDrill.id]: coldStartDrill,
};
