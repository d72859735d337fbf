// Simulated time in integer microseconds. Nothing in src/sim reads the wall clock (see README.md).
// Integer µs keep runs exact and byte-identical: a 0.05 ms loopback hop is 50 µs, never 0.049999.

export const US_PER_MS = 1000;
export const US_PER_S = 1_000_000;

export const ms = (x: number): number => Math.round(x * US_PER_MS);
export const sec = (x: number): number => Math.round(x * US_PER_S);

/** A clock that only moves forward; the engine advances it to each event's time. */
export class SimClock {
  private t = 0;
  now(): number {
    return this.t;
  }
  advanceTo(t: number): void {
    if (t < this.t) throw new Error(`SimClock cannot go back in time (${t} < ${this.t})`);
    this.t = t;
  }
}
