// "Reset progress", with a confirmation in place (no window.confirm: a sandboxed frame may block it).

import { useEffect, useId, useRef, useState } from 'react';
import { useProgressActions } from '../progress/useProgress.ts';

export function ResetProgress() {
  const id = useId();
  const a = useProgressActions();
  const [asking, setAsking] = useState(false);
  const [done, setDone] = useState(false);
  const cancel = useRef<HTMLButtonElement>(null);
  const open = useRef<HTMLButtonElement>(null);
  const back = useRef(false);
  useEffect(() => {
    if (asking) cancel.current?.focus();
    else if (back.current) open.current?.focus();
    back.current = false;
  }, [asking]);
  return (
    <div className="reset">
      {!asking ? (
        <button ref={open} type="button" className="btn" onClick={() => (setAsking(true), setDone(false))}>
          Reset progress
        </button>
      ) : (
        <div className="reset-confirm" role="group" aria-labelledby={`${id}-q`}>
          <p id={`${id}-q`}>Forget every answer, lesson mark, drill and checklist tick? This cannot be undone.</p>
          <button
            type="button"
            className="btn btn-danger"
            onClick={() => {
              a.reset();
              back.current = true;
              setAsking(false);
              setDone(true);
            }}
          >
            Yes, reset progress
          </button>
          <button
            ref={cancel}
            type="button"
            className="btn"
            onClick={() => {
              back.current = true;
              setAsking(false);
            }}
          >
            Cancel
          </button>
        </div>
      )}
      <p className="muted reset-status" role="status">
        {done ? 'Progress reset: the course starts fresh.' : ''}
      </p>
    </div>
  );
}
