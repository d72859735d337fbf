// Compare a kernel recording (conformance/fixtures/<id>.json) with the simulator's jsonl output for the same
// scenario, after normalizing both:
//   - endpoints become host names (from the scenario's hosts); a port that the scenario names (bind, connect,
//     synflood) stays, any other (ephemeral) port becomes eph1, eph2, … in order of first appearance per host;
//     an address no host owns (a forged synflood source) becomes spoofed1, spoofed2, ... in order of appearance;
//   - seq is relative to the sender's ISN on that connection (the seq of the first SYN sent in that direction of
//     the 4-tuple), ack relative to the receiver's ISN (only when the ACK flag is set; otherwise the ack field is
//     ignored); a side that never sent a SYN (e.g. a closed port answering with RST) keeps absolute numbers;
//   - segments are compared per direction (ordered pair of normalized endpoints), in order: flags, seq, ack,
//     len and fate (and win with { checkWin: true }); segments crossing on the wire can legitimately interleave
//     in either order, so the global order is not compared;
//   - calls are compared per (host, thread), in order: call name and result (ret or errno), sleep excluded;
//   - final socket states: the kernel's `ss` list against the last state the simulator reported per socket
//     (sockets the simulator ended in CLOSED are absent from ss, so they are dropped on both sides).
// Pure: no I/O here except in the CLI at the bottom.
/* global process, console, URL */

const IGNORED_CALLS = new Set(['sleep']);

function scenarioOf(fixture) {
  return fixture.scenario ?? { hosts: {}, steps: [] };
}

/** Ports the scenario names explicitly: they are kept as numbers when normalizing. */
function namedPorts(scenario) {
  const ports = new Set();
  for (const s of scenario.steps ?? []) {
    if (typeof s.port === 'number') ports.add(s.port);
    if (typeof s.addr === 'string') {
      const p = Number(s.addr.slice(s.addr.lastIndexOf(':') + 1));
      if (Number.isFinite(p)) ports.add(p);
    }
  }
  return ports;
}

function makeNormalizer(scenario) {
  const ipToHost = new Map(Object.entries(scenario.hosts ?? {}).map(([name, h]) => [h.ip, name]));
  const ports = namedPorts(scenario);
  const eph = new Map(); // "host:port" -> "host:ephN"
  const ephCount = new Map();
  const spoofed = new Map(); // ip:port of a forged source -> spoofedN
  const hostOf = (ip) => ipToHost.get(ip) ?? (ip === '0.0.0.0' || ip === '*' ? null : 'spoofed');
  const endpoint = (ep, ownerHost) => {
    if (ep === '*' || ep === '*:*' || ep === '0.0.0.0:*') return '*';
    const i = ep.lastIndexOf(':');
    const ip = ep.slice(0, i);
    const portText = ep.slice(i + 1);
    let host = hostOf(ip);
    if (host === null) host = ownerHost ?? ip;
    if (host === 'spoofed') {
      // Forged sources differ between recorder and simulator: number them in order of first appearance.
      if (!spoofed.has(ep)) spoofed.set(ep, `spoofed${spoofed.size + 1}`);
      return spoofed.get(ep);
    }
    const port = Number(portText);
    if (portText === '*' || ports.has(port)) return `${host}:${portText}`;
    const key = `${host}:${port}`;
    if (!eph.has(key)) {
      const n = (ephCount.get(host) ?? 0) + 1;
      ephCount.set(host, n);
      eph.set(key, `${host}:eph${n}`);
    }
    return eph.get(key);
  };
  return { endpoint };
}

const U32 = 2 ** 32;
const rel = (value, base) => (base === undefined ? `abs:${value}` : (value - base + U32) % U32);

function normalizeSegments(events, norm) {
  const isn = new Map();
  const byDir = new Map();
  for (const e of events) {
    if (e.type !== 'segment') continue;
    const src = norm.endpoint(e.src);
    const dst = norm.endpoint(e.dst);
    const flags = e.flags;
    const dir = `${src}>${dst}`;
    const back = `${dst}>${src}`;
    // ISNs are per connection: the first SYN sent in this direction of this 4-tuple.
    if (flags.includes('S') && !isn.has(dir)) isn.set(dir, e.seq);
    const seg = {
      t: e.t,
      flags,
      seq: rel(e.seq, isn.get(dir)),
      ack: flags.includes('.') ? rel(e.ack, isn.get(back)) : '-',
      len: e.len,
      win: e.win,
      fate: e.fate ?? 'delivered',
      // Where a segment goes nowhere (spoofed source) or to a crashed host, "dropped" vs "delivered" is a
      // convention of the recorder, not kernel behaviour: do not compare the fate then.
      fateLoose: e.reason === 'no-route' || e.reason === 'crashed' || dst.startsWith('spoofed'),
    };
    if (!byDir.has(dir)) byDir.set(dir, []);
    byDir.get(dir).push(seg);
  }
  return byDir;
}

