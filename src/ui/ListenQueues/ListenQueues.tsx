// Each listener's two queues as slots that fill: the SYN queue (half-open requests, waiting for the client's
// ACK) and the accept queue (finished handshakes, waiting for accept()). Limits come from listen()'s backlog,
// capped by net.core.somaxconn, and tcp_max_syn_backlog.

import type { QueueView } from '../../playback/index.ts';
import { usePlayback } from '../hooks/usePlayback.ts';

/** Past this many slots a queue is drawn as a meter. */
const MAX_SLOTS = 24;

const CHANGES: Record<string, string> = {
  listen: 'listen() created both queues',
  'syn+': 'a SYN arrived: a request joined the SYN queue',
  'syn-': 'a request left the SYN queue',
  'accept+': 'a handshake completed: the connection moved to the accept queue',
  'accept-': 'accept() took a connection off the accept queue',
};

export default function ListenQueues() {
  const queues = usePlayback((s) => s.view?.queues ?? null);
  const hasListener = usePlayback((s) => s.loaded?.timeline.events.some((e) => e.type === 'queue') ?? false);
  const list = queues ? Object.values(queues) : [];
  return (
    <section className="panel queues" aria-labelledby="queues-h">
      <h2 id="queues-h" className="panel-title">
        Listen queues
      </h2>
      {list.length === 0 && <p className="muted">{hasListener ? 'No socket is listening yet at this step.' : 'No socket listens in this scenario.'}</p>}
      {list.map((q) => (
        <ListenerQueues key={q.sid} q={q} />
      ))}
      {list.length > 0 && (
        <p className="footnote">
          Linux lets the accept queue hold one more than the backlog before it drops SYNs (sk_acceptq_is_full tests “greater than”).
        </p>
      )}
    </section>
  );
}

function ListenerQueues({ q }: { q: QueueView }) {
  return (
    <div className="listener" data-sid={q.sid}>
      <h3 className="listener-title">
        {q.host} <code>{q.listener}</code>
      </h3>
      <Queue name="SYN queue" hint="half-open: SYN received, SYN,ACK sent" count={q.synQueue} max={q.synMax} />
      <Queue name="Accept queue" hint="handshake done, waiting for accept()" count={q.acceptQueue} max={q.acceptMax} />
      <p className="queue-change">{CHANGES[q.change] ?? q.change}</p>
    </div>
  );
}

function Queue({ name, hint, count, max }: { name: string; hint: string; count: number; max: number }) {
  const capacity = Math.max(max, count);
  const full = count >= max && max > 0;
  return (
    <div className={`queue${full ? ' queue-full' : ''}`}>
      <div className="queue-head">
        <span className="queue-name">{name}</span>
        <span className="queue-count" aria-label={`${name}: ${count} of ${max}`}>
          {count} / {max}
          {full ? ' — full' : ''}
        </span>
      </div>
      {capacity <= MAX_SLOTS ? (
        <div className="slots" aria-hidden="true">
          {Array.from({ length: capacity }, (_, i) => (
            <span key={i} className={`slot${i < count ? ' slot-on' : ''}${i >= max ? ' slot-over' : ''}`} />
          ))}
          {capacity === 0 && <span className="muted">no room (limit 0)</span>}
        </div>
      ) : (
        <div className="meter" aria-hidden="true">
          <span style={{ width: `${Math.min(100, (count / Math.max(1, max)) * 100)}%` }} />
        </div>
      )}
      <small className="muted">{hint}</small>
    </div>
  );
}
