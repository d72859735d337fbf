// Choose a built-in scenario (grouped by topic) and rerun it live with other knobs.

import { useId } from 'react';
import type { Catalog } from '../../playback/index.ts';
import { useActions, usePlayback } from '../hooks/usePlayback.ts';
import { Knobs, KnobSummary } from './Knobs.tsx';
import { groupByTopic } from './topics.ts';

export function ScenarioPicker({ catalog }: { catalog: Catalog }) {
  const a = useActions();
  const base = usePlayback((s) => s.loaded?.base ?? null);
  const id = useId();
  const groups = groupByTopic(catalog.scenarios);

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
            const sc = catalog.find(e.target.value);
            if (sc) a.load(sc);
          }}
        >
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
      {base?.description && <p className="picker-desc">{base.description}</p>}
      {base && (
        <details className="knobs-box">
          <summary>
            Rerun with other settings <KnobSummary />
          </summary>
          <Knobs />
        </details>
      )}
    </section>
  );
}
