// The drawing itself: nodes, edges, the lit state and the lit edge. Pure function of its props.

import type { StateEvent, TcpState } from '../../playback/index.ts';
import { statePhase } from '../theme/statePhase.ts';
import { EDGES, NODE_H, NODE_W, NODES, VIEW_H, VIEW_W, edgePath, findEdge, node, nodeFor } from './stateGraph.ts';

export function StateGraph({ current, last, fresh }: { current: TcpState; last: StateEvent | null; fresh: boolean }) {
  const here = nodeFor(current, last?.from ?? null);
  const from = last ? nodeFor(last.from, null) : null;
  const to = last ? nodeFor(last.to, last.from) : null;
  const known = from && to ? findEdge(from, to) : null;
  const extra = from && to && !known && from !== to ? edgePath(node(from), node(to), 40) : null;
  const label = last ? `${last.cause}${last.action ? ` / ${last.action}` : ''}` : '';

  return (
    <svg className="state-graph" viewBox={`0 0 ${VIEW_W} ${VIEW_H}`} role="img" aria-label={`State diagram; current state ${current}${last ? `, reached from ${last.from} on ${label}` : ''}`}>
      <defs>
        <marker id="sg-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0 0L10 5L0 10z" className="sg-head" />
        </marker>
        <marker id="sg-head-lit" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
          <path d="M0 0L10 5L0 10z" className="sg-head-lit" />
        </marker>
      </defs>
      {EDGES.map((e) => {
        const p = edgePath(node(e.from), node(e.to), e.bend);
        const lit = known === e;
        return (
          <g key={`${e.from}>${e.to}`} className={`sg-edge${lit ? ' sg-edge-lit' : ''}${lit && fresh ? ' sg-edge-fresh' : ''}`}>
            <path d={p.d} markerEnd={lit ? 'url(#sg-head-lit)' : 'url(#sg-head)'} />
            {!lit && (
              <text x={p.lx} y={p.ly - 4} textAnchor="middle">
                {e.label}
              </text>
            )}
          </g>
        );
      })}
      {extra && (
        <g className={`sg-edge sg-edge-lit sg-edge-extra${fresh ? ' sg-edge-fresh' : ''}`}>
          <path d={extra.d} markerEnd="url(#sg-head-lit)" />
        </g>
      )}
      {NODES.map((n) => {
        const on = n.id === here;
        return (
          <g key={n.id} className={`sg-node sg-${statePhase(n.state)}${on ? ' sg-node-on' : ''}`} transform={`translate(${n.x} ${n.y})`} data-node={n.id}>
            <rect x={-NODE_W / 2} y={-NODE_H / 2} width={NODE_W} height={NODE_H} rx={NODE_H / 2} />
            <text y={4} textAnchor="middle">
              {on ? '● ' : ''}
              {n.state}
            </text>
          </g>
        );
      })}
      {last && (known || extra) && <LitLabel from={from!} to={to!} bend={known?.bend ?? 40} text={label} />}
    </svg>
  );
}

function LitLabel({ from, to, bend, text }: { from: Parameters<typeof node>[0]; to: Parameters<typeof node>[0]; bend: number; text: string }) {
  const p = edgePath(node(from), node(to), bend);
  const short = text.length > 40 ? `${text.slice(0, 39)}…` : text;
  // Bold 11 px text is about 7 px a character in the fonts we get; err wide so nothing is cut.
  const w = short.length * 7 + 14;
  const x = Math.min(VIEW_W - w / 2 - 2, Math.max(w / 2 + 2, p.lx));
  return (
    <g className="sg-lit-label" transform={`translate(${x} ${p.ly})`}>
      <rect x={-w / 2} y={-11} width={w} height={20} rx={5} />
      <text y={4} textAnchor="middle">
        {short}
      </text>
    </g>
  );
}
