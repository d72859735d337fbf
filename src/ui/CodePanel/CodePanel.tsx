// The scenario's calls as code, one block per host and thread. The call that is running is lit and, when it
// blocks, says what it waits for ("accept() waits for a connection"); a call that returned shows its result.

import { useMemo, useState } from 'react';
import { waitPhrase, type ThreadView } from '../../playback/index.ts';
import { usePlayback } from '../hooks/usePlayback.ts';
import { toCode, type CodeLine, type Lang } from './toCode.ts';

export default function CodePanel() {
  const scenario = usePlayback((s) => s.loaded?.scenario ?? null);
  const threads = usePlayback((s) => s.view?.threads ?? null);
  const currentStep = usePlayback((s) => currentScenarioStep(s.loaded, s.step));
  const [lang, setLang] = useState<Lang>('python');
  const blocks = useMemo(() => (scenario ? toCode(scenario, lang) : []), [scenario, lang]);
  const hosts = [...new Set(blocks.map((b) => b.host))];

  return (
    <section className="panel code" aria-labelledby="code-h">
      <div className="panel-head">
        <h2 id="code-h" className="panel-title">
          The program
        </h2>
        <div className="lang-switch" role="group" aria-label="Language">
          {(['python', 'c'] as const).map((l) => (
            <button key={l} type="button" className="btn btn-small" aria-pressed={lang === l} onClick={() => setLang(l)}>
              {l === 'python' ? 'Python' : 'C'}
            </button>
          ))}
        </div>
      </div>
      <div className="code-hosts">
        {hosts.map((host) => (
          <div key={host} className="code-host">
            {blocks
              .filter((b) => b.host === host)
              .map((b) => (
                <div key={`${b.host}/${b.thread}`} className="code-block">
                  <h3 className="code-title">
                    {b.host}
                    {b.thread !== 'main' ? <span className="muted"> · thread {b.thread}</span> : null}
                  </h3>
                  {/* Focusable so a keyboard user can scroll a long line sideways. */}
                  <div className="code-scroll" tabIndex={0} role="region" aria-label={`Code of ${b.host}${b.thread !== 'main' ? `, thread ${b.thread}` : ''}`}>
                    <ol className="code-lines">
                      {b.lines.map((line) => (
                        <Line key={line.step} line={line} lang={lang} thread={threads?.[`${b.host}/${b.thread}`] ?? null} current={line.step === currentStep} />
                      ))}
                    </ol>
                  </div>
                </div>
              ))}
          </div>
        ))}
      </div>
    </section>
  );
}

function Line({ line, lang, thread, current }: { line: CodeLine; lang: Lang; thread: ThreadView | null; current: boolean }) {
  const running = thread?.call != null && thread.step === line.step;
  const returned = !running && thread?.last?.step === line.step ? thread.last : null;
  const done = !running && thread?.last != null && line.step <= thread.last.step;
  const cls = `code-line${running ? ' is-running' : ''}${returned ? ' is-returned' : ''}${done ? ' is-done' : ''}${current ? ' is-current' : ''}`;
  const hash = lang === 'python' ? '#' : '//';
  return (
    <li className={cls} aria-current={current ? 'step' : undefined} data-step={line.step}>
      <code>
        {line.code}
        {line.comment && (
          <span className="code-comment">
            {'  '}
            {hash} {line.comment}
          </span>
        )}
      </code>
      {running && thread?.call && (
        <span className="code-badge code-wait">
          {thread.call}() {waitPhrase(thread.call)}
        </span>
      )}
      {returned && <span className="code-badge code-ret">→ {returned.result}</span>}
    </li>
  );
}

/** The scenario step (line) the current timeline step is about, when it is a call. */
function currentScenarioStep(l: import('../../playback/index.ts').Loaded | null, k: number): number {
  if (!l || k <= 0) return -1;
  const e = l.timeline.events[l.steps[k]!.primary];
  return e && (e.type === 'call-start' || e.type === 'call') ? e.step : -1;
}
