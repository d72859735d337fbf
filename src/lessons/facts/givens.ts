// The starting numbers of the course's worked examples, as the course texts set them. They are inputs, not results:
// every result built on them is a formula fact that shows its working. Each says where it comes from
// (000 = the chapter, 001 = the lesson, 003 = the blog post) so a reviewer can check it against the text.

export interface Given {
  value: number | string;
  unit: string;
  from: string;
}

export const GIVENS = {
  worldRttMs: { value: 150, unit: 'ms', from: '001: a 150 ms round trip across the world' },
  lanOneWayMs: { value: 0.05, unit: 'ms', from: "a LAN hop: the handshake scenario's lowest delay" },
  portRangeText: { value: '49152–65535', unit: '', from: '001: the ephemeral range the lesson quotes (the IANA range)' },
  somaxconnText: { value: 128, unit: '', from: '000: somaxconn "defaulting to 128" (Linux before 5.4, and macOS)' },
  maxSynBacklogText: { value: 1024, unit: '', from: '000: tcp_max_syn_backlog "defaulting to 1024"' },
  somaxconnTuned: { value: 4096, unit: '', from: '000: "set net.core.somaxconn to 4096"' },
  synBacklogTuned: { value: 8192, unit: '', from: '000: "tcp_max_syn_backlog to 8192"' },
  nagleTextWaitMs: { value: 200, unit: 'ms', from: '000: Nagle "will wait up to 200 milliseconds"' },
  rfcMslS: { value: 120, unit: 's', from: 'RFC 9293: the maximum segment lifetime is two minutes' },
  textTimeWaitS: { value: 60, unit: 's', from: '000: TIME_WAIT "typically lasts 60 seconds"' },
  kaProdIdleS: { value: 60, unit: 's', from: '000: common production values KEEPIDLE 60' },
  kaProdIntvlS: { value: 10, unit: 's', from: '000: KEEPINTVL 10' },
  kaProdCnt: { value: 3, unit: '', from: '000: KEEPCNT 3' },
  seqRequests: { value: 3, unit: '', from: '003: three requests at once' },
  seqServiceS: { value: 10, unit: 's', from: '003: process_request sleeps 10 s' },
  fdDefaultText: { value: 1024, unit: 'fds', from: '000: "The default limit is often 1024"' },
  fdTargetConns: { value: 10000, unit: 'connections', from: '000: "For 10,000 concurrent connections"' },
  limitNofile: { value: 65536, unit: 'fds', from: '000: LimitNOFILE=65536; 001: a typical per-process limit of 65,536' },
  threadsScale: { value: 1000, unit: 'connections', from: '000: one thread per connection scales to about 1,000' },
  selectScale: { value: 10000, unit: 'connections', from: '000: select/poll to about 10,000' },
  epollScale: { value: 100000, unit: 'connections', from: '000: epoll/kqueue to 100,000 or more' },
  rttMs: { value: 50, unit: 'ms', from: '001: RTT between the two hosts is 50 ms' },
  callMs: { value: 50, unit: 'ms', from: '001: upstream latency 50 ms per call once connected' },
  tcpRtts: { value: 1, unit: 'RTT', from: 'TCP: SYN, SYN-ACK, ACK before the first byte' },
  tls13Rtts: { value: 1, unit: 'RTT', from: 'TLS 1.3 (RFC 8446 §2): one round trip' },
  sequentialCalls: { value: 1000, unit: 'calls', from: '001: 1,000 sequential calls' },
  peakRps: { value: 2000, unit: '/s', from: '001: 2,000 req/s at peak' },
  headroom: { value: 1.25, unit: '×', from: '001: pool_max = ceil(peak_QPS × avg_latency_s) × 1.25' },
  chapterRps: { value: 1000, unit: '/s', from: '000: 1,000 requests per second' },
  chapterQueryMs: { value: 10, unit: 'ms', from: '000: 10 ms average query time' },
  chapterBuffer: { value: 0.2, unit: '', from: '000: a 20% buffer for spikes' },
  poolDemoQueries: { value: 3, unit: '', from: '000: 3 requests' },
  poolDemoSetupMs: { value: 50, unit: 'ms', from: '000: 50 ms on connection setup' },
  poolDemoQueryMs: { value: 5, unit: 'ms', from: '000: a database query taking 5 ms' },
  upstreams: { value: 8, unit: 'upstreams', from: "this course's example of K upstream services (001 leaves K open)" },
  tracePoolMax: { value: 100, unit: 'connections', from: '001: pool max = 100 connections' },
  traceSpikeRps: { value: 3000, unit: '/s', from: '001: traffic spike 3,000 req/s' },
  traceSpikeS: { value: 5, unit: 's', from: '001: for 5 s' },
  traceIdleS: { value: 60, unit: 's', from: '001: idle keepalive timeout (e.g. 60 s)' },
  traceStart: { value: '08:00:00.000', unit: '', from: '001: service starts cold at 08:00:00' },
  traceWarmup: { value: '08:00:00.100', unit: '', from: '001: requests #2–50 arrive during warm-up' },
  traceSteady: { value: '08:00:01.000', unit: '', from: '001: steady state' },
  traceSpikeAt: { value: '08:01:00.000', unit: '', from: '001: traffic spike' },
  traceSpikeEnd: { value: '08:01:05.000', unit: '', from: '001: spike ends' },
  traceIdleAt: { value: '08:02:00.000', unit: '', from: '001: idle timeout' },
  lbIdleS: { value: 60, unit: 's', from: '001: an upstream with a 60 s idle timeout' },
  poolIdleS: { value: 55, unit: 's', from: '001: "typically 55 s … a 5-second margin"' },
  mysqlIdleH: { value: 8, unit: 'hours', from: "000: MySQL's default idle timeout is 8 hours" },
  incidentNormalRps: { value: 2000, unit: '/s', from: '000: normal operation 2,000 requests per second' },
  incidentNormalMs: { value: 50, unit: 'ms', from: '000: with 50 ms latency' },
  incidentPeakRps: { value: 5000, unit: '/s', from: '000: peak 5,000 requests per second' },
  incidentPeakMs: { value: 2000, unit: 'ms', from: '000: latency spikes to 2,000 ms' },
  incidentCalls: { value: 10, unit: 'calls', from: '000: a feature that makes 10 sequential HTTP calls' },
  acceptLatencyMs: { value: 50, unit: 'ms', from: "this course's example: 50 ms between accept() calls during a burst" },
  drillFirstCallMs: { value: 350, unit: 'ms', from: "001 drill: the first call after deploy takes 350 ms" },
  drillLaterCallMs: { value: 40, unit: 'ms', from: '001 drill: subsequent calls take 40 ms' },
} satisfies Record<string, Given>;

export type GivenId = keyof typeof GIVENS;

export const g = (id: GivenId): number => {
  const v = GIVENS[id].value;
  if (typeof v !== 'number') throw new Error(`given ${id} is not a number`);
  return v;
};
