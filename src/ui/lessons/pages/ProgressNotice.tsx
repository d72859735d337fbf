// What went wrong reading or saving progress, in plain words, dismissible. The course works either way.

import { useProgress, useProgressActions } from '../progress/useProgress.ts';

export function ProgressNotice() {
  const notices = useProgress((s) => s.notices);
  const saveError = useProgress((s) => s.saveError);
  const a = useProgressActions();
  if (notices.length === 0 && !saveError) return null;
  return (
    <div className="problems progress-notice" role="alert">
      <div>
        {notices.length > 0 && (
          <>
            <p className="notice-title">Some saved progress could not be read, so the course kept what it could:</p>
            <ul>
              {notices.slice(0, 8).map((n) => (
                <li key={n}>{n}</li>
              ))}
              {notices.length > 8 && <li>and {notices.length - 8} more.</li>}
            </ul>
          </>
        )}
        {saveError && <p className="notice-title">Progress is kept for this visit only: {saveError}.</p>}
      </div>
      {notices.length > 0 && (
        <button type="button" className="btn btn-small" onClick={a.dismissNotices}>
          Dismiss
        </button>
      )}
    </div>
  );
}
