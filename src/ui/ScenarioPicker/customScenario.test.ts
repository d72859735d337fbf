import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { builtinCatalog, createPlaybackStore, runScenario, type Scenario } from '../../playback/index.ts';
import { explainCustomLink, isCustomLink, openCustomLink } from './customLink.ts';
import { CUSTOM_ID, downloadable, loadCustom, MAX_BYTES, NOT_BY_LINK, playable, saveCustom, STORAGE_KEY, type CustomScenario } from './customScenario.ts';
import { prepareCustom } from './importScenario.ts';
import { checkScenarioText, cutFor, lineColumnOf, offsetOf, utf8Bytes, type TextCheck } from './scenarioText.ts';
import { trialInline } from './trialRun.ts';

const builtins = builtinCatalog.scenarios;
const handshake = builtinCatalog.find('handshake')!;

/** A Storage in memory; `broken` makes every call throw, as a sandboxed frame's does. */
class MemoryStorage implements Storage {
  readonly map = new Map<string, string>();
  constructor(private readonly broken: 'get' | 'set' | null = null) {}
  get length(): number {
    return this.map.size;
  }
  clear(): void {
    this.map.clear();
  }
  getItem(k: string): string | null {
    if (this.broken === 'get') throw new Error('SecurityError');
    return this.map.get(k) ?? null;
  }
  key(i: number): string | null {
    return [...this.map.keys()][i] ?? null;
  }
  removeItem(k: string): void {
    this.map.delete(k);
  }
  setItem(k: string, v: string): void {
    if (this.broken === 'set') throw new Error('QuotaExceededError');
    this.map.set(k, String(v));
  }
}

/** Every refusal is at least one error with a message; nothing else is allowed out. */
function expectWellFormed(r: TextCheck): void {
  if (r.ok) return;
  expect(r.errors.length).toBeGreaterThan(0);
  for (const e of r.errors) {
    expect(typeof e.message).toBe('string');
    expect(e.message.length).toBeGreaterThan(0);
    expect(typeof e.path).toBe('string');
    if (e.line !== undefined) expect(e.line).toBeGreaterThanOrEqual(1);
  }
}

const custom = (scenario: Scenario, extra: Partial<CustomScenario> = {}): CustomScenario => ({
  name: 'mine.json',
  text: JSON.stringify(scenario, null, 2),
  scenario,
  ...extra,
});

