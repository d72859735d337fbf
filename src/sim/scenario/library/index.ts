// The built-in scenarios: one JSON file each, in the order the picker lists them within a topic. Every file goes
// through validateScenario when this module loads, so a broken file fails loudly (and in the tests) instead of
// reaching the engine; what is exported is the validated, frozen copy.

import type { Scenario } from '../types.ts';
import { formatScenarioError, validateScenario } from '../validateScenario.ts';

import handshake from './handshake.json' with { type: 'json' };
import simultaneousOpen from './simultaneous-open.json' with { type: 'json' };
import lostSynack from './lost-synack.json' with { type: 'json' };
import lostFinalAck from './lost-final-ack.json' with { type: 'json' };
import manyClientsOnePort from './many-clients-one-port.json' with { type: 'json' };
import listenWithoutAccept from './listen-without-accept.json' with { type: 'json' };
import clientClosesFirst from './client-closes-first.json' with { type: 'json' };
import serverClosesFirst from './server-closes-first.json' with { type: 'json' };
import simultaneousClose from './simultaneous-close.json' with { type: 'json' };
import halfClose from './half-close.json' with { type: 'json' };
import closeWaitLeak from './close-wait-leak.json' with { type: 'json' };
import gracefulShutdown from './graceful-shutdown.json' with { type: 'json' };
import connectionRefused from './connection-refused.json' with { type: 'json' };
import resetUnreadData from './reset-unread-data.json' with { type: 'json' };
import resetLingerZero from './reset-linger-zero.json' with { type: 'json' };
import processCrashReset from './process-crash-reset.json' with { type: 'json' };
import lostDataRetransmit from './lost-data-retransmit.json' with { type: 'json' };
import lossyTransfer from './lossy-transfer.json' with { type: 'json' };
import backlogOverflow from './backlog-overflow.json' with { type: 'json' };
import somaxconnCapsBacklog from './somaxconn-caps-backlog.json' with { type: 'json' };
import synFloodCookies from './syn-flood-cookies.json' with { type: 'json' };
import synFloodNoCookies from './syn-flood-no-cookies.json' with { type: 'json' };
import connectTimeout from './connect-timeout.json' with { type: 'json' };
import connectSettimeout from './connect-settimeout.json' with { type: 'json' };
import emfile from './emfile.json' with { type: 'json' };
import recvTimeout from './recv-timeout.json' with { type: 'json' };
import keepaliveDeadPeer from './keepalive-dead-peer.json' with { type: 'json' };
import keepaliveOffDeadPeer from './keepalive-off-dead-peer.json' with { type: 'json' };
import nagleHello from './nagle-hello.json' with { type: 'json' };
import nodelayHello from './nodelay-hello.json' with { type: 'json' };
import reuseaddrRestartFails from './reuseaddr-restart-fails.json' with { type: 'json' };
import reuseaddrRestartWorks from './reuseaddr-restart-works.json' with { type: 'json' };
import reuseaddrTwoListeners from './reuseaddr-two-listeners.json' with { type: 'json' };
import sequentialServer from './sequential-server.json' with { type: 'json' };
import threadPerConnection from './thread-per-connection.json' with { type: 'json' };
import threadPool from './thread-pool.json' with { type: 'json' };
import nonblockingAccept from './nonblocking-accept.json' with { type: 'json' };
import reuseportWorkers from './reuseport-workers.json' with { type: 'json' };
import httpKeepalive from './http-keepalive.json' with { type: 'json' };
import httpTwoConnections from './http-two-connections.json' with { type: 'json' };
import coldStart from './cold-start.json' with { type: 'json' };
import stalePoolConnection from './stale-pool-connection.json' with { type: 'json' };
import timeWaitPileup from './time-wait-pileup.json' with { type: 'json' };
import ephemeralPortExhaustion from './ephemeral-port-exhaustion.json' with { type: 'json' };

const FILES: readonly unknown[] = [
  handshake,
  simultaneousOpen,
  lostSynack,
  lostFinalAck,
  manyClientsOnePort,
  listenWithoutAccept,
  clientClosesFirst,
  serverClosesFirst,
  simultaneousClose,
  halfClose,
  closeWaitLeak,
  gracefulShutdown,
  connectionRefused,
  resetUnreadData,
  resetLingerZero,
  processCrashReset,
  lostDataRetransmit,
  lossyTransfer,
  backlogOverflow,
  somaxconnCapsBacklog,
  synFloodCookies,
  synFloodNoCookies,
  connectTimeout,
  connectSettimeout,
  emfile,
  recvTimeout,
  keepaliveDeadPeer,
  keepaliveOffDeadPeer,
  nagleHello,
  nodelayHello,
  reuseaddrRestartFails,
  reuseaddrRestartWorks,
  reuseaddrTwoListeners,
  sequentialServer,
  threadPerConnection,
  threadPool,
  nonblockingAccept,
  reuseportWorkers,
  httpKeepalive,
  httpTwoConnections,
  coldStart,
  stalePoolConnection,
  timeWaitPileup,
  ephemeralPortExhaustion,
];

export const builtinScenarios: readonly Scenario[] = FILES.map(load);

const byId = new Map(builtinScenarios.map((s) => [s.id, s]));

export function findBuiltin(id: string): Scenario | undefined {
  return byId.get(id);
}

function load(file: unknown): Scenario {
  const result = validateScenario(file);
  if (!result.ok) {
    const id = (file as { id?: unknown }).id;
    throw new Error(`built-in scenario ${String(id)} is invalid:\n  ${result.errors.map(formatScenarioError).join('\n  ')}`);
  }
  return deepFreeze(result.scenario);
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const v of Object.values(value)) deepFreeze(v);
    Object.freeze(value);
  }
  return value;
}
