// Lesson 6's sizing example: burst × accept latency, clamped by somaxconn (old and current defaults).

import { SYSCTL_DEFAULTS } from '../../sim/index.ts';
import { backlogSize } from '../calc/backlogSize.ts';
import { formula, type FactDefs } from './Fact.ts';
import { g } from './givens.ts';

export const backlogCalcFacts = {
  backlogWanted: () => {
    const r = backlogSize(g('incidentPeakRps'), g('acceptLatencyMs'), Number(SYSCTL_DEFAULTS['net.core.somaxconn']));
    return formula(r.working, r.value);
  },
  backlogOldClamp: () => {
    const r = backlogSize(g('incidentPeakRps'), g('acceptLatencyMs'), g('somaxconnText'));
    return formula(r.working, r.value);
  },
} satisfies FactDefs;