describe('checkScenarioText', () => {
  it('opens every built-in written out as a file', () => {
    for (const sc of builtins) {
      const r = checkScenarioText(JSON.stringify(sc, null, 2));
      expect(r.ok, sc.id).toBe(true);
    }
  });

  it('places a JSON syntax error at its line and column', () => {
    const r = checkScenarioText('{\n  "version": 1,\n  "id": "x"\n  "title": "t"\n}');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.errors[0]).toMatchObject({ path: '', line: 4, column: 3 });
    expect(r.errors[0]!.message).toMatch(/not valid JSON/);
  });

  it('names the JSON path, line and column of a wrong value', () => {
    const text = JSON.stringify({ ...handshake, steps: [...handshake.steps.slice(0, 4), { host: 'server', call: 'conect', fd: 'l' }] }, null, 2);
    const r = checkScenarioText(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const e = r.errors.find((x) => x.path === '/steps/4/call');
    expect(e?.message).toMatch(/unknown call "conect"/);
    expect(e?.line).toBeGreaterThan(1);
    expect(text.split('\n')[e!.line! - 1]).toContain('"conect"');
  });

  it('refuses what is not text, empty text and text over the size limit, without parsing it', () => {
    for (const v of [null, undefined, 42, {}, [], new Uint8Array(3)]) expectWellFormed(checkScenarioText(v));
    const empty = checkScenarioText('   \n');
    expect(empty.ok || empty.errors[0]!.message).toMatch(/nothing to open/);
    const huge = checkScenarioText(`{"steps": "${'x'.repeat(MAX_BYTES)}"}`);
    expect(huge.ok).toBe(false);
    if (!huge.ok) expect(huge.errors[0]!.message).toMatch(/1\.0 MB; the lab opens scenario files up to 1\.0 MB/);
    const t = performance.now();
    expect(checkScenarioText('['.repeat(20_000_000)).ok).toBe(false);
    expect(performance.now() - t).toBeLessThan(2000);
  });

  it('counts UTF-8 bytes like the file on disk', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('→')).toBe(3);
    expect(utf8Bytes('😀')).toBe(4);
    fc.assert(fc.property(fc.string({ unit: 'binary' }), (s) => utf8Bytes(s) === new TextEncoder().encode(s).length));
  });

  it('never throws on arbitrary text, and every refusal says why', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v))), (text) => {
        expectWellFormed(checkScenarioText(text));
      }),
      { numRuns: 500 },
    );
  });

  it('never throws on mutated built-ins: cut, spliced, retyped or missing values', () => {
    const mutation = fc.oneof(
      // Text edits: delete a stretch, insert junk.
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat(), len: fc.integer({ min: 1, max: 40 }) }),
      fc.record({ kind: fc.constant('insert' as const), at: fc.nat(), junk: fc.oneof(fc.string({ maxLength: 6 }), fc.constantFrom(',', '}', ']', '"', ':', '{', '\\', '\u0000', 'NaN', '1e999')) }),
      // Value edits: replace or delete the value at a random path.
      fc.record({ kind: fc.constant('replace' as const), pick: fc.nat(), value: fc.jsonValue({ maxDepth: 2 }) }),
      fc.record({ kind: fc.constant('delete' as const), pick: fc.nat() }),
    );
    fc.assert(
      fc.property(fc.nat({ max: builtins.length - 1 }), fc.array(mutation, { minLength: 1, maxLength: 4 }), (i, muts) => {
        const doc = structuredClone(builtins[i]!) as unknown;
        for (const m of muts) {
          if (m.kind === 'replace' || m.kind === 'delete') {
            const slots = containers(doc);
            const [parent, key] = slots[m.pick % slots.length]!;
            if (m.kind === 'replace') (parent as Record<string, unknown>)[key] = m.value;
            else if (Array.isArray(parent)) parent.splice(Number(key), 1);
            else delete (parent as Record<string, unknown>)[key];
          }
        }
        let text = JSON.stringify(doc, null, 2);
        for (const m of muts) {
          if (m.kind === 'cut') text = text.slice(0, m.at % text.length) + text.slice((m.at % text.length) + m.len);
          if (m.kind === 'insert') text = text.slice(0, m.at % (text.length + 1)) + m.junk + text.slice(m.at % (text.length + 1));
        }
        const r = checkScenarioText(text);
        expectWellFormed(r);
        // What passes the checks must also run: a bounded trial never throws either.
        if (r.ok) {
          const t = trialInline(r.scenario, 2_000);
          if (!t.ok) expect(t.message.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Every (container, key) in a JSON document, to pick a value to mutate. */
function containers(doc: unknown): [object, string][] {
  const out: [object, string][] = [];
  const walk = (v: unknown): void => {
    if (v === null || typeof v !== 'object') return;
    for (const k of Object.keys(v)) {
      out.push([v, k]);
      walk((v as Record<string, unknown>)[k]);
    }
  };
  walk(doc);
  return out;
}

describe('caret positions', () => {
  it('offsetOf and lineColumnOf agree', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('a', 'b', '\n', '{', ' ') }), fc.nat(), (text, n) => {
        const offset = n % (text.length + 1);
        const { line, column } = lineColumnOf(text, offset);
        expect(offsetOf(text, line, column)).toBe(offset);
      }),
    );
    expect(offsetOf('ab\ncd', 9, 9)).toBe(5);
    expect(offsetOf('ab\ncd', 1, 99)).toBe(2);
  });
});

