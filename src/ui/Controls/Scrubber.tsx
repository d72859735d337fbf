// The timeline slider: one stop per step, announced as "Step n of N".

import { useActions, usePlayback } from '../hooks/usePlayback.ts';

export function Scrubber() {
  const a = useActions();
  const step = usePlayback((s) => s.step);
  const last = usePlayback((s) => (s.loaded ? s.loaded.steps.length - 1 : 0));
  return (
    <input
      className="scrubber"
      type="range"
      min={0}
      max={last}
      step={1}
      value={Math.max(0, step)}
      onChange={(e) => a.seek(Number(e.target.value))}
      aria-label="Timeline: choose a step"
      aria-valuetext={`Step ${step} of ${last}`}
    />
  );
}
