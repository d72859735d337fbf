// The ladder (sequence) diagram: a vertical line per host, segments as sloped arrows. Play's "now" is one
// motion value, and nothing that follows it each frame is React or repaints the arrows:
// - the arrows, state pills and waiting bars are one static SVG, redrawn only when the step or the scrolled
//   window changes;
// - the future (below "now") is hidden by an opaque sheet that the compositor slides down (a transform, no
//   paint), carrying its own copy of the lanes, ticks and idle gaps so those stay visible ahead;
// - the now line and the dots in flight (one path per kind of segment) are a thin strip the compositor moves;
//   only the dots' paths are rewritten each frame.
// So a frame costs about the same with 400 segments in flight as with 4 (e2e/perf measures it).

import { animate, useMotionValue } from 'framer-motion';
import { memo, useEffect, useMemo, useRef } from 'react';
import { MIN_DWELL_MS } from '../../playback/index.ts';
import { usePlaybackStore, usePlayback, useActions } from '../hooks/usePlayback.ts';
import type { SegmentKind } from '../theme/statePhase.ts';
import { Arrow } from './Arrow.tsx';
import { DOT_KINDS, dotPaths } from './dotPaths.ts';
import { LadderMarks } from './LadderMarks.tsx';
import { ladderGeometry, PX_PER_MS, visibleArrows, yOf, type LadderArrow, type LadderGeometry } from './ladderGeometry.ts';
import { SeqToggle } from './SeqToggle.tsx';
import { useViewport } from './useViewport.ts';
import './ladderLayers.css';

/** How far below "now" the diagram shows: the first stretch of an arrow that has just left. */
const STUB = MIN_DWELL_MS * PX_PER_MS * 0.4;
/** Stepping animates "now" this long at 1× (scaled by speed). */
const STEP_SECONDS = 0.45;
/** Height of the strip that carries the now line and the dots (a dot is 12 px across with its outline). */
const LIVE_H = 28;

