// What the lab's numbers rest on, and where they stop: a student or an instructor should know which parts are
// Linux as measured and which are the simulator's simplification.

export function AboutSimulation() {
  return (
    <details className="about-sim">
      <summary>About this simulation: what is real, what is simplified</summary>
      <div className="about-sim-body">
        <p>
          Every view is drawn from one run of a TCP simulator that follows RFC 9293 and Linux's defaults: the
          sysctls of a 6.x kernel (somaxconn 4096, tcp_syn_retries 6 with 4 linear timeouts, tcp_synack_retries 5,
          tcp_fin_timeout 60 s, keepalive 7200/75/9), a 60 s TIME-WAIT, delayed ACK of at least 40 ms with quick-ack
          at the start of a connection, Nagle's rule as Linux applies it, SYN cookies, and the accept queue holding
          one more than its limit.
        </p>
        <p>
          Most built-in scenarios were also run on a real Linux 6.18 kernel; the simulator produces the same
          segments (flags, relative sequence numbers, lengths, windows), the same call results and the same final socket
          states. Kernel timers fire through a model of Linux's timer wheel, so they are a little late the way real
          ones are (a 60 s TIME-WAIT ends up to 2 s later).
        </p>
        <p>It simplifies:</p>
        <ul>
          <li>Sequence numbers and ports come from the scenario's seed, not from Linux's hashes.</li>
          <li>Timestamps and SACK blocks are not modelled (only their 12 option bytes per segment).</li>
          <li>
            Congestion control is NewReno, not CUBIC (tail loss probes are modelled); the receive buffer does not
            grow for an application that reads fast. Long bulk transfers therefore drift from a real kernel after a
            few round trips, while windows, ACKs and PSH flags of shorter exchanges match it.
          </li>
          <li>Calls take no time; threads that act at the same instant run in the order of the scenario file.</li>
          <li>There is one wire between hosts with one delay; no routing, no MTU discovery, no IPv6.</li>
        </ul>
      </div>
    </details>
  );
}
