// Collects validation errors and offers the small typed checks every part of the validator uses. A check reports
// at the path of the value it looked at and returns the value narrowed, or undefined when it was wrong.

import { describeValue, describeWithKind, quote } from './describeValue.ts';
import { didYouMean } from './didYouMean.ts';
import { escapeSegment } from './jsonPointer.ts';
import { LIMITS } from './limits.ts';

export interface ScenarioError {
  /** JSON pointer of the offending value ("" is the whole file), e.g. "/steps/3/fd". */
  path: string;
  message: string;
  /** Where the value starts in the file, when the scenario came from text (parseScenarioText). 1-based. */
  line?: number;
  column?: number;
}

export type Json = Record<string, unknown>;

export const NAME_PATTERN = /^[A-Za-z_][A-Za-z0-9_-]{0,31}$/;
export const NAME_RULE = 'a letter or _ followed by up to 31 letters, digits, _ or -';

export function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function hasKey(o: Json, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(o, key);
}

export class Reporter {
  readonly errors: ScenarioError[] = [];

  error(path: string, message: string): void {
    if (this.errors.length < LIMITS.errors) this.errors.push({ path, message });
  }

  /** At the cap: callers with a lot of input left stop looking. */
  get full(): boolean {
    return this.errors.length >= LIMITS.errors;
  }

  result(): ScenarioError[] {
    if (!this.full) return this.errors;
    return [...this.errors, { path: '', message: `stopped after ${LIMITS.errors} errors; fix these and validate again` }];
  }

  object(v: unknown, path: string, what: string): Json | undefined {
    if (isObject(v)) return v;
    this.error(path, `${what} must be an object, got ${describeWithKind(v)}`);
    return undefined;
  }

  /** Reports keys outside `allowed`; `context` says whose keys they are ("a bind step"). */
  onlyKeys(o: Json, path: string, allowed: readonly string[], context: string): void {
    for (const k of Object.keys(o)) {
      if (allowed.includes(k)) continue;
      this.error(`${path}/${escapeSegment(k)}`, `unknown key ${quote(k)} in ${context}${didYouMean(k, allowed)} (allowed: ${allowed.join(', ')})`);
      if (this.full) return;
    }
  }

  /** Reports a missing key; returns whether it is there. */
  present(o: Json, path: string, key: string, context: string): boolean {
    if (hasKey(o, key) && o[key] !== undefined) return true;
    this.error(path, `${context} needs ${quote(key)}`);
    return false;
  }

  integer(v: unknown, path: string, min: number, max: number, what = 'must be'): number | undefined {
    if (typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max) return v;
    this.error(path, `${what} an integer from ${min} to ${max}, got ${describeWithKind(v)}`);
    return undefined;
  }

  number(v: unknown, path: string, min: number, max: number, what = 'must be'): number | undefined {
    if (typeof v === 'number' && Number.isFinite(v) && v >= min && v <= max) return v;
    this.error(path, `${what} a number from ${min} to ${max}, got ${describeWithKind(v)}`);
    return undefined;
  }

  string(v: unknown, path: string, maxLength: number, minLength = 1): string | undefined {
    if (typeof v !== 'string') {
      this.error(path, `must be a string, got ${describeValue(v)}`);
      return undefined;
    }
    if (v.length < minLength) {
      this.error(path, minLength === 1 ? 'must not be empty' : `must have at least ${minLength} characters`);
      return undefined;
    }
    if (v.length > maxLength) {
      this.error(path, `is ${v.length} characters long; the limit is ${maxLength}`);
      return undefined;
    }
    return v;
  }

  name(v: unknown, path: string, what: string): string | undefined {
    if (typeof v === 'string' && NAME_PATTERN.test(v)) return v;
    if (typeof v !== 'string') this.error(path, `${what} must be a string, got ${describeValue(v)}`);
    else this.error(path, `${quote(v)} is not a valid ${what}: use ${NAME_RULE}`);
    return undefined;
  }

  oneOf<T extends string>(v: unknown, path: string, options: readonly T[], what: string): T | undefined {
    if (typeof v === 'string' && (options as readonly string[]).includes(v)) return v as T;
    const hint = typeof v === 'string' ? didYouMean(v, options) : '';
    this.error(path, `unknown ${what} ${describeValue(v)}${hint} (one of: ${options.join(', ')})`);
    return undefined;
  }
}
