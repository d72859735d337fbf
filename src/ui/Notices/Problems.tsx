// Problems with a link or a knob: said plainly, next to the view the lab fell back to.

import { useActions, usePlayback } from '../hooks/usePlayback.ts';

export function Problems() {
  const problems = usePlayback((s) => s.problems);
  const a = useActions();
  if (problems.length === 0) return null;
  return (
    <div className="problems" role="alert">
      <ul>
        {problems.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <button type="button" className="btn btn-small" onClick={a.dismissProblems}>
        Dismiss
      </button>
    </div>
  );
}
