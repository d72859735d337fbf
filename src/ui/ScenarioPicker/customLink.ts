// `?scenario=custom&step=…` on load. The page opens its link against the built-in catalog before any view
// mounts (src/ui/main.tsx), so a custom scenario shows up as an unknown one; the picker then reopens the link
// with the scenario kept in this tab — or, when there is none, says why such a link cannot work.

import { createPlaybackStore, type PlaybackStore, type Scenario } from '../../playback/index.ts';
import { CUSTOM_ID, isUnknownCustomProblem, NOT_BY_LINK } from './customScenario.ts';

/** Is this address a link to a custom scenario? */
export function isCustomLink(search: string): boolean {
  try {
    return (new URLSearchParams(search).get('scenario') ?? '').trim() === CUSTOM_ID;
  } catch {
    return false;
  }
}

/**
 * Opens `search` (step, seed, delay, params) with `scenario` as the custom one, exactly as the store opens any
 * link — a scratch store with a one-scenario catalog does the parsing, clamping and wording — and moves the
 * result into `store`. False when the scenario could not be run (the store then keeps what it showed).
 */
export function openCustomLink(store: PlaybackStore, search: string, scenario: Scenario): boolean {
  const scratch = createPlaybackStore({ scenarios: [scenario], find: (id) => (id === CUSTOM_ID ? scenario : undefined) });
  const s = scratch.getState();
  s.setRelative(store.getState().relative);
  s.openLink(search);
  const t = scratch.getState();
  if (!t.loaded || t.loaded.base !== scenario) return false;
  store.setState({ loaded: t.loaded, step: t.step, view: t.view, position: t.position, narration: t.narration, gap: t.gap, problems: t.problems, playing: false, selected: null });
  return true;
}

/** Replaces the store's "no scenario called custom" with why a custom scenario cannot travel in a link. */
export function explainCustomLink(store: PlaybackStore): void {
  const s = store.getState();
  if (!s.problems.some(isUnknownCustomProblem)) return;
  const shown = s.loaded?.base.title;
  const why = `${NOT_BY_LINK}${shown ? ` Showing “${shown}” instead.` : ''}`;
  store.setState({ problems: s.problems.map((p) => (isUnknownCustomProblem(p) ? why : p)) });
}
