#!/usr/bin/env node
// Lighthouse budget: reads dist/ after `npm run build` (it builds nothing itself), serves it the way a static
// host does (gzip for text, long caching for hashed assets), runs Lighthouse's desktop preset N times (default 3)
// against Debian's Chromium, and prints the median performance score, LCP, TBT and CLS against the budgets.
// Exit 1 when a median is over budget, 2 when it could not measure.
//
// Usage: npm run lighthouse [-- --runs 5] [-- --path '?scenario=syn-flood-cookies'] [-- --keep]
//   CHROME_PATH   the browser (default /usr/bin/chromium); browser downloads are blocked here.
//   --keep        write every run's report to test-results/lighthouse/.

import { createReadStream, existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, extname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { createGzip } from 'node:zlib';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';
import desktopConfig from 'lighthouse/core/config/desktop-config.js';

const BUDGET = { score: 95, lcpMs: 1200, tbtMs: 100, cls: 0.02 };
const CHROME_FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    runs: { type: 'string', default: '3' },
    path: { type: 'string', default: '' },
    dist: { type: 'string', default: 'dist' },
    keep: { type: 'boolean', default: false },
  },
});
const dist = join(root, args.dist);
const runs = Math.max(1, Math.min(15, Number(args.runs) || 3));
const chromePath = process.env.CHROME_PATH || '/usr/bin/chromium';

if (!existsSync(join(dist, 'index.html'))) {
  console.error(`lighthouse: ${dist}/index.html not found — run \`npm run build\` first.`);
  process.exit(2);
}
if (!existsSync(chromePath)) {
  console.error(`lighthouse: no browser at ${chromePath} — set CHROME_PATH (scripts/ensure-chromium.sh installs Debian's Chromium).`);
  process.exit(2);
}

// ——— A static host for dist/ ———
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};
const COMPRESS = new Set(['.html', '.js', '.css', '.svg', '.json', '.txt']);

const server = createServer((req, res) => {
  const url = new URL(req.url ?? '/', 'http://localhost');
  let rel = decodeURIComponent(url.pathname);
  if (rel.endsWith('/')) rel += 'index.html';
  const file = normalize(join(dist, rel));
  if (!file.startsWith(dist + sep) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    return;
  }
  const ext = extname(file);
  const headers = {
    'content-type': TYPES[ext] ?? 'application/octet-stream',
    // Vite names assets by content hash: they never change. The page itself is revalidated.
    'cache-control': rel.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
  };
  if (COMPRESS.has(ext) && /\bgzip\b/.test(req.headers['accept-encoding'] ?? '')) {
    res.writeHead(200, { ...headers, 'content-encoding': 'gzip', vary: 'accept-encoding' });
    createReadStream(file).pipe(createGzip({ level: 9 })).pipe(res);
  } else {
    res.writeHead(200, { ...headers, 'content-length': statSync(file).size });
    createReadStream(file).pipe(res);
  }
});
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
const address = server.address();
const url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/${args.path}`;

// ——— Runs ———
const outDir = join(root, 'test-results', 'lighthouse');
if (args.keep) mkdirSync(outDir, { recursive: true });

const results = [];
console.log(`Lighthouse ${readVersion()} (desktop preset), ${runs} run${runs > 1 ? 's' : ''} of ${url} in ${chromePath}`);
try {
  for (let i = 1; i <= runs; i++) {
    // A fresh browser each run, so no run warms the next one's caches.
    const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: CHROME_FLAGS, logLevel: 'silent' });
    try {
      const r = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] }, desktopConfig);
      if (!r?.lhr) throw new Error('Lighthouse returned no report');
      const lhr = r.lhr;
      if (lhr.runtimeError) throw new Error(`${lhr.runtimeError.code}: ${lhr.runtimeError.message}`);
      const a = lhr.audits;
      const row = {
        score: Math.round((lhr.categories.performance.score ?? 0) * 100),
        lcpMs: a['largest-contentful-paint'].numericValue,
        tbtMs: a['total-blocking-time'].numericValue,
        cls: a['cumulative-layout-shift'].numericValue,
        fcpMs: a['first-contentful-paint'].numericValue,
        lhr,
      };
      results.push(row);
      console.log(`  run ${i}: performance ${row.score}, LCP ${ms(row.lcpMs)}, TBT ${ms(row.tbtMs)}, CLS ${row.cls.toFixed(3)}, FCP ${ms(row.fcpMs)}`);
      if (args.keep) writeFileSync(join(outDir, `run-${i}.json`), JSON.stringify(lhr));
    } finally {
      await chrome.kill();
    }
  }
} catch (e) {
  console.error(`lighthouse: a run failed — ${e instanceof Error ? e.message : String(e)}`);
  server.close();
  process.exit(2);
}
server.close();

const median = (key) => {
  const xs = results.map((r) => r[key]).sort((x, y) => x - y);
  const m = xs.length >> 1;
  return xs.length % 2 ? xs[m] : (xs[m - 1] + xs[m]) / 2;
};
const rows = [
  ['Performance score', median('score'), `≥ ${BUDGET.score}`, median('score') >= BUDGET.score, (v) => String(Math.round(v))],
  ['Largest Contentful Paint', median('lcpMs'), `≤ ${ms(BUDGET.lcpMs)}`, median('lcpMs') <= BUDGET.lcpMs, ms],
  ['Total Blocking Time', median('tbtMs'), `≤ ${ms(BUDGET.tbtMs)}`, median('tbtMs') <= BUDGET.tbtMs, ms],
  ['Cumulative Layout Shift', median('cls'), `≤ ${BUDGET.cls}`, median('cls') <= BUDGET.cls, (v) => v.toFixed(3)],
];
console.log(`\nMedian of ${results.length}:`);
for (const [name, v, budget, ok, fmt] of rows) console.log(`  ${name.padEnd(26)} ${fmt(v).padStart(8)}   budget ${budget.padEnd(9)} ${ok ? 'ok' : 'OVER BUDGET'}`);

const failed = rows.filter((r) => !r[3]);
if (failed.length) {
  // What to look at: the median run's LCP element, layout shifts and main-thread work.
  const mid = [...results].sort((x, y) => x.score - y.score)[results.length >> 1].lhr;
  const lcpEl = mid.audits['largest-contentful-paint-element']?.details?.items?.[0]?.items?.[0]?.node;
  if (lcpEl) console.log(`\nLCP element: ${lcpEl.snippet} (${lcpEl.selector})`);
  const shifts = mid.audits['layout-shifts']?.details?.items ?? [];
  for (const s of shifts.slice(0, 5)) console.log(`Layout shift ${Number(s.score).toFixed(3)}: ${s.node?.snippet ?? '(unknown)'} (${s.node?.selector ?? ''})`);
  const work = mid.audits['mainthread-work-breakdown']?.details?.items ?? [];
  if (work.length) console.log(`Main thread: ${work.slice(0, 4).map((w) => `${w.groupLabel ?? w.group} ${ms(w.duration)}`).join(', ')}`);
  console.log(`\nOver budget: ${failed.map((r) => r[0]).join(', ')}.`);
}
process.exit(failed.length ? 1 : 0);

function ms(v) {
  return v >= 1000 ? `${(v / 1000).toFixed(2)} s` : `${Math.round(v)} ms`;
}

function readVersion() {
  try {
    return JSON.parse(readFileSync(join(root, 'node_modules', 'lighthouse', 'package.json'), 'utf8')).version;
  } catch {
    return '';
  }
}
