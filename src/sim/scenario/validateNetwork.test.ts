import { describe, expect, it } from 'vitest';
import { errorLines, makeScenario } from './testing/makeScenario.ts';

const withFaults = (...faults: unknown[]) => makeScenario({ network: { delayMs: 5, faults } });

describe('validateNetwork', () => {
  it('accepts every kind of fault', () => {
    expect(errorLines(withFaults(
      { action: 'drop', match: { from: 'client', flags: 'S' } },
      { action: 'drop', match: { from: 'server', flags: 'S.', nth: 1 }, count: 2 },
      { action: 'duplicate', match: { hasData: true } },
      { action: 'delay', match: { to: 'server', afterMs: 10, beforeMs: 20 }, delayMs: 100 },
      { action: 'reorder', match: { from: 'client', hasData: true }, count: 1 },
      { action: 'loss', rate: 0.1 },
      { action: 'loss', rate: 0.5, match: { from: 'server' } },
    ))).toEqual([]);
  });

  it('checks delayMs and the type of network and faults', () => {
    expect(errorLines(makeScenario({ network: { delayMs: -1 } }))).toEqual(['/network/delayMs: the one-way delay must be a number from 0 to 60000, got -1']);
    expect(errorLines(makeScenario({ network: [] }))).toEqual(['/network: "network" must be an object, got an array']);
    expect(errorLines(makeScenario({ network: { faults: {} } }))).toEqual(['/network/faults: must be an array of faults']);
    expect(errorLines(makeScenario({ network: { delay: 5 } }))).toEqual(['/network/delay: unknown key "delay" in "network" (did you mean "delayMs"?) (allowed: delayMs, faults)']);
  });

  it('checks the action and the keys it allows', () => {
    expect(errorLines(withFaults({ action: 'dorp', match: {} }))).toEqual([
      '/network/faults/0/action: unknown fault action "dorp" (did you mean "drop"?) (one of: drop, duplicate, delay, reorder, loss)',
    ]);
    expect(errorLines(withFaults({ match: {} }))).toEqual(['/network/faults/0: a fault needs "action"']);
    expect(errorLines(withFaults({ action: 'drop' }))).toEqual(['/network/faults/0: a "drop" fault needs "match"']);
    expect(errorLines(withFaults({ action: 'drop', match: {}, rate: 0.5 }))).toEqual([
      '/network/faults/0/rate: unknown key "rate" in a "drop" fault (allowed: action, match, count)',
    ]);
    expect(errorLines(withFaults({ action: 'delay', match: {} }))).toEqual(['/network/faults/0: a "delay" fault needs "delayMs"']);
    expect(errorLines(withFaults({ action: 'loss', rate: 1.5 }))).toEqual(['/network/faults/0/rate: the loss rate (a probability) must be a number from 0 to 1, got 1.5']);
    expect(errorLines(withFaults({ action: 'loss', rate: 0.1, count: 3 }))).toEqual([
      '/network/faults/0/count: unknown key "count" in a "loss" fault (allowed: action, rate, match)',
    ]);
    expect(errorLines(withFaults({ action: 'drop', match: {}, count: 0 }))).toEqual(['/network/faults/0/count: count must be an integer from 1 to 1000000, got 0']);
  });

  it('checks the match', () => {
    expect(errorLines(withFaults({ action: 'drop', match: { from: 'clinet' } }))).toEqual([
      '/network/faults/0/match/from: "clinet" is not a host (did you mean "client"?) (hosts: client, server)',
    ]);
    expect(errorLines(withFaults({ action: 'drop', match: { nth: 0, hasData: 'yes', syn: true } }))).toEqual([
      '/network/faults/0/match/syn: unknown key "syn" in "match" (allowed: from, to, flags, hasData, nth, afterMs, beforeMs)',
      '/network/faults/0/match/hasData: must be true or false',
      '/network/faults/0/match/nth: nth (1 = the first matching segment) must be an integer from 1 to 1000000, got 0',
    ]);
    expect(errorLines(withFaults({ action: 'drop', match: { afterMs: 20, beforeMs: 10 } }))).toEqual([
      '/network/faults/0/match/beforeMs: must be later than afterMs (20); no segment could match',
    ]);
  });

  it.each([
    ['.S', '".S" tcpdump writes these flags as "S."'],
    ['SA', '"SA" is not tcpdump flag notation: letters from F S R P . U E W in that order, e.g. "S", "S.", ".", "P.", "F.", "R", "R."'],
    ['s.', '"s." is not tcpdump flag notation (did you mean "S."?): letters from F S R P . U E W in that order, e.g. "S", "S.", ".", "P.", "F.", "R", "R."'],
    ['', 'must not be empty'],
  ])('rejects the flags %j', (flags, message) => {
    expect(errorLines(withFaults({ action: 'drop', match: { flags } }))).toEqual([`/network/faults/0/match/flags: ${message}`]);
  });

  it.each(['S', 'S.', '.', 'P.', 'F.', 'FP.', 'R', 'R.', 'none'])('accepts the flags %j', (flags) => {
    expect(errorLines(withFaults({ action: 'drop', match: { flags } }))).toEqual([]);
  });
});
