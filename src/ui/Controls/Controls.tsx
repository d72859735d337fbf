// Play/Pause, step, restart, speed, the scrubber and the "Step n of N" readout. Button names are exact
// ("Play", "Pause", "Previous step", "Next step", "Restart"): tests and screen readers rely on them.

import { SPEEDS, formatDuration } from '../../playback/index.ts';
import { useActions, usePlayback } from '../hooks/usePlayback.ts';
import { Icon } from './Icon.tsx';
import { JumpButtons } from './JumpButtons.tsx';
import { Scrubber } from './Scrubber.tsx';

export function Controls() {
  const a = useActions();
  const playing = usePlayback((s) => s.playing);
  const step = usePlayback((s) => s.step);
  const last = usePlayback((s) => (s.loaded ? s.loaded.steps.length - 1 : 0));
  const speed = usePlayback((s) => s.speed);
  const t = usePlayback((s) => (s.loaded && s.step >= 0 ? s.loaded.steps[s.step]!.t : 0));

  return (
    <div className="controls" role="group" aria-label="Playback">
      <div className="controls-row">
        <button type="button" className="btn btn-primary" onClick={a.toggle} aria-label={playing ? 'Pause' : 'Play'} title={playing ? 'Pause (Space)' : 'Play (Space)'}>
          <Icon name={playing ? 'pause' : 'play'} />
          <span className="btn-text">{playing ? 'Pause' : 'Play'}</span>
        </button>
        <button type="button" className="btn" onClick={a.prev} disabled={step <= 0} aria-label="Previous step" title="Previous step (←)">
          <Icon name="prev" />
        </button>
        <button type="button" className="btn" onClick={a.next} disabled={step >= last} aria-label="Next step" title="Next step (→)">
          <Icon name="next" />
        </button>
        <button type="button" className="btn" onClick={a.restart} aria-label="Restart" title="Restart (Home)">
          <Icon name="restart" />
        </button>
        <label className="speed">
          <span>Speed</span>
          <select value={speed} onChange={(e) => a.setSpeed(Number(e.target.value))}>
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {s}×
              </option>
            ))}
          </select>
        </label>
        <p className="step-count" aria-live="off">
          <span>
            Step <strong>{step}</strong> of {last}
          </span>
          <span className="sim-time" title="Simulated time since the start of the run">
            t = {formatDuration(t)}
          </span>
        </p>
      </div>
      <div className="controls-row">
        <Scrubber />
      </div>
      <JumpButtons />
    </div>
  );
}
