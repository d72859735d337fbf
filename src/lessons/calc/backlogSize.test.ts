import { describe, expect, it } from 'vitest';
import { backlogSize } from './backlogSize.ts';

describe('backlogSize', () => {
  it('burst × accept latency, under somaxconn', () => {
    expect(backlogSize(5000, 100, 4096)).toMatchObject({ value: 500, wanted: 500, clamped: false });
  });
  it('clamped by somaxconn 128 (kernels before 5.4)', () => {
    expect(backlogSize(5000, 100, 128)).toMatchObject({ value: 128, clamped: true });
  });
});
