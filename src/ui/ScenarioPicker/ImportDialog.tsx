// "Paste JSON": a modal editor for a scenario file. On "Check and open" the text is validated; each error names
// its JSON path, line and column, and a click puts the caret there, so the author can fix it and try again.
// Loaded lazily: most students never open it.

import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { ScenarioError } from '../../playback/index.ts';
import { MAX_BYTES } from './customScenario.ts';
import { formatBytes, lineColumnOf, offsetOf, pathText, utf8Bytes, whereText } from './scenarioText.ts';
import type { Draft } from './useCustomScenario.ts';

interface Props {
  draft: Draft;
  busy: boolean;
  onSubmit(text: string, name: string): Promise<ScenarioError[] | null>;
  onClose(): void;
  /** The scenario on screen as JSON, to start from. */
  current: (() => string) | null;
}

export default function ImportDialog({ draft, busy, onSubmit, onClose, current }: Props) {
  const id = useId();
  const dialog = useRef<HTMLDialogElement>(null);
  const area = useRef<HTMLTextAreaElement>(null);
  const [text, setText] = useState(draft.text);
  const [errors, setErrors] = useState<ScenarioError[]>(draft.errors);
  const [checkedText, setCheckedText] = useState<string | null>(draft.errors.length > 0 ? draft.text : null);
  const [caret, setCaret] = useState({ line: 1, column: 1 });
  const name = text === draft.text ? draft.name : 'pasted text';

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (!d.open) d.showModal();
    (draft.errors.length > 0 ? d.querySelector<HTMLElement>('.import-errors') : area.current)?.focus();
    // No close on unmount: taking the dialog out of the page closes it, and a close event would reach onClose.
  }, [draft]);

  const submit = async (e: FormEvent): Promise<void> => {
    e.preventDefault();
    if (busy) return;
    const errs = await onSubmit(text, name);
    if (!errs) return; // opened: the picker closes the dialog
    setErrors(errs);
    setCheckedText(text);
    requestAnimationFrame(() => dialog.current?.querySelector<HTMLElement>('.import-errors')?.focus());
  };

  const jump = (err: ScenarioError): void => {
    const ta = area.current;
    if (!ta || err.line === undefined) return;
    const at = offsetOf(ta.value, err.line, err.column);
    ta.focus();
    ta.setSelectionRange(at, Math.min(ta.value.length, at + 1));
    // Scroll the line into view: the textarea does not do it for a programmatic selection everywhere.
    const lineHeight = parseFloat(getComputedStyle(ta).lineHeight) || 18;
    ta.scrollTop = Math.max(0, (err.line - 3) * lineHeight);
    setCaret(lineColumnOf(ta.value, at));
  };

  const bytes = utf8Bytes(text);
  const stale = checkedText !== null && checkedText !== text;

  return (
    <dialog
      ref={dialog}
      className="import-dialog"
      aria-labelledby={`${id}-h`}
      aria-describedby={`${id}-d`}
      onClose={onClose}
      // The lab's keys (Space, arrows) must not step the diagram behind the dialog.
      onKeyDown={(e) => e.stopPropagation()}
    >
      <form className="import-form" onSubmit={(e) => void submit(e)}>
        <div className="import-head">
          <h2 id={`${id}-h`} className="import-title">
            Open your own scenario
          </h2>
          <button type="button" className="btn btn-small btn-ghost" onClick={() => dialog.current?.close()} aria-label="Close">
            ✕
          </button>
        </div>
        <p id={`${id}-d`} className="import-intro">
          Paste a scenario file (JSON, format version 1, as described in <code>docs/scenario-format.md</code>). The lab checks it, runs it through the simulator and plays it like a
          built-in one.
          {current && (
            <>
              {' '}
              <button
                type="button"
                className="link-button"
                onClick={() => {
                  setText(current());
                  setErrors([]);
                  setCheckedText(null);
                  area.current?.focus();
                }}
              >
                Start from the scenario on screen
              </button>
            </>
          )}
        </p>
        <label htmlFor={`${id}-text`} className="import-label">
          Scenario JSON{draft.name && draft.name !== 'pasted text' ? <span className="muted"> — {draft.name}</span> : null}
        </label>
        <textarea
          id={`${id}-text`}
          ref={area}
          className="import-text"
          value={text}
          onChange={(e) => setText(e.target.value)}
          onSelect={(e) => setCaret(lineColumnOf(e.currentTarget.value, e.currentTarget.selectionStart))}
          spellCheck={false}
          autoCapitalize="off"
          autoComplete="off"
          wrap="off"
          rows={14}
          placeholder={'{\n  "version": 1,\n  "id": "my-scenario",\n  "title": "…",\n  "hosts": { … },\n  "steps": [ … ]\n}'}
          aria-invalid={errors.length > 0 && !stale}
          aria-describedby={errors.length > 0 ? `${id}-errs` : undefined}
        />
        <div className="import-meta muted">
          <span>
            Line {caret.line}, column {caret.column}
          </span>
          <span className={bytes > MAX_BYTES ? 'knob-error' : undefined}>
            {formatBytes(bytes)} of {formatBytes(MAX_BYTES)}
          </span>
        </div>
        {errors.length > 0 && (
          <div id={`${id}-errs`} className="import-errors" role="alert" tabIndex={-1}>
            <p className="import-errors-head">
              {errors.length === 1 ? 'One problem' : `${errors.length} problems`}
              {stale ? ' (in the text as it was checked)' : ''} — fix {errors.length === 1 ? 'it' : 'them'} and press “Check and open” again.
            </p>
            <ol className="import-error-list">
              {errors.map((err, i) => (
                <li key={`${i}:${err.path}`}>
                  {err.line !== undefined ? (
                    <button type="button" className="import-error" onClick={() => jump(err)} title="Put the cursor there">
                      <ErrorText err={err} />
                    </button>
                  ) : (
                    <span className="import-error">
                      <ErrorText err={err} />
                    </span>
                  )}
                </li>
              ))}
            </ol>
          </div>
        )}
        <div className="import-actions">
          <span className="import-busy" role="status">
            {busy ? 'Running the simulator…' : ''}
          </span>
          <button type="button" className="btn" onClick={() => dialog.current?.close()}>
            Cancel
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy} aria-busy={busy}>
            Check and open
          </button>
        </div>
      </form>
    </dialog>
  );
}

function ErrorText({ err }: { err: ScenarioError }) {
  const where = whereText(err);
  return (
    <>
      {where && <span className="import-where">{where}</span>}
      <code className="import-path">{pathText(err.path)}</code>
      <span className="import-msg">{err.message}</span>
    </>
  );
}
