// A call as a line of C-like text for the timeline ("connect(3, 10.0.0.2:8080)").

import type { Step } from '../scenario/types.ts';
import type { World } from './World.ts';

export function describeCall(step: Step, fd: number | undefined, w: World): string {
  const f = fd ?? ('fd' in step ? String(step.fd) : '?');
  switch (step.call) {
    case 'socket':
      return 'socket(AF_INET, SOCK_STREAM, 0)';
    case 'setsockopt':
      return `setsockopt(${f}, ${step.opt}, ${typeof step.value === 'object' ? `{${step.value.onoff}, ${step.value.linger}}` : step.value})`;
    case 'bind':
      return `bind(${f}, ${step.ip ?? '0.0.0.0'}:${step.port})`;
    case 'listen':
      return `listen(${f}, ${step.backlog ?? 128})`;
    case 'accept':
      return `accept(${f})`;
    case 'connect': {
      const i = step.addr.lastIndexOf(':');
      const ip = w.hosts.get(step.addr.slice(0, i))?.ip ?? step.addr.slice(0, i);
      return `connect(${f}, ${ip}:${step.addr.slice(i + 1)})`;
    }
    case 'send':
      return step.data !== undefined ? `send(${f}, ${JSON.stringify(step.data.length > 40 ? step.data.slice(0, 40) + '…' : step.data)})` : `send(${f}, <${step.bytes ?? 0} bytes>)`;
    case 'recv':
      return `recv(${f}, ${step.size ?? 65536})`;
    case 'shutdown':
      return `shutdown(${f}, ${step.how})`;
    case 'close':
      return `close(${f})`;
    case 'setblocking':
      return `setblocking(${f}, ${step.value ? 'True' : 'False'})`;
    case 'settimeout':
      return `settimeout(${f}, ${step.seconds === null ? 'None' : step.seconds})`;
    case 'sleep':
      return `sleep(${step.ms / 1000})`;
    case 'exit':
      return 'exit(0)';
    case 'crash':
      return '— host crashes —';
    case 'synflood':
      return `synflood(${step.addr}, ${step.count})`;
  }
}
