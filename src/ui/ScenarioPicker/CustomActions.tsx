// The picker's file actions — open a scenario file, paste JSON, download the one on screen — and what the lab
// has to say about a custom scenario: where it came from, that a link cannot carry it, a cut-short run.

import { useRef } from 'react';
import { usePlayback } from '../hooks/usePlayback.ts';
import { downloadable } from './customScenario.ts';
import type { CustomScenarioApi, Draft } from './useCustomScenario.ts';

interface Props {
  api: CustomScenarioApi;
  isCustom: boolean;
  onDraft(d: Draft): void;
}

export function CustomActions({ api, isCustom, onDraft }: Props) {
  const file = useRef<HTMLInputElement>(null);
  const loaded = usePlayback((s) => s.loaded);
  const truncated = loaded?.timeline.truncated;
  const cut = isCustom ? api.custom?.cut : undefined;

  const download = (): void => {
    if (!loaded) return;
    const { fileName, json } = downloadable(loaded, api.custom);
    const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }));
    const link = document.createElement('a');
    link.href = url;
    link.download = fileName;
    link.rel = 'noopener';
    document.body.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  return (
    <>
      <div className="picker-actions">
        <input
          ref={file}
          type="file"
          accept=".json,application/json,text/plain"
          className="visually-hidden"
          tabIndex={-1}
          aria-hidden="true"
          data-testid="scenario-file"
          onChange={async (e) => {
            const f = e.target.files?.[0];
            e.target.value = '';
            if (!f) return;
            const draft = await api.openFile(f);
            if (draft) onDraft(draft);
          }}
        />
        <button type="button" className="btn btn-small" onClick={() => file.current?.click()} disabled={api.busy}>
          Open a scenario file…
        </button>
        <button type="button" className="btn btn-small" onClick={() => onDraft({ text: isCustom && api.custom ? api.custom.text : '', name: isCustom && api.custom ? api.custom.name : 'pasted text', errors: [] })}>
          Paste JSON
        </button>
        <button type="button" className="btn btn-small" onClick={download} disabled={!loaded} title="Save the scenario on screen, with the current settings, as a file you can edit and open again">
          Download JSON
        </button>
        <span className="picker-busy muted" role="status">
          {api.busy ? 'Running the simulator…' : ''}
        </span>
      </div>
      {(isCustom || api.notices.length > 0 || truncated) && (
        <ul className="picker-notes" aria-live="polite">
          {isCustom && api.custom && (
            <li className="picker-note">
              Your scenario, from {api.custom.name}.{' '}
              <span className="muted">
                It lives only in this browser tab: the address (<code className="nowrap">?scenario=custom</code>) will not open it anywhere else. To share it, use Download JSON and
                send the file.
              </span>
            </li>
          )}
          {cut && <li className="picker-note picker-note-warn">{cut.note}</li>}
          {truncated && !cut && <li className="picker-note picker-note-warn">The simulator stopped this run early: {truncated}.</li>}
          {api.notices.map((n) => (
            <li key={n.key} className={`picker-note${n.tone === 'warn' ? ' picker-note-warn' : ''}`}>
              <span>{n.text}</span>
              <button type="button" className="btn btn-small btn-ghost" onClick={() => api.dismiss(n.key)} aria-label="Dismiss this note">
                ✕
              </button>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
