// From a text (pasted or read from a file) to a custom scenario the lab can play: checked, trial-run off the
// main thread, cut if the run is too big. Loaded on the first import, with the dialog.

import type { ScenarioError } from '../../playback/index.ts';
import type { CustomScenario } from './customScenario.ts';
import { checkScenarioText, cutFor, formatBytes, sizeProblem } from './scenarioText.ts';
import { runTrial } from './trial.ts';

export type Prepared = { ok: true; custom: CustomScenario } | { ok: false; errors: ScenarioError[] };

export async function prepareCustom(text: string, name: string): Promise<Prepared> {
  const check = checkScenarioText(text);
  if (!check.ok) return check;
  const t = await runTrial(check.scenario);
  if (!t.ok) return { ok: false, errors: [{ path: '', message: t.message }] };
  const cut = cutFor(t.trial);
  if (typeof cut === 'string') return { ok: false, errors: [{ path: '', message: cut }] };
  return { ok: true, custom: { name, text, scenario: check.scenario, ...(cut ? { cut } : {}) } };
}

/** A chosen file's text, or why it cannot be opened (too big — refused before reading — or unreadable). */
export async function readScenarioFile(file: File): Promise<{ ok: true; text: string } | { ok: false; message: string }> {
  const tooBig = sizeProblem(file.size, `“${file.name}”`);
  if (tooBig) return { ok: false, message: tooBig };
  try {
    return { ok: true, text: await file.text() };
  } catch {
    return { ok: false, message: `“${file.name}” could not be read (${formatBytes(file.size)}). Is it still there?` };
  }
}
