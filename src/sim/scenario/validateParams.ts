// /params: the lab's knobs. Each points (JSON pointer) at a number or string in this very file, with bounds that the
// current value must already respect, so a knob at its default leaves the scenario as written.

import { describeValue, quote } from './describeValue.ts';
import { isPointerPrefix, jsonPointer, parsePointer, resolvePointer } from './jsonPointer.ts';
import { LIMITS } from './limits.ts';
import { NAME_PATTERN, NAME_RULE, type Json, type Reporter } from './Reporter.ts';
import type { ScenarioParam } from './types.ts';

const PARAM_KEYS = ['label', 'path', 'min', 'max', 'step', 'options'];
/** Places a knob must not turn: the format version, the identity, and the knobs themselves. */
const FROZEN = ['/version', '/id', '/params', '/$schema'];

export function validateParams(r: Reporter, raw: unknown, root: Json): Record<string, ScenarioParam> | undefined {
  const o = r.object(raw, '/params', '"params"');
  if (!o) return undefined;
  const names = Object.keys(o);
  if (names.length > LIMITS.params) {
    r.error('/params', `has ${names.length} params; the limit is ${LIMITS.params}`);
    return undefined;
  }
  const out: Record<string, ScenarioParam> = {};
  for (const name of names) {
    const path = jsonPointer('params', name);
    if (!NAME_PATTERN.test(name)) r.error(path, `${quote(name)} is not a valid param name: use ${NAME_RULE}`);
    const p = validateParam(r, o[name], path, root);
    if (p) out[name] = p;
    if (r.full) break;
  }
  return out;
}

function validateParam(r: Reporter, raw: unknown, path: string, root: Json): ScenarioParam | undefined {
  const o = r.object(raw, path, 'a param');
  if (!o) return undefined;
  r.onlyKeys(o, path, PARAM_KEYS, 'a param');
  const hasLabel = r.present(o, path, 'label', 'a param');
  const hasPath = r.present(o, path, 'path', 'a param');
  const label = hasLabel ? r.string(o.label, `${path}/label`, LIMITS.label) : undefined;
  const pointer = hasPath ? r.string(o.path, `${path}/path`, LIMITS.pointer) : undefined;
  let target: unknown;
  if (pointer !== undefined) {
    const segments = parsePointer(pointer);
    if (segments === null) r.error(`${path}/path`, `${quote(pointer)} is not a JSON pointer (it starts with "/", e.g. "/network/delayMs")`);
    else if (pointer === '' || FROZEN.some((f) => isPointerPrefix(f, pointer))) r.error(`${path}/path`, `${quote(pointer)} cannot be a knob`);
    else {
      target = resolvePointer(root, segments);
      if (target === undefined) r.error(`${path}/path`, `${quote(pointer)} does not point at a value in this file`);
      else if (typeof target !== 'number' && typeof target !== 'string') {
        r.error(`${path}/path`, `${quote(pointer)} points at ${describeValue(target)}; a knob turns a number or a string`);
        target = undefined;
      }
    }
  }
  const out: ScenarioParam = { label: label ?? '', path: pointer ?? '' };
  let ok = label !== undefined && target !== undefined;
  for (const k of ['min', 'max', 'step'] as const) {
    if (o[k] === undefined) continue;
    if (typeof target === 'string') {
      r.error(`${path}/${k}`, `the value at ${quote(pointer!)} is text; a text knob takes "options", not "${k}"`);
      ok = false;
      continue;
    }
    const v = r.number(o[k], `${path}/${k}`, k === 'step' ? Number.MIN_VALUE : -LIMITS.timeMs, LIMITS.timeMs, `${k} must be`);
    if (v === undefined) ok = false;
    else out[k] = v;
  }
  const ordered = out.min === undefined || out.max === undefined || out.min <= out.max;
  if (!ordered) {
    r.error(`${path}/max`, `must not be below min (${out.min})`);
    ok = false;
  }
  if (o.options !== undefined) {
    const options = validateOptions(r, o.options, `${path}/options`, target);
    if (options) out.options = options;
    else ok = false;
  }
  if (typeof target === 'number') {
    if (o.options === undefined && (o.min === undefined || o.max === undefined)) {
      r.error(path, 'a number knob needs "min" and "max", or "options"');
      ok = false;
    }
    if (ordered && ((out.min !== undefined && target < out.min) || (out.max !== undefined && target > out.max))) {
      r.error(path, `the current value ${target} is outside min..max (${out.min ?? '…'}..${out.max ?? '…'})`);
      ok = false;
    }
  }
  if (typeof target === 'string' && o.options === undefined) {
    r.error(path, 'a text knob needs "options"');
    ok = false;
  }
  if (out.options && target !== undefined && !out.options.includes(target as number | string)) {
    r.error(`${path}/options`, `must include the current value ${describeValue(target)}`);
    ok = false;
  }
  return ok ? out : undefined;
}

function validateOptions(r: Reporter, v: unknown, path: string, target: unknown): (number | string)[] | undefined {
  if (!Array.isArray(v) || v.length === 0 || v.length > 100) {
    r.error(path, 'must be an array of 1 to 100 values');
    return undefined;
  }
  const kind = typeof target;
  for (let i = 0; i < v.length; i++) {
    const x: unknown = v[i];
    const good = (typeof x === 'number' && Number.isFinite(x)) || (typeof x === 'string' && x.length <= LIMITS.label);
    if (!good || (target !== undefined && typeof x !== kind)) {
      r.error(`${path}/${i}`, `must be a ${kind === 'string' ? 'string' : 'number'} like the value the knob turns, got ${describeValue(x)}`);
      return undefined;
    }
  }
  return v as (number | string)[];
}
