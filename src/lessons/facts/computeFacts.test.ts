// The facts the course quotes, checked against the course texts and against Linux (reference: linux-tcp.md).
// When the simulator and Linux disagree, the test fails: the lesson must not quietly teach the simulator's mistake.

import { describe, expect, it } from 'vitest';
import { computeFacts, computeFactsFresh, FACT_DEFS } from './computeFacts.ts';
import { GIVENS } from './givens.ts';

const { facts, errors } = computeFacts();

/**
 * Linux's timer wheel (kernel/time/timer.c) never fires early and rounds a timer up by at most its level's
 * granularity. With HZ = 250 (a 4 ms jiffy, as on the recorded Debian kernel): one jiffy below 63 jiffies,
 * 8 below 504, 64 below 4,032, 512 below 32,256, 4,096 below 258,048 — plus the jiffy already under way.
 * Measured times may exceed the nominal ones by that much per timer, and no more.
 */
function wheelSlackMs(timeoutMs: number): number {
  const jiffyMs = 4;
  const jiffies = Math.ceil(timeoutMs / jiffyMs) + 1;
  let gran = 1;
  let start = 63;
  while (jiffies >= start) {
    gran *= 8;
    start *= 8;
  }
  return (gran + 1) * jiffyMs;
}
const within = (measured: number, nominal: number, slack: number): void => {
  expect(measured).toBeGreaterThanOrEqual(nominal);
  expect(measured).toBeLessThanOrEqual(nominal + slack);
};
const v = (id: string): number | string => {
  const f = facts[id];
  if (!f) throw new Error(`no fact ${id}: ${errors[id] ?? 'not defined'}`);
  return f.value;
};

describe('computeFacts', () => {
  it('computes every fact without error', () => {
    expect(errors).toEqual({});
    expect(Object.keys(facts).length).toBe(Object.keys(FACT_DEFS).length + Object.keys(GIVENS).length);
  });

  it('is deterministic: a fresh computation gives the same values', () => {
    const again = computeFactsFresh().facts;
    for (const [id, f] of Object.entries(facts)) expect(again[id]?.value, id).toEqual(f.value);
  });

  it('every fact says where it came from, and simulator facts name how they were measured', () => {
    for (const f of Object.values(facts)) {
      expect(f.display.length, f.id).toBeGreaterThan(0);
      if (f.source.kind === 'simulator') expect(f.source.how.length, f.id).toBeGreaterThan(0);
      if (f.source.kind === 'formula') expect(f.source.working.length, f.id).toBeGreaterThan(0);
    }
  });

  it('no measured number came out as the -1 of a missing event', () => {
    for (const f of Object.values(facts)) if (typeof f.value === 'number') expect(f.value, f.id).not.toBe(-1);
  });
});

