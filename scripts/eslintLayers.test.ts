// The layer rule must really bite: each forbidden import (type imports included) is reported, allowed ones pass.

import { ESLint } from 'eslint';
import { describe, expect, test } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function ruleIds(filePath: string, code: string): Promise<string[]> {
  const [res] = await eslint.lintText(code, { filePath });
  return (res?.messages ?? []).map((m) => m.ruleId ?? m.message);
}

describe('layer boundaries', () => {
  test.each([
    ['src/sim/x.ts', "import type { FC } from 'react';\nexport type A = FC;\n"],
    ['src/sim/x.ts', "import { create } from 'zustand/vanilla';\nexport const s = create;\n"],
    ['src/sim/x.ts', "import type { Thing } from '../ui/Thing.tsx';\nexport type A = Thing;\n"],
    ['src/sim/x.ts', "import type { Store } from '../playback/createPlaybackStore.ts';\nexport type A = Store;\n"],
    ['src/sim/x.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n"],
    ['src/playback/x.ts', "import { useStore } from 'zustand';\nexport const u = useStore;\n"],
    ['src/playback/x.ts', "import type { Lesson } from '../lessons/types.ts';\nexport type L = Lesson;\n"],
    ['src/lessons/x.ts', "import type { ReactNode } from 'react';\nexport type N = ReactNode;\n"],
    ['src/lessons/x.ts', "import { createPlaybackStore } from '../playback/createPlaybackStore.ts';\nexport const c = createPlaybackStore;\n"],
  ])('%s rejects: %s', async (file, code) => {
    expect(await ruleIds(file, code)).toContain('@typescript-eslint/no-restricted-imports');
  });

  test('wall clock and unseeded randomness are rejected in src/sim', async () => {
    const ids = await ruleIds('src/sim/x.ts', 'export const t = Date.now() + Math.random();\nexport const s = setTimeout;\n');
    expect(ids.filter((i) => i === 'no-restricted-properties')).toHaveLength(2);
    expect(ids).toContain('no-restricted-globals');
  });

  test('allowed directions pass', async () => {
    expect(await ruleIds('src/playback/x.ts', "import { createStore } from 'zustand/vanilla';\nimport type { Timeline } from '../sim/index.ts';\nexport const a = createStore;\nexport type T = Timeline;\n")).toEqual([]);
    expect(await ruleIds('src/lessons/x.ts', "import type { Timeline } from '../sim/index.ts';\nexport type T = Timeline;\n")).toEqual([]);
  });
});
