// Which socket a host's state diagram follows: by default the one whose state changed last, or one the
// student pinned.

import { useState } from 'react';
import type { StateEvent, ViewState } from '../../playback/index.ts';

export interface SocketOption {
  sid: number;
  label: string;
}

/** `order` ranks state events by their place in the timeline, so ties in time still have a last one. */
export function useSocketChoice(host: string, options: SocketOption[], view: ViewState | null, order: ReadonlyMap<StateEvent, number>) {
  const [pinned, setPinned] = useState<number | null>(null);
  const valid = pinned !== null && options.some((o) => o.sid === pinned) ? pinned : null;
  let sid = valid;
  if (sid === null && view) {
    let latest = -1;
    for (const o of options) {
      const e = view.lastState[o.sid];
      const rank = e ? (order.get(e) ?? -1) : -1;
      if (e && e.host === host && rank > latest) {
        latest = rank;
        sid = o.sid;
      }
    }
  }
  return { sid: sid ?? options[0]?.sid ?? null, auto: valid === null, choose: setPinned };
}
