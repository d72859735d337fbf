// Frame-rate harness for the ladder with hundreds of segments in flight (no built-in scenario sends that
// much at once). Served by the Vite dev server; e2e/perf/measure-fps.mjs plays it and reports frame times.

import { createRoot } from 'react-dom/client';
import { createPlaybackStore, startFrameLoop, type Scenario } from '../../src/playback/index.ts';
import { PlaybackContext } from '../../src/ui/hooks/usePlayback.ts';
import { Ladder } from '../../src/ui/Ladder/Ladder.tsx';
import '../../src/ui/styles/base.css';
import '../../src/ui/styles/views.css';

const bytes = Number(new URLSearchParams(location.search).get('bytes') ?? 600_000);
const burst: Scenario = {
  version: 1,
  id: 'perf-burst',
  title: 'burst',
  network: { delayMs: 150 },
  hosts: { client: { ip: '10.0.0.1', sysctl: {} }, server: { ip: '10.0.0.2' } },
  steps: [
    { host: 'server', call: 'socket', as: 'l' },
    { host: 'server', call: 'bind', fd: 'l', port: 80 },
    { host: 'server', call: 'listen', fd: 'l' },
    { host: 'server', call: 'accept', fd: 'l', as: 'a' },
    ...Array.from({ length: 400 }, () => ({ host: 'server', call: 'recv' as const, fd: 'a', size: 1 << 20 })),
    { host: 'client', call: 'socket', as: 'c' },
    { host: 'client', call: 'setsockopt', fd: 'c', opt: 'SO_SNDBUF', value: 4_000_000 },
    { host: 'client', call: 'connect', fd: 'c', addr: 'server:80' },
    { host: 'client', call: 'send', fd: 'c', bytes },
  ],
  untilMs: 20_000,
};

const store = createPlaybackStore({ scenarios: [burst], find: () => burst });
store.getState().load(burst);
startFrameLoop(store, { request: (cb) => requestAnimationFrame(cb), cancel: (h) => cancelAnimationFrame(h) });
(window as unknown as { labStore: typeof store }).labStore = store;
createRoot(document.getElementById('root')!).render(
  <PlaybackContext.Provider value={store}>
    <Ladder />
  </PlaybackContext.Provider>,
);
