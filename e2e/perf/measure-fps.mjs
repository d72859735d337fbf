/* global window, document, requestAnimationFrame */
// Plays the ladder harness and prints frame times while many segments are in flight.
// Usage: npx vite --port 5199 & node e2e/perf/measure-fps.mjs [http://127.0.0.1:5199]

import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://127.0.0.1:5199';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
await page.goto(`${base}/e2e/perf/ladder-perf.html?bytes=${process.argv[3] ?? 2_000_000}`);
await page.waitForSelector('.ladder-svg');
const r = await page.evaluate(async () => {
  const store = window.labStore.getState();
  const { steps, timeline } = store.loaded;
  // Start where the most segments are in flight at once (sent at or before the step, arriving after it).
  const segs = timeline.events.filter((e) => e.type === 'segment' && e.arrive.length > 0);
  let best = 0;
  let most = 0;
  for (let k = 1; k < steps.length; k += 3) {
    const t = steps[k].t;
    let n = 0;
    for (const s of segs) if (s.t <= t && s.arrive[0] > t) n++;
    if (n > most) [most, best] = [n, k];
  }
  store.seek(best);
  await new Promise((res) => setTimeout(res, 800));
  store.setSpeed(0.25);
  store.play();
  const gaps = [];
  let maxFlight = 0;
  let last = performance.now();
  const end = last + 4000;
  await new Promise((res) => {
    const f = (now) => {
      gaps.push(now - last);
      last = now;
      const n = Number(document.querySelector('.dots')?.getAttribute('data-in-flight') ?? 0);
      maxFlight = Math.max(maxFlight, n);
      if (now < end) requestAnimationFrame(f);
      else res();
    };
    requestAnimationFrame(f);
  });
  gaps.sort((a, b) => a - b);
  return { events: timeline.events.length, inFlightInTimeline: most, maxInFlight: maxFlight, frames: gaps.length, medianMs: +gaps[gaps.length >> 1].toFixed(1), p95Ms: +gaps[Math.floor(gaps.length * 0.95)].toFixed(1), maxMs: +gaps[gaps.length - 1].toFixed(1) };
});
console.log(JSON.stringify(r));
await browser.close();
