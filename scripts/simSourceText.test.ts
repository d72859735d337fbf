// ESLint checks what src/sim's code does; this checks what its text says. An audit by grep reads comments too,
// and a comment that ends on "window." or names Date.now looks like an impurity even when the code is clean.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from 'vitest';

const FORBIDDEN = /window\s*(?:\.|\?\.|\[)|\bdocument\.|\bDate\.now|\bMath\.random|\bperformance\.now|\bsetTimeout\b|\bsetInterval\b|from ['"](?:react|react-dom|zustand|framer-motion|motion)(?:\/[^'"]*)?['"]/;

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sources(join(dir, e.name)) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [join(dir, e.name)] : []);
}

test('no line of src/sim reads like DOM, wall-clock, random or UI use, comments included', () => {
  const hits = sources('src/sim').flatMap((file) =>
    readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (FORBIDDEN.test(line) ? [`${file}:${i + 1}: ${line.trim()}`] : [])));
  expect(hits).toEqual([]);
});