describe('facts against Linux', () => {
  it('SYN retransmissions at 1, 2, 3, 4, 5, 7, 11, 19, 35, 67 s and ETIMEDOUT at 131 s (Linux ≥ 6.5), give or take the timer wheel', () => {
    expect(v('synScheduleNominal')).toBe('1, 2, 3, 4, 5, 7, 11, 19, 35, 67');
    expect(v('connectTimeoutNominalS')).toBe(131);
    expect(v('synRetransmits')).toBe(10);
    const waits = [1, 1, 1, 1, 1, 2, 4, 8, 16, 32, 64].map((s) => s * 1000);
    const measured = String(v('synSchedule')).split(', ').map(Number);
    const nominal = String(v('synScheduleNominal')).split(', ').map(Number);
    let slack = 0;
    measured.forEach((m, i) => {
      slack += wheelSlackMs(waits[i]!) / 1000;
      within(m, nominal[i]!, slack + 0.05);
    });
    within(v('connectTimeoutS') as number, 131, slack + wheelSlackMs(64_000) / 1000 + 0.05);
    expect(v('connectTimeoutErrno')).toBe('ETIMEDOUT');
  });
  it('older kernels: 1 + 2 + … + 64 = 127 s', () => {
    expect(v('olderKernelTimeoutS')).toBe(127);
  });
  it('TIME-WAIT lasts 60 s on Linux; RFC 2×MSL is 240 s', () => {
    expect(v('timeWaitS')).toBe(60);
    expect(v('timeWaitS')).toBe(GIVENS.textTimeWaitS.value);
    within(v('timeWaitMeasuredS') as number, 60, wheelSlackMs(60_000) / 1000 + 0.05);
    expect(v('finTimeoutS')).toBe(60);
    within(v('finTimeoutTryS') as number, 30, wheelSlackMs(30_000) / 1000 + 0.05);
    expect(v('rfcTimeWaitS')).toBe(240);
  });
  it('keepalive 60 + 10 × 6 = 120 s, measured and computed; 60/10/3 → 90 s; defaults 7200/75/9 → 7875 s', () => {
    expect([v('kaIdleS'), v('kaIntvlS'), v('kaCnt')]).toEqual([60, 10, 6]);
    expect(v('kaFormulaS')).toBe(120);
    within(v('kaDetectS') as number, 120, (wheelSlackMs(60_000) + 6 * wheelSlackMs(10_000)) / 1000 + 0.05);
    expect(v('kaProbes')).toBe(6);
    within(v('kaTryCnt3S') as number, 90, (wheelSlackMs(60_000) + 3 * wheelSlackMs(10_000)) / 1000 + 0.05);
    expect(v('kaProdFormulaS')).toBe(90);
    expect([v('kaLinuxIdleS'), v('kaLinuxIntvlS'), v('kaLinuxCnt'), v('kaLinuxFormulaS')]).toEqual([7200, 75, 9, 7875]);
    expect(v('kaErrno')).toBe('ETIMEDOUT');
  });
  it('the handshake costs one round trip: connect() returns after 2 × delay; accept() half a round trip later', () => {
    expect(v('hsConnectMs')).toBe(v('hsRttMs'));
    expect(v('hsAcceptAfterConnectMs')).toBe(v('hsOneWayMs'));
    expect(v('worldConnectMs')).toBe(GIVENS.worldRttMs.value);
    expect(v('lanConnectMs')).toBeCloseTo(2 * (GIVENS.lanOneWayMs.value as number), 6);
    expect(v('hsSynAckAck')).toBe(((v('hsClientIsn') as number) + 1) >>> 0);
    expect(v('hsFinalAck')).toBe(((v('hsServerIsn') as number) + 1) >>> 0);
  });
  it('initial RTO is 1 s; the data RTO never goes below the 200 ms floor', () => {
    expect(v('initialRtoMs')).toBe(1000);
    within(v('initialRtoMeasuredMs') as number, 1000, wheelSlackMs(1000) + 1);
    within(v('overflowRetryMs') as number, 1000, wheelSlackMs(1000) + 1);
    expect(v('rtoMs')).toBeGreaterThanOrEqual(200);
    within(v('rtoMeasuredMs') as number, v('rtoMs') as number, wheelSlackMs(v('rtoMs') as number) + 1);
  });
  it('Nagle with quick-ack: "H" at once, then "ello" one round trip later; TCP_NODELAY: five segments', () => {
    expect([v('nagleSegments'), v('nagleFirst'), v('nagleSecond')]).toEqual([2, '"H"', '"ello"']);
    expect(v('nagleHoldMs')).toBe(v('nagleRttMs'));
    expect(v('nodelaySegments')).toBe(5);
    expect(v('nagleWrites')).toBe(5);
  });
  it('delayed ACK between 40 and 200 ms', () => {
    expect(v('delayedAckMs')).toBeGreaterThanOrEqual(40);
    expect(v('delayedAckMs')).toBeLessThanOrEqual(200);
    within(v('delayedAckMeasuredMs') as number, v('delayedAckMs') as number, wheelSlackMs(v('delayedAckMs') as number) + 1);
  });
  it('accept queue holds min(backlog, somaxconn) + 1; somaxconn 4096 since Linux 5.4', () => {
    expect(v('overflowHeld')).toBe((v('overflowBacklog') as number) + 1);
    expect(v('somaxconnLimit')).toBe(Math.min(v('somaxconnRequested') as number, v('somaxconnSet') as number));
    expect(v('somaxconnHeld')).toBe((v('somaxconnLimit') as number) + 1);
    expect(v('somaxconnLinux')).toBe(4096);
  });
  it('ephemeral ports 32768–60999 on Linux', () => {
    expect(v('portRangeLinux')).toBe('32768–60999');
    expect(v('portCountLinux')).toBe(28232);
  });
  it('the many-clients-one-port connections use ports from that range', () => {
    const ports = String(v('manyClientsSameHostPorts')).split(' and ').map(Number);
    for (const p of ports) expect(p >= 32768 && p <= 60999, `port ${p}`).toBe(true);
  });
  it('errors: refused, reset, EMFILE, EADDRINUSE, EAGAIN/EINPROGRESS as Linux reports them', () => {
    expect(v('refusedErrno')).toBe('ECONNREFUSED');
    expect(v('refusedMs')).toBe(2 * 5);
    expect(v('refusedFlags')).toBe('R.');
    expect(v('crashErrno')).toBe('ECONNRESET');
    expect(v('unreadErrno')).toBe('ECONNRESET');
    expect(v('unreadFlags')).toBe('R.');
    expect(v('lingerTimeWaits')).toBe(0);
    expect(v('emfileErrno')).toBe('EMFILE');
    expect(v('emfileAccepted')).toBe((v('emfileLimit') as number) - 4);
    expect(v('addrInUseErrno')).toBe('EADDRINUSE');
    expect(v('twoListenersErrno')).toBe('EADDRINUSE');
    expect(v('reuseaddrWorksBind')).toBe('0');
    expect(v('nbAcceptErrno')).toBe('EAGAIN');
    expect(v('nbConnectErrno')).toBe('EINPROGRESS');
    expect(v('exhaustErrno')).toBe('EADDRNOTAVAIL');
  });
  it('TIME-WAIT is held by the active closer', () => {
    expect(v('timeWaitHostClientFirst')).toBe('client');
    expect(v('timeWaitHostServerFirst')).toBe('server');
  });
  it('SYN cookies let the genuine client in at once; without them it waits', () => {
    expect(v('floodCookieConnectMs')).toBe(2 * 5);
    expect(v('cookiesOffOutcome')).toBe('still waiting');
  });
});

