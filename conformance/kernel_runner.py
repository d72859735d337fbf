#!/usr/bin/env python3
"""Run one TCP Lab scenario (format v1) against the real Linux kernel and record what happens.

    python3 conformance/kernel_runner.py run SCENARIO.json [--jsonl OUT] [--fixture OUT.json]
                                                         [--pcap OUT.pcap] [--max-seconds N]

Topology (see conformance/README.md): one network namespace per scenario host, each with a TUN
device `tl0` holding the host's IP (/32, default route via tl0).  This process holds the other end
of every TUN device and acts as the wire: it reads each IP packet a host sends, records it (this is
the capture point: the sender's side of the wire), applies the scenario's one-way delay and faults,
and writes it into the destination host's TUN device.  This kernel has no sch_netem, so the delay is
applied here instead of by `tc qdisc netem`; the wire is also the place where drop / duplicate /
delay / reorder of the n-th matching segment, `crash` (blackhole) and the spoofed `synflood` are
done, so the recording knows the fate of every segment exactly.

Each host runs as one worker process (`ip netns exec <ns> python3 kernel_runner.py _worker`), so fd
numbers and RLIMIT_NOFILE are per host exactly as for a real process; each (host, thread) of the
scenario is a Python thread in that process.  Standard library only.

Output: the jsonl of the simulator's CLI (segment and call events, t in seconds from the scenario
start) plus `{"type":"final",...}` lines from `ss -tanoi` in every namespace at the end.

Exit codes: 0 ok, 3 scenario cannot be reproduced in the kernel (the reason is printed as
"UNSUPPORTED: ..."), 1 error.
"""
import argparse
import ctypes
import datetime
import errno as errno_mod
import heapq
import json
import os
import random
import re
import select
import signal
import socket
import struct
import subprocess
import sys
import threading
import time

CLONE_NEWNET = 0x40000000
TUNSETIFF = 0x400454CA
IFF_TUN = 0x0001
IFF_NO_PI = 0x1000

# Sysctls set in every namespace before the scenario's own (see README, "Kernel settings").
BASE_SYSCTLS = {}

# This VM's kernel is built with CONFIG_DEFAULT_TCP_CONG="bbr" (and a child namespace may only default to an
# "allowed" algorithm, which cubic is not here); distributions use cubic, so every socket the scenario creates
# gets TCP_CONGESTION "cubic" (accepted sockets inherit it from their listener).
CONGESTION = b'cubic'

SS_STATES = {
    'ESTAB': 'ESTABLISHED', 'SYN-SENT': 'SYN-SENT', 'SYN-RECV': 'SYN-RECEIVED', 'FIN-WAIT-1': 'FIN-WAIT-1',
    'FIN-WAIT-2': 'FIN-WAIT-2', 'TIME-WAIT': 'TIME-WAIT', 'UNCONN': 'CLOSED', 'CLOSE-WAIT': 'CLOSE-WAIT',
    'LAST-ACK': 'LAST-ACK', 'LISTEN': 'LISTEN', 'CLOSING': 'CLOSING',
}

HOST_CALLS = ('exit', 'crash', 'synflood', 'sleep')


def mono():
    return time.monotonic()


def realtime_priority(prio):
    """Run the calling thread (and threads it creates later) SCHED_FIFO, so that other load on the machine
    (builds, test runners) does not delay the wire or the scenario's calls. Best effort."""
    try:
        os.sched_setscheduler(threading.get_native_id(), os.SCHED_FIFO, os.sched_param(prio))
        return True
    except (OSError, AttributeError):
        return False


class Unsupported(Exception):
    pass


# ----------------------------------------------------------------------------------------------
# Packet parsing (tcpdump notation)
# ----------------------------------------------------------------------------------------------

def flag_str(f):
    s = ''
    for bit, ch in ((0x01, 'F'), (0x02, 'S'), (0x04, 'R'), (0x08, 'P'), (0x10, '.'), (0x20, 'U'), (0x40, 'E'),
                    (0x80, 'W')):
        if f & bit:
            s += ch
    return s or 'none'


def tcp_options(b):
    out = []
    i = 0
    while i < len(b):
        k = b[i]
        if k == 0:
            out.append('eol')
            break
        if k == 1:
            out.append('nop')
            i += 1
            continue
        if i + 1 >= len(b):
            break
        ln = b[i + 1]
        if ln < 2:
            break
        d = b[i + 2:i + ln]
        if k == 2 and len(d) == 2:
            out.append('mss %d' % struct.unpack('!H', d)[0])
        elif k == 3 and len(d) == 1:
            out.append('wscale %d' % d[0])
        elif k == 4:
            out.append('sackOK')
        elif k == 5:
            blocks = [struct.unpack('!II', d[j:j + 8]) for j in range(0, len(d) - 7, 8)]
            out.append('sack %d %s' % (len(blocks), ''.join('{%d:%d}' % bl for bl in blocks)))
        elif k == 8 and len(d) == 8:
            out.append('TS val %d ecr %d' % struct.unpack('!II', d))
        else:
            out.append('opt-%d' % k)
        i += ln
    return ','.join(out)