function segText(s, checkWin) {
  return `${s.flags} seq ${s.seq} ack ${s.ack} len ${s.len}${checkWin ? ` win ${s.win}` : ''} ${s.fate} @${(s.t * 1000).toFixed(1)}ms`;
}

function normalizeCalls(events) {
  const byThread = new Map();
  for (const e of events) {
    if (e.type !== 'call' || IGNORED_CALLS.has(e.call)) continue;
    const key = `${e.host}/${e.thread ?? 'main'}`;
    if (!byThread.has(key)) byThread.set(key, []);
    byThread.get(key).push({ call: e.call, result: e.errno !== undefined ? String(e.errno) : String(e.ret), t: e.t });
  }
  return byThread;
}

function normalizeFinals(finals, norm) {
  // Uses the normalizer that has already seen the segments, so ephemeral ports are numbered in the order
  // they appeared on the wire on both sides.
  const out = [];
  for (const f of finals) {
    const [local, peer] = f.socket.split('>');
    out.push(`${f.host} ${norm.endpoint(local, f.host)}>${norm.endpoint(peer ?? '*', null)} ${f.state}`);
  }
  return out.sort();
}

/** The simulator reports state changes; its "final" list is the last state of every socket not CLOSED. */
function simFinals(simEvents) {
  const explicit = simEvents.filter((e) => e.type === 'final');
  if (explicit.length > 0) return explicit;
  const last = new Map();
  for (const e of simEvents) {
    if (e.type !== 'state') continue;
    last.set(`${e.host}|${e.socket}`, { host: e.host, socket: e.socket, state: e.to });
  }
  return [...last.values()].filter((f) => f.state !== 'CLOSED');
}

/**
 * Compare a kernel fixture with simulator events.
 * @param {object} fixture a conformance fixture ({ scenario, events, final, ... })
 * @param {object[]} simEvents the simulator's jsonl lines, parsed (segment, call, state events), or another
 *   fixture's events followed by its final entries
 * @param {{ maxMismatches?: number, checkWin?: boolean, checkFinal?: boolean, timeToleranceMs?: number }} [options]
 * @returns {{ ok: boolean, mismatches: string[] }}
 */
