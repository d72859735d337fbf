// Every header field the simulator models for one segment, relative and absolute, and why it was sent.

import { flagWords, formatDuration, seqOf, stepOfEvent } from '../../playback/index.ts';
import { useActions, usePlayback } from '../hooks/usePlayback.ts';

export default function PacketDetail() {
  const loaded = usePlayback((s) => s.loaded);
  const selected = usePlayback((s) => s.selected);
  const a = useActions();
  if (!loaded || selected === null) return null;
  const seg = loaded.narration.segments.get(selected);
  if (!seg) return null;
  const rel = seqOf(seg, loaded.narration.rel);
  const stepOf = (): number => stepOfEvent(loaded.steps, loaded.timeline.events.indexOf(seg));
  const o = seg.options;

  return (
    <section className="panel detail" aria-labelledby="detail-h">
      <div className="panel-head">
        <h2 id="detail-h" className="panel-title">
          Segment #{seg.id}: {flagWords(seg.flags)}
        </h2>
        <span>
          <button type="button" className="btn btn-small" onClick={() => a.seek(stepOf())}>
            Go to its step
          </button>{' '}
          <button type="button" className="btn btn-small" onClick={() => a.select(null)} aria-label="Close segment details">
            Close
          </button>
        </span>
      </div>
      <dl className="fields">
        <Field k="Sent at" v={`${formatDuration(seg.t)} (t = ${(seg.t / 1e6).toFixed(6)} s)`} />
        <Field k="From" v={`${seg.src} (${seg.srcHost})`} />
        <Field k="To" v={`${seg.dst}${seg.dstHost ? ` (${seg.dstHost})` : ' (no such host)'}`} />
        <Field k="Flags" v={`[${seg.flags}] ${flagWords(seg.flags)}`} />
        <Field k="Sequence number" v={`${seg.seq} (relative ${rel.seq})`} />
        <Field k="Acknowledgment" v={seg.flags.includes('.') ? `${seg.ack} (relative ${rel.ack})` : `${seg.ack} (ACK flag not set: ignored)`} />
        <Field k="Payload length" v={`${seg.len} bytes${seg.len > 0 ? `, seq ${rel.seq}:${(rel.seq + seg.len) >>> 0}` : ''}`} />
        {seg.data !== undefined && seg.data !== '' && <Field k="Payload" v={JSON.stringify(seg.data)} />}
        <Field k="Window" v={`${seg.win}${o?.wscale === undefined && !seg.flags.includes('S') ? ' (scaled by the window-scale factor agreed in the handshake)' : ''}`} />
        {o && (
          <Field
            k="Options"
            v={[o.mss !== undefined ? `MSS ${o.mss}` : null, o.wscale !== undefined ? `window scale ${o.wscale}` : null, o.sackOk ? 'SACK permitted' : null, o.cookie ? 'carries a SYN cookie' : null].filter(Boolean).join(', ') || 'none'}
          />
        )}
        {seg.why && <Field k="Why it was sent" v={seg.why} />}
        <Field k="Fate" v={seg.fate === 'dropped' ? `lost in the network${seg.faultNote ? ` (${seg.faultNote})` : ''}` : seg.arrive.length > 1 ? 'delivered twice (duplicated)' : 'delivered'} />
        {seg.faultNote && seg.fate !== 'dropped' && <Field k="Network" v={seg.faultNote} />}
        {seg.arrive.map((t, i) => (
          <Field key={i} k={i === 0 ? 'Arrived at' : 'Arrived again at'} v={`${formatDuration(t)} — ${formatDuration(t - seg.t)} in flight`} />
        ))}
      </dl>
    </section>
  );
}

function Field({ k, v }: { k: string; v: string }) {
  return (
    <div className="field">
      <dt>{k}</dt>
      <dd>{v}</dd>
    </div>
  );
}

