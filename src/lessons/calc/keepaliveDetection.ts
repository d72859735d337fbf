// How long TCP keepalive takes to declare an idle peer dead: the idle wait, then CNT unanswered probes INTVL apart.
// Linux sends the first probe after KEEPIDLE and gives up CNT × KEEPINTVL later (tcp_keepalive_timer).

import { fmt, type Worked } from './format.ts';

export interface KeepaliveSettings {
  idleS: number;
  intvlS: number;
  cnt: number;
}

export function keepaliveDetection({ idleS, intvlS, cnt }: KeepaliveSettings): Worked {
  const value = idleS + intvlS * cnt;
  return { value, working: `${fmt(idleS)} + ${fmt(intvlS)} × ${fmt(cnt)} = ${fmt(value)} s` };
}
