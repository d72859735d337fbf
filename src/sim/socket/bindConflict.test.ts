import { describe, expect, test } from 'vitest';
import { bindConflicts } from './bindConflict.ts';

const base = { ip: '0.0.0.0', port: 8080, reuseaddr: false, reuseport: false };

describe('bind() conflicts (inet_bind_conflict)', () => {
  test('a port in TIME-WAIT blocks bind() unless both sockets set SO_REUSEADDR', () => {
    expect(bindConflicts({ ...base, state: 'TIME-WAIT' }, base)).toBe(true);
    expect(bindConflicts({ ...base, state: 'TIME-WAIT' }, { ...base, reuseaddr: true })).toBe(true);
    expect(bindConflicts({ ...base, reuseaddr: true, state: 'TIME-WAIT' }, { ...base, reuseaddr: true })).toBe(false);
  });
  test('SO_REUSEADDR never allows a second listener', () => {
    expect(bindConflicts({ ...base, reuseaddr: true, state: 'LISTEN' }, { ...base, reuseaddr: true })).toBe(true);
  });
  test('SO_REUSEPORT on both sockets shares the port, even with a listener', () => {
    expect(bindConflicts({ ...base, reuseport: true, state: 'LISTEN' }, { ...base, reuseport: true })).toBe(false);
    expect(bindConflicts({ ...base, reuseport: true, state: 'LISTEN' }, base)).toBe(true);
  });
  test('different specific addresses do not conflict; INADDR_ANY overlaps everything', () => {
    expect(bindConflicts({ ...base, ip: '10.0.0.1', state: 'LISTEN' }, { ...base, ip: '10.0.0.2' })).toBe(false);
    expect(bindConflicts({ ...base, ip: '10.0.0.1', state: 'LISTEN' }, base)).toBe(true);
  });
  test('another port never conflicts', () => {
    expect(bindConflicts({ ...base, port: 80, state: 'LISTEN' }, base)).toBe(false);
  });
});
