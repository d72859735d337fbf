// The lab's page: picker, controls and narration on top; the views below, all on the same step.
// Views other than the ladder and the socket table load lazily, so the first paint needs less script.

import { lazy, Suspense } from 'react';
import type { Catalog } from '../../playback/index.ts';
import { Controls } from '../Controls/Controls.tsx';
import { Icon } from '../Controls/Icon.tsx';
import { useTheme } from '../hooks/useTheme.ts';
import { Ladder } from '../Ladder/Ladder.tsx';
import { Narration } from '../Narration/Narration.tsx';
import { Problems } from '../Notices/Problems.tsx';
import { ScenarioPicker } from '../ScenarioPicker/ScenarioPicker.tsx';
import { SocketTable } from '../SocketTable/SocketTable.tsx';
import { SiteNav } from '../lessons/route/SiteNav.tsx';
import { AboutSimulation } from '../About/AboutSimulation.tsx';

const StateDiagram = lazy(() => import('../StateDiagram/StateDiagram.tsx'));
const ListenQueues = lazy(() => import('../ListenQueues/ListenQueues.tsx'));
const CodePanel = lazy(() => import('../CodePanel/CodePanel.tsx'));
const PacketLog = lazy(() => import('../PacketLog/PacketLog.tsx'));
const PacketDetail = lazy(() => import('../PacketLog/PacketDetail.tsx'));

export function App({ catalog }: { catalog: Catalog }) {
  const [theme, toggleTheme] = useTheme();
  return (
    <div className="app">
      <a className="skip-link" href="#views">
        Skip to the diagrams
      </a>
      <header className="app-header">
        <h1 className="app-title">
          TCP Lab <span className="app-sub">the life of a connection, step by step</span>
        </h1>
        <SiteNav />
        <button type="button" className="btn btn-ghost" onClick={toggleTheme} aria-label={theme === 'dark' ? 'Switch to light theme' : 'Switch to dark theme'} aria-pressed={theme === 'dark'}>
          <Icon name={theme === 'dark' ? 'sun' : 'moon'} />
          <span className="btn-text">{theme === 'dark' ? 'Light' : 'Dark'}</span>
        </button>
      </header>
      <main className="app-main">
        <ScenarioPicker catalog={catalog} />
        <Problems />
        <div className="sticky-bar">
          <Controls />
          <Narration />
        </div>
        <div id="views" className="views" tabIndex={-1}>
          <div className="view-ladder">
            <Ladder />
          </div>
          <div className="view-side">
            <Suspense fallback={null}>
              <PacketDetail />
            </Suspense>
            <Suspense fallback={<Loading what="state diagram" />}>
              <StateDiagram />
            </Suspense>
            <SocketTable />
            <Suspense fallback={<Loading what="listen queues" />}>
              <ListenQueues />
            </Suspense>
            <Suspense fallback={<Loading what="code" />}>
              <CodePanel />
            </Suspense>
          </div>
          <div className="view-log">
            <Suspense fallback={<Loading what="packet log" />}>
              <PacketLog />
            </Suspense>
          </div>
        </div>
      </main>
      <footer className="app-footer">
        <p>
          Simulated Linux TCP (RFC 9293 states, Linux defaults). Keys: Space play/pause, ← → step, Home/End first/last step.
        </p>
        <AboutSimulation />
      </footer>
    </div>
  );
}

function Loading({ what }: { what: string }) {
  return <div className="panel panel-loading">Loading the {what}…</div>;
}
