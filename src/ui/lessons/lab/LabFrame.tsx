// The frame every lesson lab shares: its caption, a link that opens the same run in the full lab, and either the
// live lab or, while another one is live, a button that starts this one.

import { useRef, type ReactNode } from 'react';
import type { LabRef, LabView } from '../../../lessons/index.ts';
import { Icon } from '../../Controls/Icon.tsx';
import { RouteLink } from '../route/RouteLink.tsx';
import { labLink, type OpenedLab } from './labRun.ts';
import { LiveLab } from './LiveLab.tsx';

const VIEW_NAMES: Record<LabView, string> = {
  ladder: 'sequence diagram',
  narration: 'narration',
  states: 'TCP states',
  calls: 'the program’s calls',
  queues: 'listen queues',
  ss: 'ss',
  tcpdump: 'tcpdump',
  timers: 'timers',
};

interface Props {
  lab: LabRef;
  caption?: ReactNode;
  live: boolean;
  opened: OpenedLab | null;
  /** The start button's text, e.g. "Show this run". Null: no button (the block starts the lab itself). */
  startLabel: string | null;
  onStart(frame: Element | null): void;
  /** The live lab's accessible name. */
  label: string;
  /** A line shown above the live lab: what it is showing, why it is paused. */
  status?: ReactNode;
  /** Shown instead of the start button when there is none. */
  idleNote?: ReactNode;
}

export function LabFrame({ lab, caption, live, opened, startLabel, onStart, label, status, idleNote }: Props) {
  const frame = useRef<HTMLDivElement>(null);
  return (
    <div ref={frame} className={`lesson-lab${live ? ' is-live' : ''}`} data-scenario={lab.scenario}>
      <div className="lesson-lab-head">
        {caption && <p className="lesson-lab-caption">{caption}</p>}
        <RouteLink className="open-lab" href={labLink(lab)}>
          Open <code>{lab.scenario}</code> in the lab
        </RouteLink>
      </div>
      {opened && !opened.ok && (
        <p className="lab-error" role="alert">
          {opened.error}
        </p>
      )}
      {live && opened?.ok ? (
        <>
          {status && <p className="lab-status">{status}</p>}
          <LiveLab store={opened.store} views={lab.views} label={label} />
        </>
      ) : (
        <div className="lab-idle">
          {startLabel !== null ? (
            <button type="button" className="btn lab-start" onClick={() => onStart(frame.current)}>
              <Icon name="play" />
              {startLabel}
            </button>
          ) : (
            idleNote
          )}
          <span className="lab-views muted">{lab.views.map((v) => VIEW_NAMES[v]).join(' · ')}</span>
        </div>
      )}
    </div>
  );
}