export function compareRecording(fixture, simEvents, options = {}) {
  const max = options.maxMismatches ?? 20;
  const checkWin = options.checkWin ?? false;
  const tol = options.timeToleranceMs;
  const scenario = scenarioOf(fixture);
  const mismatches = [];
  const add = (m) => {
    if (mismatches.length < max) mismatches.push(m);
  };

  // Segments, per direction.
  const kNorm = makeNormalizer(scenario);
  const sNorm = makeNormalizer(scenario);
  const kSegs = normalizeSegments(fixture.events ?? [], kNorm);
  const sSegs = normalizeSegments(simEvents, sNorm);
  const dirs = [...new Set([...kSegs.keys(), ...sSegs.keys()])].sort();
  for (const dir of dirs) {
    const k = kSegs.get(dir) ?? [];
    const s = sSegs.get(dir) ?? [];
    const n = Math.max(k.length, s.length);
    for (let i = 0; i < n; i++) {
      const a = k[i];
      const b = s[i];
      if (!a) {
        add(`segment ${dir} #${i + 1}: kernel sent no more segments, simulator sent ${segText(b, checkWin)}` +
          (s.length - i > 1 ? ` (+${s.length - i - 1} more)` : ''));
        break;
      }
      if (!b) {
        add(`segment ${dir} #${i + 1}: simulator sent no more segments, kernel sent ${segText(a, checkWin)}` +
          (k.length - i > 1 ? ` (+${k.length - i - 1} more)` : ''));
        break;
      }
      const same = a.flags === b.flags && a.seq === b.seq && a.ack === b.ack && a.len === b.len &&
        (a.fate === b.fate || a.fateLoose) && (!checkWin || a.win === b.win);
      if (!same) {
        add(`segment ${dir} #${i + 1}: kernel ${segText(a, checkWin)}, simulator ${segText(b, checkWin)}`);
        break; // later segments of this direction are shifted: report the first difference only
      }
      if (tol !== undefined && Math.abs(a.t - b.t) * 1000 > tol) {
        add(`segment ${dir} #${i + 1} (${a.flags}): kernel at ${(a.t * 1000).toFixed(1)} ms, simulator at ` +
          `${(b.t * 1000).toFixed(1)} ms (tolerance ${tol} ms)`);
      }
    }
  }

  // Calls, per host/thread.
  const kCalls = normalizeCalls(fixture.events ?? []);
  const sCalls = normalizeCalls(simEvents);
  const threads = [...new Set([...kCalls.keys(), ...sCalls.keys()])].sort();
  for (const th of threads) {
    const k = kCalls.get(th) ?? [];
    const s = sCalls.get(th) ?? [];
    const n = Math.max(k.length, s.length);
    for (let i = 0; i < n; i++) {
      const a = k[i];
      const b = s[i];
      if (!a || !b) {
        const [who, other, c] = a ? ['simulator', 'kernel', a] : ['kernel', 'simulator', b];
        add(`call ${th} #${i + 1}: ${who} made no more calls; ${other}: ${c.call} = ${c.result}`);
        break;
      }
      if (a.call !== b.call || a.result !== b.result) {
        add(`call ${th} #${i + 1}: kernel ${a.call} = ${a.result}, simulator ${b.call} = ${b.result}`);
        break;
      }
      if (tol !== undefined && Math.abs(a.t - b.t) * 1000 > tol) {
        add(`call ${th} #${i + 1} ${a.call}: kernel returned at ${(a.t * 1000).toFixed(1)} ms, simulator at ` +
          `${(b.t * 1000).toFixed(1)} ms (tolerance ${tol} ms)`);
      }
    }
  }

  // Final states.
  if (options.checkFinal ?? true) {
    const kf = normalizeFinals(fixture.final ?? [], kNorm);
    const sf = normalizeFinals(simFinals(simEvents), sNorm);
    const missing = kf.filter((x) => !sf.includes(x));
    const extra = sf.filter((x) => !kf.includes(x));
    for (const m of missing) add(`final: kernel has "${m}", simulator does not`);
    for (const m of extra) add(`final: simulator has "${m}", kernel does not`);
  }

  return { ok: mismatches.length === 0, mismatches };
}

/** Parse jsonl text (or a fixture's JSON text) into simulator-style events. */
export function parseEvents(text) {
  const trimmed = text.trim();
  if (trimmed.startsWith('{') && !trimmed.includes('\n{')) {
    const obj = JSON.parse(trimmed);
    if (Array.isArray(obj.events)) return [...obj.events, ...(obj.final ?? [])];
  }
  return trimmed.split('\n').filter((l) => l.trim() !== '').map((l) => JSON.parse(l));
}

// CLI: node conformance/compare.mjs <fixture.json> <sim.jsonl | other-fixture.json> [--win] [--time MS]
const isMain = typeof process !== 'undefined' && process.argv[1] &&
  import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  const { readFileSync } = await import('node:fs');
  const args = process.argv.slice(2);
  const files = args.filter((a, i) => !a.startsWith('--') && args[i - 1] !== '--time');
  if (files.length !== 2) {
    console.error('usage: node conformance/compare.mjs <fixture.json> <sim.jsonl|fixture.json> [--win] [--time MS]');
    process.exit(2);
  }
  const fixture = JSON.parse(readFileSync(files[0], 'utf8'));
  const sim = parseEvents(readFileSync(files[1], 'utf8'));
  const ti = args.indexOf('--time');
  const res = compareRecording(fixture, sim, {
    checkWin: args.includes('--win'),
    timeToleranceMs: ti >= 0 ? Number(args[ti + 1]) : undefined,
  });
  if (res.ok) console.log(`${fixture.id}: OK`);
  else console.log(`${fixture.id}: ${res.mismatches.length} mismatch(es)\n  ${res.mismatches.join('\n  ')}`);
  process.exit(res.ok ? 0 : 1);
}
