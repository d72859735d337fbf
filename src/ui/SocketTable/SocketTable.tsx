// `ss -tan -o` per host at the current step: State, Recv-Q, Send-Q, Local, Peer, timer.

import { useMemo } from 'react';
import { socketTables } from '../../playback/index.ts';
import { usePlayback } from '../hooks/usePlayback.ts';
import { StateBadge } from './StateBadge.tsx';

export function SocketTable() {
  const view = usePlayback((s) => s.view);
  const hosts = usePlayback((s) => s.loaded?.timeline.hosts ?? null);
  const tables = useMemo(() => (view && hosts ? socketTables(view, hosts) : []), [view, hosts]);

  return (
    <section className="panel sockets" aria-labelledby="sockets-h">
      <h2 id="sockets-h" className="panel-title">
        Sockets <span className="panel-sub">as <code>ss -tan -o</code> shows them</span>
      </h2>
      {tables.map((t) => (
        <div key={t.host} className="ss-host" data-host={t.host}>
          <h3 className="ss-title">
            {t.host} <span className="muted">{t.ip}</span> <code className="muted">$ ss -tan -o</code>
          </h3>
          <div className="table-scroll" tabIndex={0} role="region" aria-label={`Sockets on ${t.host}`}>
            <table className="ss">
              <thead>
                <tr>
                  <th scope="col">State</th>
                  <th scope="col" className="num">
                    Recv-Q
                  </th>
                  <th scope="col" className="num">
                    Send-Q
                  </th>
                  <th scope="col">Local Address:Port</th>
                  <th scope="col">Peer Address:Port</th>
                  <th scope="col">Timer</th>
                  <th scope="col">fd</th>
                </tr>
              </thead>
              <tbody>
                {t.rows.length === 0 && (
                  <tr>
                    <td colSpan={7} className="muted">
                      No sockets.
                    </td>
                  </tr>
                )}
                {t.rows.map((r) => (
                  <tr key={r.sid} data-sid={r.sid} data-state={r.state} data-socket={`${r.local}>${r.peer}`}>
                    <td>
                      <StateBadge state={r.state} label={r.ssState} />
                    </td>
                    <td className="num">{r.recvQ}</td>
                    <td className="num">{r.sendQ}</td>
                    <td className="mono">{r.local}</td>
                    <td className="mono">{r.peer}</td>
                    <td className="mono">{r.timer ? <>{r.timer.slice(0, 7)}<wbr />{r.timer.slice(7)}</> : ''}</td>
                    <td className="mono">{r.fd ?? (r.half ? 'in SYN queue' : r.orphan ? 'orphan' : '—')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </div>
      ))}
      <p className="footnote">
        ss abbreviates ESTABLISHED as ESTAB, SYN-RECEIVED as SYN-RECV and shows a closed socket as UNCONN. For a listener, Recv-Q is the accept queue and Send-Q
        its limit. An orphan has been closed by its program but the kernel still finishes the goodbye.
      </p>
    </section>
  );
}
