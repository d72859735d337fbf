// A scenario's steps as code a student would write: Python like the course texts, or C like the man pages.
// One line per step, so the panel can light the line of the call that is running.

import type { Scenario, ScenarioStep } from '../../playback/index.ts';

export type Lang = 'python' | 'c';

export interface CodeLine {
  /** Index into scenario.steps. */
  step: number;
  code: string;
  /** A trailing comment: when it starts, a per-call timeout, what the scenario expects. */
  comment: string;
}

export interface ThreadCode {
  host: string;
  thread: string;
  lines: CodeLine[];
}

const PY_ERRORS: Record<string, string> = {
  ECONNREFUSED: 'ConnectionRefusedError',
  ETIMEDOUT: 'TimeoutError',
  ECONNRESET: 'ConnectionResetError',
  EPIPE: 'BrokenPipeError',
  EAGAIN: 'BlockingIOError',
  EINPROGRESS: 'BlockingIOError',
  EADDRINUSE: 'OSError: [Errno 98] Address already in use',
  EMFILE: 'OSError: [Errno 24] Too many open files',
};

const q = (s: string): string => JSON.stringify(s);

function fdName(fd: string | number, lang: Lang): string {
  if (typeof fd === 'string') return fd;
  return lang === 'python' ? `s${fd}` : String(fd);
}

function target(addr: string, ips: Record<string, string>): [string, string] {
  const i = addr.lastIndexOf(':');
  const h = addr.slice(0, i);
  return [ips[h] ?? h, addr.slice(i + 1)];
}

export function python(step: ScenarioStep, ips: Record<string, string>): string {
  const f = 'fd' in step ? fdName(step.fd, 'python') : '';
  switch (step.call) {
    case 'socket':
      return `${step.as ?? 's'} = socket.socket(socket.AF_INET, socket.SOCK_STREAM)`;
    case 'setsockopt': {
      const level = step.opt.startsWith('TCP_') ? 'socket.IPPROTO_TCP' : 'socket.SOL_SOCKET';
      const v = typeof step.value === 'object' ? `struct.pack('ii', ${step.value.onoff}, ${step.value.linger})` : String(step.value);
      return `${f}.setsockopt(${level}, socket.${step.opt}, ${v})`;
    }
    case 'bind':
      return `${f}.bind((${q(step.ip ?? '0.0.0.0')}, ${step.port}))`;
    case 'listen':
      return `${f}.listen(${step.backlog ?? ''})`;
    case 'accept':
      return `${step.as ?? 'conn'}, addr = ${f}.accept()`;
    case 'connect': {
      const [ip, port] = target(step.addr, ips);
      return `${f}.connect((${q(ip)}, ${port}))`;
    }
    case 'send':
      return step.data !== undefined ? `${f}.send(b${q(step.data.length > 48 ? step.data.slice(0, 48) + '…' : step.data)})` : `${f}.send(b"x" * ${step.bytes ?? 0})`;
    case 'recv':
      return `data = ${f}.recv(${step.size ?? 65536})`;
    case 'shutdown':
      return `${f}.shutdown(socket.${step.how})`;
    case 'close':
      return `${f}.close()`;
    case 'setblocking':
      return `${f}.setblocking(${step.value ? 'True' : 'False'})`;
    case 'settimeout':
      return `${f}.settimeout(${step.seconds === null ? 'None' : step.seconds})`;
    case 'sleep':
      return `time.sleep(${step.ms / 1000})`;
    case 'exit':
      return 'sys.exit(0)  # the kernel closes every socket of the process';
    case 'crash':
      return '# the machine loses power: it sends and answers nothing';
    case 'synflood':
      return `# raw socket: ${step.count} spoofed SYNs to ${step.addr}`;
  }
}

