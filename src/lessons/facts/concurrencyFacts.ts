// Lesson 9: one thread, a thread per connection, a pool, non-blocking calls, shutdown.

import { sequentialServer } from '../calc/sequentialServer.ts';
import { formula, sim, type FactDefs, type FactContext } from './Fact.ts';
import { g } from './givens.ts';
import { calls, sOf } from './measure.ts';

/** When each client's answer arrived (s, rounded to the second as the lessons quote them). */
function answerTimes(ctx: FactContext, id: string): number[] {
  return calls(ctx.run(id), { host: 'client', call: 'recv' })
    .filter((c) => (c.ret ?? 0) > 0)
    .map((c) => Math.round(sOf(c.t)))
    .sort((a, b) => a - b);
}

const serviceS = (ctx: FactContext, id: string): number => {
  const s = ctx.scenario(id).steps.find((x) => x.call === 'sleep');
  return s && s.call === 'sleep' ? s.ms / 1000 : -1;
};

export const concurrencyFacts = {
  seqClients: (ctx) => sim('sequential-server', 'clients that connect', calls(ctx.run('sequential-server'), { host: 'client', call: 'connect' }).length),
  seqWorkS: (ctx) => sim('sequential-server', "the server's work (sleep) per request", serviceS(ctx, 'sequential-server'), 's'),
  seqAnswers: (ctx) => sim('sequential-server', "clients' answers arrive at", answerTimes(ctx, 'sequential-server').join(', '), 's'),
  seqLastS: (ctx) => sim('sequential-server', 'the last answer', answerTimes(ctx, 'sequential-server').at(-1) ?? -1, 's'),
  seqFormulaS: () => {
    const r = sequentialServer(g('seqRequests'), g('seqServiceS'));
    return formula(r.working, r.value, 's');
  },
  tpcAnswers: (ctx) => sim('thread-per-connection', "clients' answers arrive at", answerTimes(ctx, 'thread-per-connection').join(', '), 's'),
  poolAnswers: (ctx) => sim('thread-pool', "clients' answers arrive at", answerTimes(ctx, 'thread-pool').join(', '), 's'),
  poolWorkers: (ctx) => {
    const workers = new Set(calls(ctx.run('thread-pool'), { host: 'server', call: 'sleep' }).map((c) => c.thread));
    return sim('thread-pool', 'server threads that do the work', workers.size);
  },
  poolFormulaS: (ctx) => {
    const workers = new Set(calls(ctx.run('thread-pool'), { host: 'server', call: 'sleep' }).map((c) => c.thread)).size;
    const r = sequentialServer(g('seqRequests'), g('seqServiceS'), workers);
    return formula(r.working, r.value, 's');
  },
  nbAcceptErrno: (ctx) => sim('nonblocking-accept', 'errno of the first accept()', calls(ctx.run('nonblocking-accept'), { host: 'server', call: 'accept' }).find((c) => c.errno)?.errno ?? 'none'),
  nbConnectErrno: (ctx) => sim('nonblocking-accept', 'errno of connect()', calls(ctx.run('nonblocking-accept'), { host: 'client', call: 'connect' }).find((c) => c.errno)?.errno ?? 'none'),
  shutdownResets: (ctx) => sim('graceful-shutdown', 'client recv() calls that failed ECONNRESET', calls(ctx.run('graceful-shutdown'), { host: 'client', call: 'recv' }).filter((c) => c.errno === 'ECONNRESET').length),
  shutdownServed: (ctx) => sim('graceful-shutdown', 'client recv() calls that got an answer', calls(ctx.run('graceful-shutdown'), { host: 'client', call: 'recv' }).filter((c) => (c.ret ?? 0) > 0).length),
} satisfies FactDefs;
