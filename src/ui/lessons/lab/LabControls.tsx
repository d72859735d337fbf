// A lesson lab's controls: the lab's exact button names (Play/Pause, Previous step, Next step, Restart), the step
// readout and a scrubber, without the full lab's speed and jump rows.

import { formatDuration } from '../../../playback/index.ts';
import { Icon } from '../../Controls/Icon.tsx';
import { Scrubber } from '../../Controls/Scrubber.tsx';
import { useActions, usePlayback } from '../../hooks/usePlayback.ts';

export function LabControls() {
  const a = useActions();
  const playing = usePlayback((s) => s.playing);
  const step = usePlayback((s) => s.step);
  const last = usePlayback((s) => (s.loaded ? s.loaded.steps.length - 1 : 0));
  const t = usePlayback((s) => (s.loaded && s.step >= 0 ? s.loaded.steps[s.step]!.t : 0));
  return (
    <div className="controls lab-controls" role="group" aria-label="Playback">
      <div className="controls-row">
        <button type="button" className="btn btn-primary" onClick={a.toggle} aria-label={playing ? 'Pause' : 'Play'}>
          <Icon name={playing ? 'pause' : 'play'} />
          <span className="btn-text">{playing ? 'Pause' : 'Play'}</span>
        </button>
        <button type="button" className="btn" onClick={a.prev} disabled={step <= 0} aria-label="Previous step">
          <Icon name="prev" />
        </button>
        <button type="button" className="btn" onClick={a.next} disabled={step >= last} aria-label="Next step">
          <Icon name="next" />
        </button>
        <button type="button" className="btn" onClick={a.restart} aria-label="Restart">
          <Icon name="restart" />
        </button>
        <p className="step-count lab-step-count">
          <span>
            Step <strong>{step}</strong> of {last}
          </span>
          <span className="sim-time">t = {formatDuration(t)}</span>
        </p>
      </div>
      <Scrubber />
    </div>
  );
}