describe('the trial run and its cut', () => {
  const flood = (count: number): Scenario => ({
    version: 1,
    id: 'flood',
    title: 'flood',
    network: { delayMs: 150 },
    hosts: { client: { ip: '10.0.0.1' }, server: { ip: '10.0.0.2' } },
    steps: [
      { host: 'server', call: 'socket', as: 'l' },
      { host: 'server', call: 'bind', fd: 'l', port: 80 },
      { host: 'server', call: 'listen', fd: 'l', backlog: 4096 },
      { host: 'client', call: 'synflood', addr: 'server:80', count, intervalMs: 0.05 },
    ],
  });

  it('needs no cut for a scenario within the budget', () => {
    const t = trialInline(handshake);
    expect(t.ok && cutFor(t.trial)).toBe(null);
  });

  it('cuts a runaway scenario where the budget ran out, so the lab run stays within it', () => {
    const t = trialInline(flood(5000), 3_000);
    expect(t.ok).toBe(true);
    if (!t.ok) return;
    expect(t.trial.truncated).toMatch(/event budget/);
    const cut = cutFor(t.trial, 3_000);
    expect(typeof cut).toBe('object');
    if (typeof cut !== 'object' || cut === null) return;
    expect(cut.note).toMatch(/cut short.*3,000 events/);
    const lab = runScenario(playable(custom(flood(5000), { cut })));
    expect(lab.truncated).toBeUndefined();
    expect(lab.engineEvents).toBeLessThanOrEqual(3_000);
    expect(lab.scenarioId).toBe(CUSTOM_ID);
  });

  it('prepares a runaway scenario for the lab with the default budget: checked, trial-run, cut', async () => {
    const p = await prepareCustom(JSON.stringify(flood(8000)), 'flood.json');
    expect(p.ok).toBe(true);
    if (!p.ok) return;
    expect(p.custom.cut?.note).toMatch(/cut short: the simulator stopped after 25,000 events \(event budget of 25000 exhausted\)/);
    const bad = await prepareCustom('{"version": 1,', 'bad.json');
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors[0]).toMatchObject({ line: 1 });
  });

  it('refuses a scenario that uses the whole budget at time zero', () => {
    expect(cutFor({ engineEvents: 10, events: 10, endT: 0, truncated: 'event budget of 10 exhausted' }, 10)).toMatch(/at the very start/);
  });
});

describe('Download JSON', () => {
  it('saves a built-in with the current knobs, and it opens again', () => {
    const store = createPlaybackStore();
    store.getState().load(findWithParams());
    const base = store.getState().loaded!.base;
    const [name, param] = Object.entries(base.params!)[0]!;
    const value = param.options ? param.options[param.options.length - 1]! : param.max!;
    expect(store.getState().setKnobs({ delayMs: 40, seed: 99, params: { [name]: value } })).toBe(true);
    const { fileName, json } = downloadable(store.getState().loaded!, null);
    expect(fileName).toBe(`${base.id}.json`);
    const back = checkScenarioText(json);
    expect(back.ok).toBe(true);
    if (!back.ok) return;
    expect(back.scenario.network?.delayMs).toBe(40);
    expect(back.scenario.seed).toBe(99);
    expect(back.scenario.id).toBe(base.id);
    expect(Object.keys(JSON.parse(json)).slice(0, 3)).toEqual(['version', 'id', 'title']);
  });

  it('saves a custom scenario under its own id, without the lab’s cut', () => {
    const mine = { ...handshake, id: 'my-own' };
    const c = custom(mine, { cut: { untilMs: 5, note: 'cut' } });
    const store = createPlaybackStore();
    store.getState().load(playable(c));
    expect(store.getState().loaded!.base.id).toBe(CUSTOM_ID);
    const { fileName, json } = downloadable(store.getState().loaded!, c);
    expect(fileName).toBe('my-own.json');
    const doc = JSON.parse(json) as Scenario;
    expect(doc.id).toBe('my-own');
    expect(doc.untilMs).toBe(handshake.untilMs);
    expect(store.getState().loaded!.scenario.untilMs).toBe(5);
  });
});

function findWithParams(): Scenario {
  const sc = builtins.find((s) => Object.values(s.params ?? {}).some((p) => p.path !== '/network/delayMs' && p.path !== '/seed'));
  if (!sc) throw new Error('no built-in has params');
  return sc;
}

