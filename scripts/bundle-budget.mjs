#!/usr/bin/env node
// Initial-JavaScript budget: reads dist/ after `vite build` (it builds nothing itself), follows the entry
// script's static imports — what the browser must fetch before the lab can draw — and gzips each file.
// Lazy chunks (dynamic import()) are listed but not counted. Exit 1 when the initial total is over budget.

import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BUDGET_KB = 170;
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(root, process.argv[2] ?? 'dist');

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`bundle-budget: ${dist}/index.html not found — run \`vite build\` first.`);
  process.exit(2);
}

const html = readFileSync(join(dist, 'index.html'), 'utf8');
const entries = [...html.matchAll(/<script[^>]+type="module"[^>]+src="([^"]+)"/g), ...html.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+)"/g)].map((m) => m[1].replace(/^\.?\//, ''));

const gz = (file) => gzipSync(readFileSync(join(dist, file)), { level: 9 }).length;
// Static imports only: `import … from "./x.js"` and `import "./x.js"`; `import("./x.js")` is lazy.
const staticImports = (code) => [...code.matchAll(/(?:\bfrom\s*|\bimport\s*)["']([^"']+\.js)["']/g)].map((m) => m[1]);

const initial = new Set();
const queue = [...entries];
while (queue.length) {
  const file = queue.shift();
  if (initial.has(file) || !existsSync(join(dist, file))) continue;
  initial.add(file);
  const code = readFileSync(join(dist, file), 'utf8');
  for (const spec of staticImports(code)) queue.push(posix.normalize(posix.join(posix.dirname(file), spec)));
}

const kb = (n) => (n / 1000).toFixed(1);
let total = 0;
console.log('Initial JavaScript (gzip -9):');
for (const f of initial) {
  const size = gz(f);
  total += size;
  console.log(`  ${f.padEnd(44)} ${kb(size).padStart(7)} kB`);
}
const lazy = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js') && !initial.has(`assets/${f}`));
if (lazy.length) {
  console.log('Loaded later (not counted):');
  for (const f of lazy) console.log(`  assets/${f.padEnd(37)} ${kb(gz(`assets/${f}`)).padStart(7)} kB`);
}
const over = total > BUDGET_KB * 1000;
console.log(`Initial JS: ${kb(total)} kB gzip of a ${BUDGET_KB} kB budget${over ? ' — OVER BUDGET' : ''}.`);
process.exit(over ? 1 : 0);
