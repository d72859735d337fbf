// Entry: one playback store for the page, opened from the address (?scenario=…&step=…), played by
// requestAnimationFrame, rendered by React. `Site` shows the lab or, for `?course` / `?lesson=…`, the course.

import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { builtinCatalog, createPlaybackStore, startFrameLoop } from '../playback/index.ts';
import { PlaybackContext } from './hooks/usePlayback.ts';
import { Site } from './App/Site.tsx';
import './styles/base.css';
import './styles/views.css';
import './styles/panels.css';

const store = createPlaybackStore(builtinCatalog);
store.getState().openLink(window.location.search);
startFrameLoop(store, {
  request: (cb) => requestAnimationFrame(cb),
  cancel: (h) => cancelAnimationFrame(h),
});

const el = document.getElementById('root');
if (el) {
  createRoot(el).render(
    <StrictMode>
      <PlaybackContext.Provider value={store}>
        <Site store={store} catalog={builtinCatalog} />
      </PlaybackContext.Provider>
    </StrictMode>,
  );
}
