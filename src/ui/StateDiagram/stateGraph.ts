// The RFC 9293 state diagram (section 3.3.2, figure 5) laid out for an SVG, with each edge labelled in
// socket-API words: "event / action". CLOSED appears twice — where a connection begins and where it ends —
// as in the RFC's figure, so no edge has to loop around the whole picture.

import type { TcpState } from '../../playback/index.ts';

export type NodeId = TcpState | 'CLOSED-END';

export interface GraphNode {
  id: NodeId;
  state: TcpState;
  x: number;
  y: number;
}

export interface GraphEdge {
  from: NodeId;
  to: NodeId;
  label: string;
  /** Bend of the curve (px, perpendicular); 0 = straight. */
  bend: number;
}

export const VIEW_W = 480;
export const VIEW_H = 560;
export const NODE_W = 112;
export const NODE_H = 30;

export const NODES: readonly GraphNode[] = [
  { id: 'CLOSED', state: 'CLOSED', x: 240, y: 28 },
  { id: 'LISTEN', state: 'LISTEN', x: 240, y: 112 },
  { id: 'SYN-RECEIVED', state: 'SYN-RECEIVED', x: 80, y: 196 },
  { id: 'SYN-SENT', state: 'SYN-SENT', x: 400, y: 196 },
  { id: 'ESTABLISHED', state: 'ESTABLISHED', x: 240, y: 280 },
  { id: 'FIN-WAIT-1', state: 'FIN-WAIT-1', x: 80, y: 364 },
  { id: 'CLOSE-WAIT', state: 'CLOSE-WAIT', x: 400, y: 364 },
  { id: 'FIN-WAIT-2', state: 'FIN-WAIT-2', x: 66, y: 448 },
  { id: 'CLOSING', state: 'CLOSING', x: 214, y: 448 },
  { id: 'LAST-ACK', state: 'LAST-ACK', x: 400, y: 448 },
  { id: 'TIME-WAIT', state: 'TIME-WAIT', x: 140, y: 530 },
  { id: 'CLOSED-END', state: 'CLOSED', x: 400, y: 530 },
];

export const EDGES: readonly GraphEdge[] = [
  { from: 'CLOSED', to: 'LISTEN', label: 'listen()', bend: 0 },
  { from: 'CLOSED', to: 'SYN-SENT', label: 'connect() / snd SYN', bend: -30 },
  { from: 'LISTEN', to: 'SYN-RECEIVED', label: 'rcv SYN / snd SYN,ACK', bend: 0 },
  { from: 'LISTEN', to: 'SYN-SENT', label: 'send / snd SYN', bend: 0 },
  { from: 'SYN-SENT', to: 'SYN-RECEIVED', label: 'rcv SYN / snd SYN,ACK', bend: 0 },
  { from: 'SYN-RECEIVED', to: 'LISTEN', label: 'rcv RST', bend: -26 },
  { from: 'SYN-SENT', to: 'ESTABLISHED', label: 'rcv SYN,ACK / snd ACK', bend: 0 },
  { from: 'SYN-RECEIVED', to: 'ESTABLISHED', label: 'rcv ACK of SYN', bend: 0 },
  { from: 'SYN-RECEIVED', to: 'FIN-WAIT-1', label: 'close() / snd FIN', bend: 30 },
  { from: 'ESTABLISHED', to: 'FIN-WAIT-1', label: 'close() / snd FIN', bend: 0 },
  { from: 'ESTABLISHED', to: 'CLOSE-WAIT', label: 'rcv FIN / snd ACK', bend: 0 },
  { from: 'FIN-WAIT-1', to: 'FIN-WAIT-2', label: 'rcv ACK of FIN', bend: 0 },
  { from: 'FIN-WAIT-1', to: 'CLOSING', label: 'rcv FIN / snd ACK', bend: 0 },
  { from: 'FIN-WAIT-2', to: 'TIME-WAIT', label: 'rcv FIN / snd ACK', bend: 0 },
  { from: 'CLOSING', to: 'TIME-WAIT', label: 'rcv ACK of FIN', bend: 0 },
  { from: 'CLOSE-WAIT', to: 'LAST-ACK', label: 'close() / snd FIN', bend: 0 },
  { from: 'LAST-ACK', to: 'CLOSED-END', label: 'rcv ACK of FIN', bend: 0 },
  { from: 'TIME-WAIT', to: 'CLOSED-END', label: 'timeout 2MSL (60 s)', bend: 0 },
];

const BOTTOM: ReadonlySet<TcpState> = new Set(['FIN-WAIT-1', 'FIN-WAIT-2', 'CLOSING', 'CLOSE-WAIT', 'LAST-ACK', 'TIME-WAIT', 'ESTABLISHED']);

/** Which CLOSED node a transition into CLOSED lands on: the end one after teardown or a reset. */
export function nodeFor(state: TcpState, from: TcpState | null): NodeId {
  if (state === 'CLOSED' && from !== null && BOTTOM.has(from)) return 'CLOSED-END';
  return state;
}

export function findEdge(from: NodeId, to: NodeId): GraphEdge | null {
  return EDGES.find((e) => e.from === from && e.to === to) ?? null;
}

export function node(id: NodeId): GraphNode {
  return NODES.find((n) => n.id === id)!;
}

/** Where a line from a node's center towards (tx, ty) leaves its rounded box. */
export function boxExit(n: GraphNode, tx: number, ty: number): [number, number] {
  const dx = tx - n.x;
  const dy = ty - n.y;
  if (dx === 0 && dy === 0) return [n.x, n.y];
  const sx = dx === 0 ? Infinity : NODE_W / 2 / Math.abs(dx);
  const sy = dy === 0 ? Infinity : NODE_H / 2 / Math.abs(dy);
  const s = Math.min(sx, sy);
  return [n.x + dx * s, n.y + dy * s];
}

/** An SVG path for an edge (quadratic when bent) and the point for its label. */
export function edgePath(from: GraphNode, to: GraphNode, bend: number): { d: string; lx: number; ly: number } {
  const mx = (from.x + to.x) / 2;
  const my = (from.y + to.y) / 2;
  const len = Math.hypot(to.x - from.x, to.y - from.y) || 1;
  const cx = mx + (-(to.y - from.y) / len) * bend;
  const cy = my + ((to.x - from.x) / len) * bend;
  const [x1, y1] = boxExit(from, cx, cy);
  const [x2, y2] = boxExit(to, cx, cy);
  const d = bend === 0 ? `M${x1} ${y1}L${x2} ${y2}` : `M${x1} ${y1}Q${cx} ${cy} ${x2} ${y2}`;
  return { d, lx: bend === 0 ? mx : (mx + cx) / 2, ly: bend === 0 ? my : (my + cy) / 2 };
}