describe('the copy kept in this tab', () => {
  it('round-trips a custom scenario, with its cut', () => {
    const s = new MemoryStorage();
    const c = custom(handshake, { cut: { untilMs: 12.5, note: 'cut short' } });
    expect(saveCustom(s, c)).toBe(null);
    const r = loadCustom(s);
    expect(r.kind).toBe('ok');
    if (r.kind !== 'ok') return;
    expect(r.custom.name).toBe('mine.json');
    expect(r.custom.scenario).toEqual(handshake);
    expect(r.custom.cut).toEqual({ untilMs: 12.5, note: 'cut short' });
  });

  it('says so when it cannot keep it, and reads nothing from a storage that refuses', () => {
    expect(saveCustom(null, custom(handshake))).toMatch(/reloading the page will drop it/);
    expect(saveCustom(new MemoryStorage('set'), custom(handshake))).toMatch(/too big to keep/);
    expect(loadCustom(new MemoryStorage('get'))).toEqual({ kind: 'none' });
    expect(loadCustom(null)).toEqual({ kind: 'none' });
    expect(loadCustom(new MemoryStorage())).toEqual({ kind: 'none' });
  });

  it('drops a damaged copy with a notice, whatever is stored', () => {
    const good = JSON.stringify({ v: 1, name: 'a.json', text: JSON.stringify(handshake) });
    const damaged = fc.oneof(
      fc.string(),
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ v: fc.oneof(fc.constant(1), fc.jsonValue()), name: fc.jsonValue(), text: fc.oneof(fc.string(), fc.jsonValue()), cut: fc.option(fc.jsonValue(), { nil: undefined }) }).map((r) => JSON.stringify(r)),
      fc.tuple(fc.nat(), fc.nat({ max: 30 })).map(([at, len]) => good.slice(0, at % good.length) + good.slice((at % good.length) + len + 1)),
    );
    fc.assert(
      fc.property(damaged, (raw) => {
        const s = new MemoryStorage();
        s.setItem(STORAGE_KEY, raw);
        const r = loadCustom(s);
        if (r.kind === 'dropped') {
          expect(r.notice).toMatch(/was damaged \(.+\) and has been removed/);
          expect(s.getItem(STORAGE_KEY)).toBe(null);
        } else expect(r.kind).toBe('ok');
      }),
      { numRuns: 400 },
    );
  });

  it('drops a copy saved in another version’s shape', () => {
    const s = new MemoryStorage();
    s.setItem(STORAGE_KEY, JSON.stringify({ v: 2, text: JSON.stringify(handshake) }));
    expect(loadCustom(s)).toMatchObject({ kind: 'dropped' });
  });
});

describe('links to a custom scenario', () => {
  it('recognises ?scenario=custom', () => {
    expect(isCustomLink('?scenario=custom&step=2')).toBe(true);
    expect(isCustomLink('?scenario=handshake')).toBe(false);
    expect(isCustomLink('')).toBe(false);
  });

  it('reopens the link with the kept scenario: step, seed and delay as the link says', () => {
    const store = createPlaybackStore();
    const search = '?scenario=custom&step=3&seed=7&delay=40';
    store.getState().openLink(search);
    expect(store.getState().problems.some((p) => p.startsWith('There is no scenario called "custom"'))).toBe(true);
    const mine = playable(custom({ ...handshake, id: 'my-own' }));
    expect(openCustomLink(store, search, mine)).toBe(true);
    const s = store.getState();
    expect(s.loaded!.base).toBe(mine);
    expect(s.step).toBe(3);
    expect(s.loaded!.knobs).toMatchObject({ seed: 7, delayMs: 40 });
    expect(s.problems).toEqual([]);
  });

  it('keeps the link’s own problems about the custom scenario', () => {
    const store = createPlaybackStore();
    const search = '?scenario=custom&step=9999';
    store.getState().openLink(search);
    openCustomLink(store, search, playable(custom(handshake)));
    expect(store.getState().problems.join(' ')).toMatch(/Step 9999 is past the end/);
  });

  it('explains why a custom link cannot open elsewhere', () => {
    const store = createPlaybackStore();
    store.getState().openLink('?scenario=custom');
    explainCustomLink(store);
    const p = store.getState().problems;
    expect(p).toHaveLength(1);
    expect(p[0]).toContain(NOT_BY_LINK);
    expect(p[0]).toMatch(/Showing “.+” instead\./);
  });
});
