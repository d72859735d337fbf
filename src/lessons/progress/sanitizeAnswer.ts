// Rebuilds an Answer from untrusted JSON, or null. Copies only known fields so nothing odd rides along.

import type { Answer } from '../types.ts';

const MAX_ITEMS = 64;

function isObj(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function strings(v: unknown): string[] | null {
  if (!Array.isArray(v) || v.length > MAX_ITEMS) return null;
  return v.every((s) => typeof s === 'string' && s.length <= 200) ? [...(v as string[])] : null;
}

function numOrNull(v: unknown): number | null | undefined {
  if (v === null) return null;
  return typeof v === 'number' && Number.isFinite(v) ? v : undefined;
}

export function sanitizeAnswer(v: unknown): Answer | null {
  if (!isObj(v)) return null;
  switch (v.kind) {
    case 'single':
      return typeof v.choice === 'string' && v.choice.length <= 200 ? { kind: 'single', choice: v.choice } : null;
    case 'multi': {
      const choices = strings(v.choices);
      return choices ? { kind: 'multi', choices } : null;
    }
    case 'numeric':
      return typeof v.value === 'number' && Number.isFinite(v.value) ? { kind: 'numeric', value: v.value } : null;
    case 'order': {
      const order = strings(v.order);
      return order ? { kind: 'order', order } : null;
    }
    case 'predict': {
      const flags = strings(v.flags);
      const seq = numOrNull(v.seq);
      const ack = numOrNull(v.ack);
      return flags && seq !== undefined && ack !== undefined ? { kind: 'predict', flags, seq, ack } : null;
    }
    default:
      return null;
  }
}