export function Ladder() {
  const loaded = usePlayback((s) => s.loaded);
  const relative = usePlayback((s) => s.relative);
  const selected = usePlayback((s) => s.selected);
  const store = usePlaybackStore();
  const a = useActions();
  const scroller = useRef<HTMLDivElement>(null);
  const { width, top, height, follow } = useViewport(scroller);
  const geo = useMemo(() => (loaded && width > 0 ? ladderGeometry(loaded, width) : null), [loaded, width]);
  const rel = relative && loaded ? loaded.narration.rel : null;

  const now = useMotionValue(yOf(store.getState().position));
  const future = useRef<HTMLDivElement>(null);
  const futureInner = useRef<SVGSVGElement>(null);
  const live = useRef<SVGSVGElement>(null);
  const dotGroup = useRef<SVGGElement>(null);
  const dotPath = useRef(new Map<SegmentKind, SVGPathElement>());
  const visible = useMemo(() => (geo ? visibleArrows(geo.arrows, top - 100, top + height + 100, geo.maxSpan) : []), [geo, top, height]);
  const visibleRef = useRef<LadderArrow[]>(visible);
  visibleRef.current = visible;

  // Store → motion value: jump while playing (the track is already continuous), glide when stepping.
  useEffect(() => {
    let anim: ReturnType<typeof animate> | null = null;
    const to = (y: number, glide: boolean, speed: number): void => {
      anim?.stop();
      if (glide) anim = animate(now, y, { duration: STEP_SECONDS / speed, ease: [0.25, 0.1, 0.25, 1] });
      else now.set(y);
    };
    to(yOf(store.getState().position), false, 1);
    const unsub = store.subscribe((s, prev) => {
      if (s.position === prev.position && s.loaded === prev.loaded) return;
      to(yOf(s.position), !s.playing && s.loaded === prev.loaded, s.speed);
    });
    return () => {
      unsub();
      anim?.stop();
    };
  }, [store, now]);

  // Motion value → DOM: scroll first (while layout is still clean), then only transforms and a few attributes.
  useEffect(() => {
    const shown = new Map<SegmentKind, string>();
    let shownCount = -1;
    const paint = (y: number): void => {
      follow(y);
      const cut = Math.max(0, y + STUB);
      if (future.current) future.current.style.transform = `translate3d(0, ${cut}px, 0)`;
      if (futureInner.current) futureInner.current.style.transform = `translate3d(0, ${-cut}px, 0)`;
      if (live.current) live.current.style.transform = `translate3d(0, ${y - LIVE_H / 2}px, 0)`;
      const group = dotGroup.current;
      if (!group) return;
      const { d, count } = dotPaths(visibleRef.current, y);
      for (const kind of DOT_KINDS) {
        if (shown.get(kind) === d[kind]) continue;
        shown.set(kind, d[kind]);
        dotPath.current.get(kind)?.setAttribute('d', d[kind]);
      }
      if (count !== shownCount) {
        shownCount = count;
        group.setAttribute('data-in-flight', String(count));
      }
    };
    paint(now.get());
    return now.on('change', paint);
  }, [now, follow, visible, geo]);

  return (
    <section className="panel ladder" aria-labelledby="ladder-h">
      <div className="panel-head">
        <h2 id="ladder-h" className="panel-title">
          Sequence diagram
        </h2>
        <SeqToggle />
      </div>
      <div className="ladder-frame">
        <div className="ladder-lanes" aria-hidden="true">
          {geo?.lanes.map((ln) => (
            <span key={ln.host} className="lane-head" style={{ left: ln.x }}>
              <strong>{ln.host}</strong>
              <span className="muted">{ln.ip}</span>
            </span>
          ))}
        </div>
        {/* One scroller for the component's life: the viewport hook listens to this element. */}
        <div ref={scroller} className="ladder-scroll" tabIndex={0} role="region" aria-label="Sequence diagram, scrollable">
          {geo && (
            <div className="ladder-canvas" style={{ width: geo.width, height: geo.height }}>
              <svg className="ladder-svg" width={geo.width} height={geo.height} role="img" aria-label={`Sequence diagram of ${geo.arrows.length} segments between ${geo.lanes.map((l) => l.host).join(' and ')}. The packet log lists the same segments as text.`}>
                <defs>
                  {(['syn', 'fin', 'rst', 'data', 'ack'] as const).map((k) => (
                    <marker key={k} id={`head-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                      <path d="M0 0L10 5L0 10z" className={`head head-${k}`} />
                    </marker>
                  ))}
                </defs>
                <Backdrop geo={geo} />
                <LadderMarks geo={geo} top={top} height={height} />
                {visible.map((ar) => (
                  <Arrow key={ar.key} arrow={ar} rel={rel} selected={selected === ar.seg.id} onSelect={a.select} />
                ))}
              </svg>
              {/* The future: an opaque sheet whose top edge is "now"; its drawing is moved back so it stays put. */}
              <div ref={future} className="ladder-future" aria-hidden="true">
                <svg ref={futureInner} className="ladder-future-svg" width={geo.width} height={geo.height}>
                  <rect className="ladder-future-bg" x={0} y={0} width={geo.width} height={geo.height} />
                  <Backdrop geo={geo} />
                </svg>
              </div>
              {/* "Now" and the dots on it: a thin strip the compositor moves; only the dots are redrawn. */}
              <svg ref={live} className="ladder-live" width={geo.width} height={LIVE_H} aria-hidden="true">
                <g transform={`translate(0 ${LIVE_H / 2})`}>
                  <g className="now-line">
                    <line x1={0} x2={geo.width} y1={0} y2={0} />
                    <text x={geo.width - 6} y={-5} textAnchor="end">
                      now
                    </text>
                  </g>
                  <g ref={dotGroup} className="dots">
                    {DOT_KINDS.map((k) => (
                      <path
                        key={k}
                        ref={(el) => {
                          if (el) dotPath.current.set(k, el);
                          else dotPath.current.delete(k);
                        }}
                        className={`dot dot-${k}`}
                      />
                    ))}
                  </g>
                </g>
              </svg>
            </div>
          )}
        </div>
      </div>
      <Legend />
    </section>
  );
}

/** What the diagram shows ahead of "now" as well as behind it: idle gaps, time ticks, the hosts' lines. */
const Backdrop = memo(function Backdrop({ geo }: { geo: LadderGeometry }) {
  return (
    <>
      {geo.gaps.map((g) => (
        <g key={g.key} className="ladder-gap">
          <rect x={0} y={g.y1 + 10} width={geo.width} height={Math.max(0, g.y2 - g.y1 - 20)} />
          <text x={geo.width / 2} y={(g.y1 + g.y2) / 2 + 4} textAnchor="middle">
            ⋯ {g.text} ⋯
          </text>
        </g>
      ))}
      {geo.ticks.map((t) => (
        <text key={t.y} className="ladder-tick" x={8} y={t.y + 4}>
          {t.text}
        </text>
      ))}
      {geo.lanes.map((ln) => (
        <line key={ln.host} className="lane" x1={ln.x} x2={ln.x} y1={0} y2={geo.height} />
      ))}
    </>
  );
});

function Legend() {
  return (
    <ul className="legend" aria-label="Legend">
      <li>
        <span className="sw sw-syn" /> SYN
      </li>
      <li>
        <span className="sw sw-data" /> data
      </li>
      <li>
        <span className="sw sw-ack" /> ACK
      </li>
      <li>
        <span className="sw sw-fin" /> FIN
      </li>
      <li>
        <span className="sw sw-rst" /> RST
      </li>
      <li>
        <span className="legend-x">✕</span> lost
      </li>
      <li>↻ retransmission</li>
      <li>
        <span className="sw sw-block" /> call waiting
      </li>
    </ul>
  );
}