describe('facts against the course texts', () => {
  it('the sequential server answers at 10, 20, 30 s; a thread each at 10 s; a pool of two at 10, 10, 20 s', () => {
    expect(v('seqAnswers')).toBe('10, 20, 30');
    expect(v('seqFormulaS')).toBe(30);
    expect(v('seqWorkS')).toBe(GIVENS.seqServiceS.value);
    expect(v('tpcAnswers')).toBe('10, 10, 10');
    expect(v('poolAnswers')).toBe('10, 10, 20');
    expect(v('poolFormulaS')).toBe(20);
  });
  it('the cost model: 100 ms setup, 150 ms cold, 50 ms warm; 150 s against 50 s, 3×; 165 ms against 15 ms', () => {
    expect([v('setupMs'), v('coldCallMs'), v('warmCallMs')]).toEqual([100, 150, 50]);
    expect([v('noReuseS'), v('reuseS'), v('reuseSpeedup')]).toEqual([150, 50, 3]);
    expect([v('unpooledMs'), v('pooledMs')]).toEqual([165, 15]);
  });
  it('the simulated cold start agrees with the model: three round trips plus work, then one', () => {
    const rtt = v('coldRttMs') as number;
    const work = v('coldWorkMs') as number;
    expect(v('coldFirstMs')).toBe(3 * rtt + work);
    expect(v('coldSecondMs')).toBe(rtt + work);
  });
  it("pool sizing: Little's law 100, ×1.25 → 125, the chapter's 12", () => {
    expect([v('littleL'), v('poolMaxLesson'), v('poolChapter')]).toEqual([100, 125, 12]);
  });
  it('keep-alive finishes one round trip sooner than a connection per request', () => {
    expect((v('twoConnLastMs') as number) - (v('keepaliveLastMs') as number)).toBe(2 * 25);
  });
  it('the drill gap and the trace spike', () => {
    expect(v('drillGapMs')).toBe(310);
    expect(v('poolCapacityRps')).toBe(2000);
    expect(v('spikeBacklog')).toBe(5000);
  });
});
