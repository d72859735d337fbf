// The ladder (sequence) diagram: a vertical line per host, segments as sloped arrows. Play's "now" is one
// motion value; a single clip rectangle driven by it reveals every arrow at once, and the dots riding the
// arrows in flight are moved by direct attribute writes — no React render per frame, however many arrows.

import { animate, useMotionValue } from 'framer-motion';
import { useEffect, useMemo, useRef } from 'react';
import { MIN_DWELL_MS } from '../../playback/index.ts';
import { usePlaybackStore, usePlayback, useActions } from '../hooks/usePlayback.ts';
import { Arrow } from './Arrow.tsx';
import { LadderMarks } from './LadderMarks.tsx';
import { ladderGeometry, PX_PER_MS, visibleArrows, yOf, type LadderArrow } from './ladderGeometry.ts';
import { SeqToggle } from './SeqToggle.tsx';
import { useViewport } from './useViewport.ts';

/** How far below "now" the diagram shows: the first stretch of an arrow that has just left. */
const STUB = MIN_DWELL_MS * PX_PER_MS * 0.4;
/** Stepping animates "now" this long at 1× (scaled by speed). */
const STEP_SECONDS = 0.45;

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
  const clipRect = useRef<SVGRectElement>(null);
  const nowLine = useRef<SVGGElement>(null);
  const dots = useRef(new Map<string, SVGCircleElement>());
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

  // Motion value → DOM: the clip, the "now" line, the dots in flight, and the scroll position.
  useEffect(() => {
    const paint = (y: number): void => {
      clipRect.current?.setAttribute('height', String(Math.max(0, y + STUB)));
      nowLine.current?.setAttribute('transform', `translate(0 ${y})`);
      for (const arrow of visibleRef.current) {
        const dot = dots.current.get(arrow.key);
        if (!dot) continue;
        const inFlight = y > arrow.y1 && y < arrow.y2;
        if (!inFlight) {
          dot.setAttribute('opacity', '0');
          continue;
        }
        const f = (y - arrow.y1) / (arrow.y2 - arrow.y1);
        dot.setAttribute('cx', String(arrow.x1 + (arrow.x2 - arrow.x1) * f));
        dot.setAttribute('cy', String(y));
        dot.setAttribute('opacity', '1');
      }
      follow(y);
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
            <svg className="ladder-svg" width={geo.width} height={geo.height} role="img" aria-label={`Sequence diagram of ${geo.arrows.length} segments between ${geo.lanes.map((l) => l.host).join(' and ')}. The packet log lists the same segments as text.`}>
              <defs>
                <clipPath id="ladder-past">
                  <rect ref={clipRect} x={0} y={0} width={geo.width} height={0} />
                </clipPath>
                {(['syn', 'fin', 'rst', 'data', 'ack'] as const).map((k) => (
                  <marker key={k} id={`head-${k}`} viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                    <path d="M0 0L10 5L0 10z" className={`head head-${k}`} />
                  </marker>
                ))}
              </defs>
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
              <g clipPath="url(#ladder-past)">
                <LadderMarks geo={geo} top={top} height={height} />
                {visible.map((ar) => (
                  <Arrow key={ar.key} arrow={ar} rel={rel} selected={selected === ar.seg.id} onSelect={a.select} />
                ))}
              </g>
              <g className="dots" aria-hidden="true">
                {visible.map((ar) => (
                  <circle
                    key={ar.key}
                    ref={(el) => {
                      if (el) dots.current.set(ar.key, el);
                      else dots.current.delete(ar.key);
                    }}
                    className={`dot dot-${ar.kind}`}
                    r={4.5}
                    cx={ar.x1}
                    cy={ar.y1}
                    opacity={0}
                  />
                ))}
              </g>
              <g ref={nowLine} className="now-line" aria-hidden="true">
                <line x1={0} x2={geo.width} y1={0} y2={0} />
                <text x={geo.width - 6} y={-5} textAnchor="end">
                  now
                </text>
              </g>
            </svg>
          )}
        </div>
      </div>
      <Legend />
    </section>
  );
}

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