def parse_ipv4(pkt):
    """Return a dict for an IPv4 packet (with TCP fields when it is TCP), or None."""
    if len(pkt) < 20 or pkt[0] >> 4 != 4:
        return None
    ihl = (pkt[0] & 15) * 4
    total = struct.unpack('!H', pkt[2:4])[0]
    proto = pkt[9]
    src = socket.inet_ntoa(pkt[12:16])
    dst = socket.inet_ntoa(pkt[16:20])
    p = {'src_ip': src, 'dst_ip': dst, 'proto': proto}
    if proto != 6 or len(pkt) < ihl + 20:
        return p
    t = pkt[ihl:]
    sport, dport, seq, ack, off, flags, win = struct.unpack('!HHIIBBH', t[:16])
    doff = (off >> 4) * 4
    p.update(sport=sport, dport=dport, seq=seq, ack=ack, flags=flag_str(flags), win=win,
             len=total - ihl - doff, options=tcp_options(t[20:doff]))
    return p


def checksum(data):
    if len(data) % 2:
        data += b'\0'
    s = sum(struct.unpack('!%dH' % (len(data) // 2), data))
    while s >> 16:
        s = (s & 0xFFFF) + (s >> 16)
    return (~s) & 0xFFFF


def build_syn(src_ip, sport, dst_ip, dport, seq, ident):
    opts = struct.pack('!BBH', 2, 4, 1460)  # mss 1460
    tcp = struct.pack('!HHIIBBHHH', sport, dport, seq, 0, ((20 + len(opts)) // 4) << 4, 0x02, 64240, 0, 0) + opts
    pseudo = socket.inet_aton(src_ip) + socket.inet_aton(dst_ip) + struct.pack('!BBH', 0, 6, len(tcp))
    tcp = tcp[:16] + struct.pack('!H', checksum(pseudo + tcp)) + tcp[18:]
    ip = struct.pack('!BBHHHBBH4s4s', 0x45, 0, 20 + len(tcp), ident & 0xFFFF, 0x4000, 64, 6, 0,
                     socket.inet_aton(src_ip), socket.inet_aton(dst_ip))
    ip = ip[:10] + struct.pack('!H', checksum(ip)) + ip[12:]
    return ip + tcp


# ----------------------------------------------------------------------------------------------
# The wire
# ----------------------------------------------------------------------------------------------

class FaultState:
    def __init__(self, spec, index):
        self.spec = spec
        self.index = index
        self.action = spec['action']
        self.match = spec.get('match') or {}
        self.seen = 0
        self.hits = 0

    def matches(self, src_host, dst_host, p, t_ms):
        m = self.match
        if 'from' in m and m['from'] != src_host:
            return False
        if 'to' in m and m['to'] != dst_host:
            return False
        if 'flags' in m and m['flags'] != p['flags']:
            return False
        if 'hasData' in m and bool(m['hasData']) != (p['len'] > 0):
            return False
        if 'afterMs' in m and t_ms < m['afterMs']:
            return False
        if 'beforeMs' in m and t_ms >= m['beforeMs']:
            return False
        return True

    def hit(self, src_host, dst_host, p, t_ms, rng):
        """Count the segment if it matches; True when this fault applies to it."""
        if not self.matches(src_host, dst_host, p, t_ms):
            return False
        if self.action == 'loss':
            return rng.random() < float(self.spec.get('rate', 0))
        self.seen += 1
        nth = self.match.get('nth')
        count = self.spec.get('count')
        first = nth if nth is not None else 1
        if count is None:
            count = 1 if nth is not None else float('inf')
        if first <= self.seen < first + count:
            self.hits += 1
            return True
        return False


class Wire:
    def __init__(self, hosts, delay_ms, faults, seed, pcap_path=None):
        self.hosts = hosts  # name -> {'ip', 'tun'}
        self.ip2host = {h['ip']: n for n, h in hosts.items()}
        self.delay = float(delay_ms or 0) / 1000.0
        self.faults = [FaultState(f, i) for i, f in enumerate(faults or [])]
        self.rng = random.Random(seed if seed is not None else 1)
        self.t0 = None
        self.events = []
        self.heap = []
        self.seqno = 0
        self.held = {}
        self.crashed = set()
        self.suppressed = {}
        self.frozen = False
        self.last_activity = mono()
        self.lock = threading.Lock()
        self.inject = []
        self.rpipe, self.wpipe = os.pipe()
        self.stop_flag = False
        self.pcap = None
        self.other = 0
        self.rt = False
        self.max_late = 0.0
        if pcap_path:
            self.pcap = open(pcap_path, 'wb')
            self.pcap.write(struct.pack('<IHHiIII', 0xA1B2C3D4, 2, 4, 0, 0, 65535, 101))  # LINKTYPE_RAW
        self.thread = threading.Thread(target=self.loop, name='wire', daemon=True)

    def start(self):
        self.thread.start()

    def stop(self):
        self.stop_flag = True
        os.write(self.wpipe, b'x')
        self.thread.join(5)
        if self.pcap:
            self.pcap.close()

    def wake(self):
        os.write(self.wpipe, b'x')

    def crash(self, host):
        with self.lock:
            self.crashed.add(host)

    def freeze(self):
        with self.lock:
            self.frozen = True

    def synflood(self, from_host, dst_ip, dport, count, interval_ms, t_start):
        rng = random.Random('%r/%d' % (self.rng.random(), count))
        with self.lock:
            for i in range(count):
                src_ip = '10.0.%d.%d' % (200 + (i // 250) % 50, 1 + i % 250)
                pkt = build_syn(src_ip, rng.randint(1024, 65000), dst_ip, dport, rng.getrandbits(32), i)
                self.inject.append((t_start + i * interval_ms / 1000.0, from_host, pkt))
        self.wake()

    def rel(self, t):
        return round(t - self.t0, 6)

    def write_pcap(self, pkt):
        if self.pcap:
            now = time.time()
            self.pcap.write(struct.pack('<IIII', int(now), int((now % 1) * 1e6), len(pkt), len(pkt)) + pkt)

    def on_packet(self, src_host, pkt, now):
        p = parse_ipv4(pkt)
        if p is None:
            return
        with self.lock:
            if self.frozen or self.t0 is None:
                return
            if src_host in self.crashed:
                self.suppressed[src_host] = self.suppressed.get(src_host, 0) + 1
                return
            dst_host = self.ip2host.get(p['dst_ip'])
            if p['proto'] != 6:
                # Not TCP (should not happen: IPv6 is off); forward it unrecorded.
                self.other += 1
                if dst_host and dst_host not in self.crashed:
                    self.schedule(now + self.delay, dst_host, pkt, (src_host, dst_host), None)
                return
            self.last_activity = now
            self.write_pcap(pkt)
            t_ms = (now - self.t0) * 1000.0
            ev = {'t': self.rel(now), 'type': 'segment', 'src': '%s:%d' % (p['src_ip'], p['sport']),
                  'dst': '%s:%d' % (p['dst_ip'], p['dport']), 'flags': p['flags'], 'seq': p['seq'],
                  'ack': p['ack'], 'len': p['len'], 'win': p['win'], 'fate': 'delivered',
                  'options': p['options']}
            if src_host is None:
                ev['spoofed'] = True
            self.events.append(ev)
            if dst_host is None:
                ev['fate'] = 'dropped'
                ev['reason'] = 'no-route'
                return
            if dst_host in self.crashed:
                ev['fate'] = 'dropped'
                ev['reason'] = 'crashed'
                return
            extra = 0.0
            copies = 1
            reorder = False
            applied = []
            for f in self.faults:
                if not f.hit(src_host, dst_host, p, t_ms, self.rng):
                    continue
                applied.append('%s#%d' % (f.action, f.index))
                if f.action in ('drop', 'loss'):
                    ev['fate'] = 'dropped'
                    ev['reason'] = 'fault'
                    ev['fault'] = applied
                    return
                if f.action == 'duplicate':
                    copies += 1
                elif f.action == 'delay':
                    extra += float(f.spec.get('delayMs', 0)) / 1000.0
                elif f.action == 'reorder':
                    reorder = True
            if applied:
                ev['fault'] = applied
            due = now + self.delay + extra
            ev['tArrive'] = self.rel(due)
            direction = (src_host, dst_host)
            if reorder:
                self.held.setdefault(direction, []).append(pkt)
                ev['tArrive'] = None
                return
            for i in range(copies):
                e = ev
                if i:
                    e = dict(ev)
                    e['duplicate'] = True
                    self.events.append(e)
                self.schedule(due, dst_host, pkt, direction, e)

    def schedule(self, due, dst_host, pkt, direction, ev):
        self.seqno += 1
        heapq.heappush(self.heap, (due, self.seqno, dst_host, pkt, direction, ev))

    def deliver(self, dst_host, pkt, direction):
        fd = self.hosts[dst_host]['tun']
        try:
            os.write(fd, pkt)
        except OSError:
            pass
        held = self.held.pop(direction, None)
        if held:
            for h in held:
                try:
                    os.write(fd, h)
                except OSError:
                    pass

    def loop(self):
        self.rt = realtime_priority(20)
        fds = {h['tun']: n for n, h in self.hosts.items()}
        rlist = list(fds) + [self.rpipe]
        while not self.stop_flag:
            now = mono()
            with self.lock:
                timeout = 0.05
                if self.heap:
                    timeout = min(timeout, max(0.0, self.heap[0][0] - now))
                if self.inject:
                    self.inject.sort(key=lambda x: x[0])
                    timeout = min(timeout, max(0.0, self.inject[0][0] - now))
            r, _, _ = select.select(rlist, [], [], timeout)
            now = mono()
            for fd in r:
                if fd == self.rpipe:
                    os.read(self.rpipe, 4096)
                    continue
                while True:
                    try:
                        pkt = os.read(fd, 65536)
                    except BlockingIOError:
                        break
                    except OSError:
                        break
                    self.on_packet(fds[fd], pkt, mono())
            now = mono()
            with self.lock:
                while self.inject and self.inject[0][0] <= now:
                    _, from_host, pkt = self.inject.pop(0)
                    self.lock.release()
                    try:
                        self.on_packet(None, pkt, now)
                    finally:
                        self.lock.acquire()
                while self.heap and self.heap[0][0] <= now:
                    due, _, dst_host, pkt, direction, ev = heapq.heappop(self.heap)
                    if self.t0 is not None and not self.frozen:
                        self.max_late = max(self.max_late, now - due)
                    if self.frozen:
                        continue
                    if dst_host in self.crashed:
                        if ev is not None:
                            ev['fate'] = 'dropped'
                            ev['reason'] = 'crashed'
                        continue
                    self.deliver(dst_host, pkt, direction)


# ----------------------------------------------------------------------------------------------
# Namespaces
# ----------------------------------------------------------------------------------------------

libc = ctypes.CDLL(None, use_errno=True)


def setns(fd):
    if libc.setns(fd, CLONE_NEWNET) != 0:
        e = ctypes.get_errno()
        raise OSError(e, 'setns: ' + os.strerror(e))


def sh(*args, check=True):
    r = subprocess.run(args, capture_output=True, text=True)
    if check and r.returncode != 0:
        raise RuntimeError('%s failed: %s' % (' '.join(args), r.stderr.strip()))
    return r.stdout


def open_tun_in(ns):
    """Create TUN device tl0 inside namespace ns; return its fd (held by this process)."""
    root = os.open('/proc/self/ns/net', os.O_RDONLY)
    nsfd = os.open('/run/netns/' + ns, os.O_RDONLY)
    try:
        setns(nsfd)
        fd = os.open('/dev/net/tun', os.O_RDWR | os.O_NONBLOCK)
        import fcntl
        fcntl.ioctl(fd, TUNSETIFF, struct.pack('16sH22x', b'tl0', IFF_TUN | IFF_NO_PI))
    finally:
        setns(root)
        os.close(root)
        os.close(nsfd)
    return fd


def ns_sysctl(ns, key, value):
    path = '/proc/sys/' + key.replace('.', '/')
    # ip netns exec gives a view of /proc/sys/net for that namespace.
    r = subprocess.run(['ip', 'netns', 'exec', ns, 'sh', '-c', 'printf "%s" "$1" > "$2"', 'sh', str(value), path],
                       capture_output=True, text=True)
    if r.returncode != 0:
        raise RuntimeError('sysctl %s=%s in %s failed: %s' % (key, value, ns, r.stderr.strip()))


def setup_host_ns(ns, ip, mtu, sysctls):
    sh('ip', 'netns', 'add', ns)
    sh('ip', '-n', ns, 'link', 'set', 'lo', 'up')
    for k, v in [('net.ipv6.conf.all.disable_ipv6', 1), ('net.ipv6.conf.default.disable_ipv6', 1)]:
        ns_sysctl(ns, k, v)
    tun = open_tun_in(ns)
    sh('ip', '-n', ns, 'link', 'set', 'tl0', 'mtu', str(mtu))
    sh('ip', '-n', ns, 'addr', 'add', ip + '/32', 'dev', 'tl0')
    sh('ip', '-n', ns, 'link', 'set', 'tl0', 'up')
    sh('ip', '-n', ns, 'route', 'add', 'default', 'dev', 'tl0')
    # Segments on the wire at MSS size: no TSO/GSO batching (see README).
    subprocess.run(['ip', 'netns', 'exec', ns, 'ethtool', '-K', 'tl0', 'gso', 'off', 'tso', 'off'],
                   capture_output=True)
    all_sysctls = dict(BASE_SYSCTLS)
    all_sysctls.update(sysctls or {})
    for k, v in all_sysctls.items():
        ns_sysctl(ns, k, v)
    return tun


def ss_final(ns, host):
    out = subprocess.run(['ip', 'netns', 'exec', ns, 'ss', '-tanoi'], capture_output=True, text=True).stdout
    finals = []
    cur = None
    for line in out.splitlines()[1:]:
        if not line.strip():
            continue
        if line[0] in ' \t':
            if cur is not None:
                cur['info'] = (cur.get('info', '') + ' ' + line.strip()).strip()
            continue
        parts = line.split()
        if len(parts) < 5:
            continue
        state, recvq, sendq, local, peer = parts[:5]
        rest = ' '.join(parts[5:])
        m = re.search(r'timer:\(([^)]*)\)', rest)
        cur = {'type': 'final', 'host': host, 'socket': '%s>%s' % (local, peer),
               'state': SS_STATES.get(state, state), 'recvQ': int(recvq), 'sendQ': int(sendq)}
        if m:
            cur['timer'] = m.group(1)
        finals.append(cur)
    return finals


# ----------------------------------------------------------------------------------------------
# Coordinator
# ----------------------------------------------------------------------------------------------

def check_supported(sc, allow_random_loss=False):
    if sc.get('version') != 1:
        raise Unsupported('scenario version %r is not 1' % sc.get('version'))
    ips = {}
    for name, h in sc['hosts'].items():
        ip = h['ip']
        if ip.startswith('127.'):
            raise Unsupported('host %s uses loopback address %s: the kernel runner only builds one namespace per '
                              'host joined by a wire; same-host loopback scenarios are not recorded' % (name, ip))
        if ip in ips:
            raise Unsupported('hosts %s and %s share the IP %s' % (ips[ip], name, ip))
        ips[ip] = name
    for f in (sc.get('network') or {}).get('faults') or []:
        if f.get('action') == 'loss' and not allow_random_loss:
            raise Unsupported('random loss ("loss", rate %s) is drawn from the simulator\'s seeded RNG; the kernel run '
                              'cannot lose the same segments, so the recording could never be compared '
                              '(run with --allow-random-loss to record it anyway)' % f.get('rate'))
    for s in sc['steps']:
        if s.get('type', 'SOCK_STREAM') != 'SOCK_STREAM':
            raise Unsupported('socket type %s' % s.get('type'))
        if s['host'] not in sc['hosts']:
            raise Unsupported('step for unknown host %s' % s['host'])


def run_scenario(sc, pcap=None, max_seconds=300.0, settle=1.5, log=None, allow_random_loss=False):
    log = log or (lambda *a: None)
    check_supported(sc, allow_random_loss)
    notes = []
    hosts = sc['hosts']
    net = sc.get('network') or {}
    tag = 'tl%d' % (os.getpid() % 100000)
    nsnames = {name: '%s_%d' % (tag, i) for i, name in enumerate(hosts)}
    wire_hosts = {}
    workers = {}
    try:
        for name, h in hosts.items():
            tun = setup_host_ns(nsnames[name], h['ip'], h.get('mtu', 1500), h.get('sysctl'))
            wire_hosts[name] = {'ip': h['ip'], 'tun': tun}
        wire = Wire(wire_hosts, net.get('delayMs', 0), net.get('faults'), sc.get('seed'), pcap)
        wire.start()
        if any(f.get('action') == 'loss' for f in net.get('faults') or []):
            notes.append('random loss uses Python\'s Mersenne Twister seeded with the scenario seed; it cannot hit '
                         'the same segments as the simulator\'s RNG.')
        ip_of = {n: h['ip'] for n, h in hosts.items()}
        state = {'calls': [], 'done': {}, 'threads': {}, 'last': mono(), 'exited': set(), 'crashed': set(),
                 'blocked': {}, 'errors': []}
        lock = threading.Lock()
        me = os.path.abspath(__file__)

        for name in hosts:
            steps = [dict(s, _index=i) for i, s in enumerate(sc['steps']) if s['host'] == name]
            threads = sorted({s.get('thread', 'main') for s in steps if s['call']})
            state['threads'][name] = set(threads)
            state['done'][name] = set()
            cfg = {'host': name, 'ips': ip_of, 'steps': steps, 'nofile': hosts[name].get('nofile')}
            p = subprocess.Popen(['ip', 'netns', 'exec', nsnames[name], sys.executable, me, '_worker'],
                                 stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                 close_fds=True)
            p.stdin.write((json.dumps(cfg) + '\n').encode())
            p.stdin.flush()
            workers[name] = p

        ready = {}

        def reader(name, p):
            try:
                read_worker(name, p)
            except Exception as e:  # a bug here must not pass silently
                import traceback
                state['fatal'] = '%s reader: %s' % (name, traceback.format_exc())
                with lock:
                    state['exited'].add(name)

        def read_worker(name, p):
            for raw in p.stdout:
                try:
                    msg = json.loads(raw)
                except ValueError:
                    continue
                typ = msg.get('type')
                if typ == 'ready':
                    ready[name] = msg
                    continue
                with lock:
                    state['last'] = mono()
                    if typ == 'call':
                        state['calls'].append(msg)
                        state['blocked'].pop((name, msg['thread']), None)
                    elif typ == 'begin':
                        state['blocked'][(name, msg['thread'])] = msg
                    elif typ == 'crash':
                        wire.crash(name)
                        state['crashed'].add(name)
                    elif typ == 'synflood':
                        ip, port = msg['addr']
                        wire.synflood(name, ip, port, msg['count'], msg['intervalMs'], msg['tStart'])
                    elif typ == 'thread-done':
                        state['done'][name].add(msg['thread'])
                    elif typ == 'exit':
                        state['exited'].add(name)
                    elif typ == 'error':
                        state['errors'].append('%s: %s' % (name, msg.get('msg')))
            with lock:
                state['exited'].add(name)

        def err_reader(name, p):
            for raw in p.stderr:
                line = raw.decode(errors='replace').rstrip()
                if line:
                    state['errors'].append('%s stderr: %s' % (name, line))

        for name, p in workers.items():
            threading.Thread(target=reader, args=(name, p), daemon=True).start()
            threading.Thread(target=err_reader, args=(name, p), daemon=True).start()
        t_wait = mono() + 20
        while len(ready) < len(workers) and mono() < t_wait:
            if any(p.poll() is not None for p in workers.values()):
                break
            time.sleep(0.01)
        if len(ready) < len(workers):
            raise RuntimeError('workers did not start: %s' % state['errors'])
        for name, r in ready.items():
            if r.get('fds') != [0, 1, 2]:
                notes.append('worker %s started with fds %s open' % (name, r.get('fds')))
        t0 = mono() + 0.3
        wire.t0 = t0
        for p in workers.values():
            p.stdin.write((json.dumps({'t0': t0}) + '\n').encode())
            p.stdin.flush()
        log('t0 set; running')

        until = sc.get('untilMs')
        end_reason = None
        last_ss = 0.0
        while True:
            time.sleep(0.02)
            now = mono()
            if until is not None:
                if now >= t0 + until / 1000.0:
                    end_reason = 'untilMs'
                    break
                continue
            if now - t0 > max_seconds:
                end_reason = 'max-seconds cap (%ss) reached' % max_seconds
                notes.append('recording stopped at the %s s cap; the scenario has no untilMs' % max_seconds)
                break
            with lock:
                idle_since = max(state['last'], wire.last_activity)
                all_done = all(
                    name in state['exited'] or name in state['crashed'] or state['done'][name] >= state['threads'][name]
                    for name in hosts)
                any_blocked = any(k[0] not in state['exited'] and k[0] not in state['crashed']
                                  for k in state['blocked'])
            if now - idle_since < settle or now < t0 + 0.5:
                continue
            if now - last_ss < 1.0:
                continue
            last_ss = now
            # Idle on the wire and in the calls: stop unless a kernel timer is still going to send something.
            pending = False
            for name in hosts:
                if name in state['crashed']:
                    continue
                for f in ss_final(nsnames[name], name):
                    timer = f.get('timer', '')
                    if f['state'] in ('SYN-SENT', 'SYN-RECEIVED') or timer.startswith('on,') or \
                            timer.startswith('persist') or (timer.startswith('keepalive') and any_blocked):
                        pending = True
            if not pending:
                end_reason = 'idle' if all_done else 'idle (threads still blocked)'
                break
        t_end = mono()
        wire.freeze()
        if state.get('fatal'):
            raise RuntimeError(state['fatal'])
        finals = []
        for name in hosts:
            finals.extend(ss_final(nsnames[name], name))
        if not wire.rt:
            notes.append('could not give the wire SCHED_FIFO priority: timings may be disturbed by other load')
        if wire.max_late > 0.002:
            notes.append('the wire delivered a segment up to %.1f ms later than due (machine load?): timings and '
                         'orderings in this recording may be disturbed' % (wire.max_late * 1000))
        for name in state['crashed']:
            notes.append('host %s crashed: its kernel sockets were left as they were and what it sent was '
                         'swallowed by the wire (%d segments, not listed)' % (name, wire.suppressed.get(name, 0)))
        with lock:
            blocked = [k for k in state['blocked'] if k[0] not in state['exited'] and k[0] not in state['crashed']]
            calls = list(state['calls'])
            errors = list(state['errors'])
        for host, thread in blocked:
            b = state['blocked'][(host, thread)]
            notes.append('%s/%s was still blocked in %s (step %d) when the recording stopped' %
                         (host, thread, b['call'], b['step']))
        events = [e for e in wire.events if e['t'] <= round(t_end - t0, 6)] + calls
        events.sort(key=lambda e: (e['t'], 0 if e['type'] == 'segment' else 1))
        fails = [e for e in calls if e.get('expectOk') is False]
        for e in fails:
            notes.append('expectation failed: %s/%s %s (step %d) expected %r, got %s' % (
                e['host'], e['thread'], e['call'], e['step'], e['expect'],
                e.get('errno', e.get('data', e.get('ret')))))
        if errors:
            notes.append('worker errors: ' + ' | '.join(errors[:10]))
        return {'events': events, 'final': finals, 'notes': notes, 'endReason': end_reason,
                'durationS': round(t_end - t0, 3), 'wireMaxLateMs': round(wire.max_late * 1000, 3)}
    finally:
        for p in workers.values():
            try:
                p.kill()
            except OSError:
                pass
        for p in workers.values():
            try:
                p.wait(5)
            except Exception:
                pass
        try:
            wire.stop()
        except Exception:
            pass
        for h in wire_hosts.values():
            try:
                os.close(h['tun'])
            except OSError:
                pass
        for ns in nsnames.values():
            subprocess.run(['ip', 'netns', 'del', ns], capture_output=True)


# ----------------------------------------------------------------------------------------------
# Worker (one per host, runs inside the host's namespace)
# ----------------------------------------------------------------------------------------------

SOL_OPTS = {
    'SO_REUSEADDR': (socket.SOL_SOCKET, socket.SO_REUSEADDR),
    'SO_REUSEPORT': (socket.SOL_SOCKET, socket.SO_REUSEPORT),
    'SO_KEEPALIVE': (socket.SOL_SOCKET, socket.SO_KEEPALIVE),
    'SO_LINGER': (socket.SOL_SOCKET, socket.SO_LINGER),
    'SO_RCVTIMEO': (socket.SOL_SOCKET, socket.SO_RCVTIMEO),
    'SO_SNDTIMEO': (socket.SOL_SOCKET, socket.SO_SNDTIMEO),
    'SO_RCVBUF': (socket.SOL_SOCKET, socket.SO_RCVBUF),
    'SO_SNDBUF': (socket.SOL_SOCKET, socket.SO_SNDBUF),
    'TCP_NODELAY': (socket.IPPROTO_TCP, socket.TCP_NODELAY),
    'TCP_KEEPIDLE': (socket.IPPROTO_TCP, socket.TCP_KEEPIDLE),
    'TCP_KEEPINTVL': (socket.IPPROTO_TCP, socket.TCP_KEEPINTVL),
    'TCP_KEEPCNT': (socket.IPPROTO_TCP, socket.TCP_KEEPCNT),
    'TCP_SYNCNT': (socket.IPPROTO_TCP, socket.TCP_SYNCNT),
}
SHUT = {'SHUT_RD': socket.SHUT_RD, 'SHUT_WR': socket.SHUT_WR, 'SHUT_RDWR': socket.SHUT_RDWR}


class Worker:
    def __init__(self, cfg):
        self.host = cfg['host']
        self.ips = cfg['ips']
        self.steps = cfg['steps']
        self.names = {}
        self.socks = {}
        self.lock = threading.Lock()
        self.out_lock = threading.Lock()
        self.dead = threading.Event()
        self.t0 = None
        # Turnstile: steps of different threads of this host start in (due time, file order), one at a time; the
        # next may start once the current call has returned or is blocked in the kernel. Without it, two threads
        # whose steps have the same `at` race (e.g. for the lowest free fd).
        self.cv = threading.Condition()
        self.waiting = {}
        self.holder = None
        self.wchan_fd = {}
        self.started = threading.Event()

    def emit(self, obj):
        data = (json.dumps(obj) + '\n').encode()
        with self.out_lock:
            os.write(1, data)

    def now(self):
        return round(mono() - self.t0, 6)

    def resolve_fd(self, ref):
        with self.lock:
            if isinstance(ref, str):
                if ref not in self.names:
                    return None, None
                fd = self.names[ref]
            else:
                fd = int(ref)
            return fd, self.socks.get(fd)

    def addr(self, a):
        h, _, port = a.rpartition(':')
        return self.ips.get(h, h), int(port)

    def run(self, nofile=None):
        import resource
        threads = {}
        for s in self.steps:
            threads.setdefault(s.get('thread', 'main'), []).append(s)
        barrier = threading.Barrier(len(threads) + 1)

        def body(name, k, steps):
            self.open_wchan(name, k)
            barrier.wait()
            self.run_thread(name, steps)

        ts = [threading.Thread(target=body, args=(name, k, steps), daemon=True)
              for k, (name, steps) in enumerate(threads.items())]
        for t in ts:
            t.start()
        barrier.wait()
        if nofile:
            resource.setrlimit(resource.RLIMIT_NOFILE, (int(nofile), int(nofile)))
        self.started.set()
        for t in ts:
            t.join()
        # Stay alive (holding every socket) until the coordinator kills us.
        while True:
            time.sleep(3600)

    WCHAN_FD_BASE = 10000

    def open_wchan(self, name, k):
        """Each thread keeps its own /proc/.../wchan open at a high fd number, opened before the scenario starts:
        opening it while the scenario runs would take the lowest free fd for a moment and could shift the fd
        numbers that socket() and accept() return."""
        fd = os.open('/proc/self/task/%d/wchan' % threading.get_native_id(), os.O_RDONLY)
        hi = self.WCHAN_FD_BASE + k
        os.dup2(fd, hi)
        os.close(fd)
        self.wchan_fd[name] = hi

    def blocked_in_kernel(self, name):
        try:
            w = os.pread(self.wchan_fd[name], 128, 0).decode(errors='replace').strip()
        except OSError:
            return True  # the thread is gone
        return w not in ('', '0') and 'futex' not in w

    def take_turn(self, name, due, index):
        with self.cv:
            self.waiting[name] = (due, index)
            self.cv.notify_all()
            while True:
                now = mono()
                if self.holder is not None and self.blocked_in_kernel(self.holder[0]):
                    self.holder = None
                if self.holder is None and now >= due:
                    ready = [v for v in self.waiting.values() if v[0] <= now]
                    if min(ready) == (due, index):
                        del self.waiting[name]
                        self.holder = (name,)
                        return
                wait = 0.0002 if self.holder is not None else max(0.0002, min(due - now, 0.05))
                self.cv.wait(wait)

    def release_turn(self, name):
        with self.cv:
            if self.holder is not None and self.holder[0] == name:
                self.holder = None
            self.cv.notify_all()

    def run_thread(self, name, steps):
        self.started.wait()
        for s in steps:
            if self.dead.is_set():
                return
            # The thread's next step is registered in the turnstile as soon as the thread is free (not only when
            # it is due), so that every thread of this host whose step is due at the same moment is known, and
            # the one first in file order goes first even if the OS wakes the threads in another order.
            at = s.get('at')
            due = max(mono(), self.t0 + (at or 0) / 1000.0)
            self.take_turn(name, due, s['_index'])
            if self.dead.is_set():
                self.release_turn(name)
                return
            try:
                self.step(name, s)
            finally:
                self.release_turn(name)
        if not self.dead.is_set():
            self.emit({'type': 'thread-done', 'thread': name})

    def step(self, thread, s):
        call = s['call']
        ev = {'type': 'call', 'host': self.host, 'thread': thread, 'call': call, 'step': s['_index']}
        start = mono()
        ev['start'] = round(start - self.t0, 6)
        sock = None
        fd = None
        if 'fd' in s:
            fd, sock = self.resolve_fd(s['fd'])
            ev['fd'] = fd
        self.emit({'type': 'begin', 'thread': thread, 'call': call, 'step': s['_index']})
        old_timeout = 'unset'
        try:
            if 'fd' in s and sock is None:
                raise OSError(errno_mod.EBADF, 'unknown fd %r' % (s['fd'],))
            if s.get('timeoutMs') is not None and sock is not None:
                old_timeout = sock.gettimeout()
                sock.settimeout(s['timeoutMs'] / 1000.0)
            ret = self.do(call, s, sock, fd, ev)
            if ret is not None:
                ev['ret'] = ret
        except TimeoutError as e:
            if e.errno:
                ev['errno'] = errno_mod.errorcode.get(e.errno, str(e.errno))
            else:
                ev['errno'] = 'ETIMEDOUT'
                ev['timeout'] = 'python'
        except OSError as e:
            ev['errno'] = errno_mod.errorcode.get(e.errno, str(e.errno)) if e.errno else str(e)
        finally:
            if old_timeout != 'unset':
                try:
                    sock.settimeout(old_timeout)
                except OSError:
                    pass
        ev['t'] = self.now()
        if 'expect' in s:
            exp = s['expect']
            ev['expect'] = exp
            if isinstance(exp, str) and exp.isupper() and exp.startswith('E'):
                ev['expectOk'] = ev.get('errno') == exp
            elif isinstance(exp, str):
                ev['expectOk'] = ev.get('data') == exp
            else:
                ev['expectOk'] = 'errno' not in ev and ev.get('ret') == exp
        if self.dead.is_set() and call != 'crash':
            return
        if call == 'exit':
            self.emit(ev)
            self.emit({'type': 'exit'})
            os._exit(0)
        self.emit(ev)

    def do(self, call, s, sock, fd, ev):
        if call == 'socket':
            so = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
            if CONGESTION:
                so.setsockopt(socket.IPPROTO_TCP, socket.TCP_CONGESTION, CONGESTION)
            n = so.fileno()
            with self.lock:
                self.socks[n] = so
                if s.get('as'):
                    self.names[s['as']] = n
            ev['fd'] = n
            return n
        if call == 'setsockopt':
            level, opt = SOL_OPTS[s['opt']]
            v = s['value']
            if s['opt'] == 'SO_LINGER':
                v = struct.pack('ii', int(v['onoff']), int(v['linger']))
            elif s['opt'] in ('SO_RCVTIMEO', 'SO_SNDTIMEO'):
                ms = int(v)
                v = struct.pack('ll', ms // 1000, (ms % 1000) * 1000)
            else:
                v = int(v)
            sock.setsockopt(level, opt, v)
            return 0
        if call == 'bind':
            sock.bind((s.get('ip') or '0.0.0.0', int(s['port'])))
            return 0
        if call == 'listen':
            sock.listen(int(s.get('backlog', 128)))
            return 0
        if call == 'accept':
            conn, peer = sock.accept()
            n = conn.fileno()
            with self.lock:
                self.socks[n] = conn
                if s.get('as'):
                    self.names[s['as']] = n
            ev['peer'] = '%s:%d' % peer
            return n
        if call == 'connect':
            sock.connect(self.addr(s['addr']))
            return 0
        if call == 'send':
            if s.get('data') is not None:
                data = s['data'].encode('utf-8')
            else:
                data = b'x' * int(s.get('bytes', 0))
            return sock.send(data)
        if call == 'recv':
            data = sock.recv(int(s.get('size', 1024)))
            ev['data'] = data.decode('utf-8', errors='replace')
            return len(data)
        if call == 'shutdown':
            sock.shutdown(SHUT[s['how']])
            return 0
        if call == 'close':
            with self.lock:
                self.socks.pop(fd, None)
                for k in [k for k, v in self.names.items() if v == fd]:
                    del self.names[k]
            sock.close()
            return 0
        if call == 'setblocking':
            sock.setblocking(bool(s['value']))
            return 0
        if call == 'settimeout':
            sock.settimeout(s['seconds'])
            return 0
        if call == 'sleep':
            time.sleep(float(s['ms']) / 1000.0)
            return 0
        if call == 'crash':
            self.dead.set()
            self.emit({'type': 'crash'})
            return 0
        if call == 'exit':
            return 0
        if call == 'synflood':
            ip, port = self.addr(s['addr'])
            interval = float(s.get('intervalMs', 1))
            count = int(s['count'])
            t_start = mono()
            self.emit({'type': 'synflood', 'addr': [ip, port], 'count': count, 'intervalMs': interval,
                       'tStart': t_start})
            time.sleep(max(0.0, t_start + count * interval / 1000.0 - mono()))
            return 0
        raise OSError(errno_mod.ENOSYS, 'unknown call %s' % call)


def worker_main():
    import resource
    realtime_priority(10)
    line = sys.stdin.buffer.readline()
    cfg = json.loads(line)
    w = Worker(cfg)
    fds = sorted(int(x) for x in os.listdir('/proc/self/fd'))
    # listdir itself holds one fd while listing; report what is open besides it.
    fds = [f for f in fds if f <= 2 or os.path.exists('/proc/self/fd/%d' % f)]
    w.emit({'type': 'ready', 'fds': fds})
    msg = json.loads(sys.stdin.buffer.readline())
    w.t0 = msg['t0']
    try:
        w.run(cfg.get('nofile'))
    except Exception as e:  # noqa
        w.emit({'type': 'error', 'msg': repr(e)})
        raise


# ----------------------------------------------------------------------------------------------

def main():
    # The wire thread shares the interpreter lock with the threads that read the workers' events; with the
    # default 5 ms switch interval a busy reader could hold a segment back by up to 5 ms. 100 us keeps every
    # hand-over short (the wire thread also runs SCHED_FIFO).
    sys.setswitchinterval(0.0001)
    if len(sys.argv) > 1 and sys.argv[1] == '_worker':
        worker_main()
        return 0
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = ap.add_subparsers(dest='cmd', required=True)
    r = sub.add_parser('run', help='run one scenario')
    r.add_argument('scenario')
    r.add_argument('--jsonl', help='write the events and final states as jsonl here (default: stdout)')
    r.add_argument('--fixture', help='write a self-contained fixture JSON here')
    r.add_argument('--id', help='fixture id (default: the scenario id)')
    r.add_argument('--pcap', help='also write the wire as a pcap (LINKTYPE_RAW) for tcpdump -r')
    r.add_argument('--notes', default='', help='notes to put in the fixture')
    r.add_argument('--max-seconds', type=float, default=300.0)
    r.add_argument('--allow-random-loss', action='store_true')
    r.add_argument('-v', '--verbose', action='store_true')
    a = ap.parse_args()
    if os.geteuid() != 0:
        print('kernel_runner.py must run as root (network namespaces)', file=sys.stderr)
        return 1
    with open(a.scenario) as f:
        sc = json.load(f)
    log = (lambda *x: print(*x, file=sys.stderr)) if a.verbose else None
    try:
        res = run_scenario(sc, pcap=a.pcap, max_seconds=a.max_seconds, log=log, allow_random_loss=a.allow_random_loss)
    except Unsupported as e:
        print('UNSUPPORTED: %s' % e)
        return 3
    lines = [json.dumps(e) for e in res['events']] + [json.dumps(f) for f in res['final']]
    if a.jsonl:
        with open(a.jsonl, 'w') as f:
            f.write('\n'.join(lines) + '\n')
    elif not a.fixture:
        print('\n'.join(lines))
    if a.fixture:
        notes = [a.notes] if a.notes else []
        notes += res['notes']
        fx = {
            'id': a.id or sc.get('id'),
            'kernel': os.uname().release,
            'recordedAt': datetime.datetime.now(datetime.timezone.utc).strftime('%Y-%m-%dT%H:%M:%SZ'),
            'scenario': sc,
            'events': res['events'],
            'final': res['final'],
            'endReason': res['endReason'],
            'durationS': res['durationS'],
            'wireMaxLateMs': res['wireMaxLateMs'],
            'notes': '\n'.join(notes),
            'runnerNotes': res['notes'],
        }
        with open(a.fixture, 'w') as f:
            json.dump(fx, f, indent=1)
            f.write('\n')
    if a.verbose:
        print('end: %s after %.3f s; wire max lateness %.3f ms; notes: %s' % (
            res['endReason'], res['durationS'], res['wireMaxLateMs'], res['notes']), file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
