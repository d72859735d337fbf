// Every segment sent so far, one line each in tcpdump's notation (`tcpdump -n -S -tt`). Selecting a line —
// or an arrow in the diagram — opens the packet's details.

import { useEffect, useMemo, useRef, useState } from 'react';
import { segmentLine, type SegmentEvent } from '../../playback/index.ts';
import { useActions, usePlayback } from '../hooks/usePlayback.ts';

/** Lines kept in the page at once; older ones are a click away. */
const WINDOW = 400;

export default function PacketLog() {
  const loaded = usePlayback((s) => s.loaded);
  const step = usePlayback((s) => s.step);
  const selected = usePlayback((s) => s.selected);
  const a = useActions();
  const [all, setAll] = useState(false);
  const list = useRef<HTMLOListElement>(null);

  const segments = useMemo(() => (loaded ? loaded.timeline.events.filter((e): e is SegmentEvent => e.type === 'segment') : []), [loaded]);
  const upTo = loaded && step >= 0 ? loaded.steps[step]!.last : -1;
  const first = loaded && step > 0 ? loaded.steps[step]!.first : Infinity;
  const index = useMemo(() => (loaded ? new Map(segments.map((s) => [s, loaded.timeline.events.indexOf(s)])) : new Map<SegmentEvent, number>()), [loaded, segments]);
  const shown = segments.filter((s) => (index.get(s) ?? Infinity) <= upTo);
  const from = all ? 0 : Math.max(0, shown.length - WINDOW);

  useEffect(() => {
    const el = list.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [shown.length]);

  return (
    <section className="panel log" aria-labelledby="log-h">
      <h2 id="log-h" className="panel-title">
        Packet log <span className="panel-sub">as <code>tcpdump -n -S -tt</code> prints it; select a line for its details</span>
      </h2>
      {from > 0 && (
        <button type="button" className="btn btn-small" onClick={() => setAll(true)}>
          Show {from} earlier lines
        </button>
      )}
      <ol ref={list} className="log-lines" aria-label="Segments sent so far">
        {shown.length === 0 && <li className="muted">No segment yet.</li>}
        {shown.slice(from).map((s) => {
          const i = index.get(s) ?? -1;
          return (
            <li key={s.id} className={`${i >= first ? 'log-new' : ''}${s.fate === 'dropped' ? ' log-lost' : ''}`}>
              <button type="button" className="log-line" aria-pressed={selected === s.id} onClick={() => a.select(selected === s.id ? null : s.id)}>
                {segmentLine(s)}
              </button>
            </li>
          );
        })}
      </ol>
    </section>
  );
}
