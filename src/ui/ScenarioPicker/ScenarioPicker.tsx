// Choose a built-in scenario (grouped by topic) and rerun it live with other knobs — or open one of your own
// (a file or pasted JSON), and download any of them as a file to start from.

import { lazy, Suspense, useEffect, useId, useRef, useState } from 'react';
import type { Catalog } from '../../playback/index.ts';
import { useActions, usePlayback, usePlaybackStore } from '../hooks/usePlayback.ts';
import { CustomActions } from './CustomActions.tsx';
import { CUSTOM_ID, downloadable, type CustomScenario } from './customScenario.ts';
import { Knobs, KnobSummary } from './Knobs.tsx';
import { groupByTopic } from './topics.ts';
import { useCustomScenario, type Draft } from './useCustomScenario.ts';
import './customScenario.css';

const ImportDialog = lazy(() => import('./ImportDialog.tsx'));

export function ScenarioPicker({ catalog }: { catalog: Catalog }) {
  const a = useActions();
  const store = usePlaybackStore();
  const base = usePlayback((s) => s.loaded?.base ?? null);
  const id = useId();
  const groups = groupByTopic(catalog.scenarios);
  const custom = useCustomScenario(store);
  const [draft, setDraft] = useState<Draft | null>(null);
  const opener = useRef<HTMLElement | null>(null);
  const isCustom = base?.id === CUSTOM_ID;

  const openDialog = (d: Draft): void => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setDraft(d);
  };
  const closeDialog = (): void => {
    custom.cancel();
    setDraft(null);
  };
  // Back to the button that opened the dialog once it is gone (while a modal dialog is open nothing else can
  // take focus).
  useEffect(() => {
    if (draft || !opener.current) return;
    if (opener.current.isConnected) opener.current.focus();
    opener.current = null;
  }, [draft]);

  return (
    <section className="picker" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`} className="visually-hidden">
        Scenario
      </h2>
      <div className="picker-row">
        <label htmlFor={`${id}-sel`} className="picker-label">
          Scenario
        </label>
        <select
          id={`${id}-sel`}
          className="picker-select"
          value={base?.id ?? ''}
          onChange={(e) => {
            if (e.target.value === CUSTOM_ID) return custom.replay();
            const sc = catalog.find(e.target.value);
            if (sc) a.load(sc);
          }}
        >
          {custom.custom && (
            <optgroup label="Your scenario">
              <option value={CUSTOM_ID}>{custom.custom.scenario.title}</option>
            </optgroup>
          )}
          {groups.map((g) => (
            <optgroup key={g.topic} label={g.title}>
              {g.items.map((sc) => (
                <option key={sc.id} value={sc.id}>
                  {sc.title}
                </option>
              ))}
            </optgroup>
          ))}
        </select>
      </div>
      <CustomActions api={custom} isCustom={isCustom} onDraft={openDialog} />
      {base?.description && <p className="picker-desc">{base.description}</p>}
      {base && (
        <details className="knobs-box">
          <summary>
            Rerun with other settings <KnobSummary />
          </summary>
          <Knobs />
        </details>
      )}
      {draft && (
        <Suspense fallback={null}>
          <ImportDialog
            draft={draft}
            busy={custom.busy}
            current={base ? () => currentJson(store, custom.custom) : null}
            onSubmit={async (text, name) => {
              const errors = await custom.submit(text, name);
              if (!errors) setDraft(null);
              return errors;
            }}
            onClose={closeDialog}
          />
        </Suspense>
      )}
    </section>
  );
}

/** The scenario on screen as a file, with the current settings (what Download JSON saves). */
function currentJson(store: ReturnType<typeof usePlaybackStore>, custom: CustomScenario | null): string {
  const l = store.getState().loaded;
  return l ? downloadable(l, custom).json : '';
}
