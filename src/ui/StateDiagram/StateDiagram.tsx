// The RFC 9293 state diagram for one socket of each host: its current state lit, and the edge it last took
// lit with the event that caused it and what the endpoint did (StateEvent.cause / action).

import { useMemo } from 'react';
import type { Loaded, StateEvent } from '../../playback/index.ts';
import { usePlayback } from '../hooks/usePlayback.ts';
import { StateGraph } from './StateGraph.tsx';
import { useSocketChoice, type SocketOption } from './useSocketChoice.ts';

export default function StateDiagram() {
  const loaded = usePlayback((s) => s.loaded);
  const options = useMemo(() => (loaded ? socketsByHost(loaded) : new Map<string, SocketOption[]>()), [loaded]);
  const order = useMemo(() => {
    const m = new Map<StateEvent, number>();
    loaded?.timeline.events.forEach((e, i) => {
      if (e.type === 'state') m.set(e, i);
    });
    return m;
  }, [loaded]);
  return (
    <section className="panel states" aria-labelledby="states-h">
      <h2 id="states-h" className="panel-title">
        TCP state <span className="panel-sub">RFC 9293 state diagram</span>
      </h2>
      <div className="states-grid">
        {[...options].map(([host, opts]) => (
          <HostStates key={host} host={host} options={opts} order={order} />
        ))}
        {options.size === 0 && <p className="muted">No socket in this scenario changes state.</p>}
      </div>
    </section>
  );
}

function HostStates({ host, options, order }: { host: string; options: SocketOption[]; order: ReadonlyMap<StateEvent, number> }) {
  const view = usePlayback((s) => s.view);
  const step = usePlayback((s) => s.step);
  const { sid, auto, choose } = useSocketChoice(host, options, view, order);
  const last: StateEvent | null = sid !== null && view ? (view.lastState[sid] ?? null) : null;
  const current = last?.to ?? (sid !== null ? view?.sockets[sid]?.state : undefined) ?? 'CLOSED';
  const fresh = useFreshness(last, step);
  return (
    <figure className="host-states" data-host={host}>
      <figcaption>
        <label>
          <strong>{host}</strong>{' '}
          <select value={auto ? 'auto' : String(sid)} onChange={(e) => choose(e.target.value === 'auto' ? null : Number(e.target.value))} aria-label={`Socket shown for ${host}`}>
            <option value="auto">the socket that changed last</option>
            {options.map((o) => (
              <option key={o.sid} value={o.sid}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      </figcaption>
      <StateGraph current={current} last={last} fresh={fresh} />
      <p className="transition" data-testid={`state-${host}`} data-state={current} data-socket={last?.socket ?? ''}>
        Now <strong>{current}</strong>
        {last ? (
          <>
            {' '}
            — last: {last.from} → {last.to} on <em>{last.cause}</em>
            {last.action ? <>; it did: {last.action}</> : null}
          </>
        ) : (
          ' — no transition yet'
        )}
      </p>
    </figure>
  );
}

/** Whether the last transition happened in the step being shown (it is then drawn brighter). */
function useFreshness(last: StateEvent | null, step: number): boolean {
  const loaded = usePlayback((s) => s.loaded);
  if (!last || !loaded || step <= 0) return false;
  return loaded.steps[step]!.t === last.t && loaded.timeline.events.slice(loaded.steps[step]!.first, loaded.steps[step]!.last + 1).includes(last);
}

function socketsByHost(l: Loaded): Map<string, SocketOption[]> {
  const out = new Map<string, SocketOption[]>();
  const seen = new Set<number>();
  for (const e of l.timeline.events) {
    if (e.type !== 'state' || seen.has(e.sid)) continue;
    seen.add(e.sid);
    const list = out.get(e.host) ?? [];
    const [local, peer] = e.socket.split('>');
    list.push({ sid: e.sid, label: peer === '0.0.0.0:*' || e.to === 'LISTEN' ? `listener ${local}` : `${local} → ${peer}` });
    out.set(e.host, list);
  }
  return out;
}