export function c(step: ScenarioStep, ips: Record<string, string>): string {
  const f = 'fd' in step ? fdName(step.fd, 'c') : '';
  switch (step.call) {
    case 'socket':
      return `int ${step.as ?? 'fd'} = socket(AF_INET, SOCK_STREAM, 0);`;
    case 'setsockopt': {
      const level = step.opt.startsWith('TCP_') ? 'IPPROTO_TCP' : 'SOL_SOCKET';
      if (typeof step.value === 'object') return `setsockopt(${f}, SOL_SOCKET, SO_LINGER, &(struct linger){${step.value.onoff}, ${step.value.linger}}, sizeof(struct linger));`;
      return `setsockopt(${f}, ${level}, ${step.opt}, &(int){${step.value}}, sizeof(int));`;
    }
    case 'bind':
      return `bind(${f}, (struct sockaddr *)&addr, sizeof addr);  /* ${step.ip ?? '0.0.0.0'}:${step.port} */`;
    case 'listen':
      return `listen(${f}, ${step.backlog ?? 'SOMAXCONN'});`;
    case 'accept':
      return `int ${step.as ?? 'conn'} = accept(${f}, NULL, NULL);`;
    case 'connect': {
      const [ip, port] = target(step.addr, ips);
      return `connect(${f}, (struct sockaddr *)&srv, sizeof srv);  /* ${ip}:${port} */`;
    }
    case 'send':
      return step.data !== undefined ? `send(${f}, ${q(step.data.length > 40 ? step.data.slice(0, 40) + '…' : step.data)}, ${step.data.length}, 0);` : `send(${f}, buf, ${step.bytes ?? 0}, 0);`;
    case 'recv':
      return `ssize_t n = recv(${f}, buf, ${step.size ?? 65536}, 0);`;
    case 'shutdown':
      return `shutdown(${f}, ${step.how});`;
    case 'close':
      return `close(${f});`;
    case 'setblocking':
      return step.value ? `fcntl(${f}, F_SETFL, fcntl(${f}, F_GETFL) & ~O_NONBLOCK);` : `fcntl(${f}, F_SETFL, fcntl(${f}, F_GETFL) | O_NONBLOCK);`;
    case 'settimeout':
      return step.seconds === null ? `/* ${f}: block forever (no SO_RCVTIMEO) */` : `setsockopt(${f}, SOL_SOCKET, SO_RCVTIMEO, &(struct timeval){${Math.floor(step.seconds)}, ${Math.round((step.seconds % 1) * 1e6)}}, sizeof(struct timeval));`;
    case 'sleep':
      return `usleep(${Math.round(step.ms * 1000)});`;
    case 'exit':
      return 'exit(0);  /* the kernel closes every fd */';
    case 'crash':
      return '/* power cut: nothing is sent or answered */';
    case 'synflood':
      return `/* raw socket: ${step.count} spoofed SYNs to ${step.addr} */`;
  }
}

function comment(step: ScenarioStep, lang: Lang): string {
  const parts: string[] = [];
  if (step.at !== undefined && step.at > 0) parts.push(`at ${step.at} ms`);
  if (step.timeoutMs !== undefined) parts.push(`gives up after ${step.timeoutMs / 1000} s`);
  if (step.expect !== undefined) {
    const e = String(step.expect);
    parts.push(lang === 'python' && PY_ERRORS[e] ? `raises ${PY_ERRORS[e]}` : `expect ${typeof step.expect === 'string' && !/^E[A-Z]+$/.test(step.expect) ? q(step.expect) : e}`);
  }
  if (step.note) parts.push(step.note);
  return parts.join('; ');
}

/** The scenario as code, one block per host and thread, in the order they first appear. */
export function toCode(sc: Scenario, lang: Lang): ThreadCode[] {
  const ips: Record<string, string> = {};
  for (const [name, h] of Object.entries(sc.hosts)) ips[name] = h.ip;
  const blocks = new Map<string, ThreadCode>();
  sc.steps.forEach((step, i) => {
    const thread = step.thread ?? 'main';
    const key = `${step.host}/${thread}`;
    let b = blocks.get(key);
    if (!b) {
      b = { host: step.host, thread, lines: [] };
      blocks.set(key, b);
    }
    b.lines.push({ step: i, code: lang === 'python' ? python(step, ips) : c(step, ips), comment: comment(step, lang) });
  });
  return [...blocks.values()];
}
