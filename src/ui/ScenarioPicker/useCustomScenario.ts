// The custom scenario's life in the page: opened from a file or pasted text (checked, trial-run, played, kept in
// this tab), reopened by a reload of `?scenario=custom`, and the notices that go with each of those.

import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import type { PlaybackStore, ScenarioError } from '../../playback/index.ts';
import { explainCustomLink, isCustomLink, openCustomLink } from './customLink.ts';
import { loadCustom, playable, saveCustom, sessionStore, type CustomScenario } from './customScenario.ts';

/** The checks and the trial run come with the first import, not with the first screen. */
const importer = () => import('./importScenario.ts');

export interface Notice {
  key: string;
  text: string;
  tone: 'info' | 'warn';
}

/** What the import dialog shows: the text being edited and what is wrong with it. */
export interface Draft {
  text: string;
  name: string;
  errors: ScenarioError[];
}

export interface CustomScenarioApi {
  custom: CustomScenario | null;
  notices: Notice[];
  dismiss(key: string): void;
  /** Checks, trial-runs and plays a scenario text; the errors when it cannot. */
  submit(text: string, name: string): Promise<ScenarioError[] | null>;
  /** Reads a chosen file and submits it; the draft to show in the dialog when it has errors. */
  openFile(file: File): Promise<Draft | null>;
  /** Plays the kept custom scenario again (picked in the list). */
  replay(): void;
  /** Forget a submit still running (the dialog was closed): its scenario is not opened when the trial ends. */
  cancel(): void;
  busy: boolean;
}

export function useCustomScenario(store: PlaybackStore): CustomScenarioApi {
  const [custom, setCustom] = useState<CustomScenario | null>(null);
  const [notices, setNotices] = useState<Notice[]>([]);
  const [busy, setBusy] = useState(false);
  const started = useRef(false);
  const generation = useRef(0);

  const notify = useCallback((text: string, tone: Notice['tone'] = 'info') => {
    setNotices((ns) => [...ns.filter((n) => n.text !== text), { key: `${Date.now()}-${Math.random()}`, text, tone }]);
  }, []);

  // Before the first paint: the kept scenario, and the link if it asks for it.
  useLayoutEffect(() => {
    if (started.current) return;
    started.current = true;
    const kept = loadCustom(sessionStore());
    const link = isCustomLink(window.location.search);
    if (kept.kind === 'dropped') {
      setNotices([{ key: 'dropped', text: kept.notice, tone: 'warn' }]);
      if (link) explainCustomLink(store);
      return;
    }
    if (kept.kind === 'none') {
      if (link) explainCustomLink(store);
      return;
    }
    setCustom(kept.custom);
    if (!link) return;
    if (!openCustomLink(store, window.location.search, playable(kept.custom))) explainCustomLink(store);
  }, [store]);

  const submit = useCallback(
    async (text: string, name: string): Promise<ScenarioError[] | null> => {
      const mine = ++generation.current;
      setBusy(true);
      try {
        const p = await (await importer()).prepareCustom(text, name);
        if (mine !== generation.current) return null;
        if (!p.ok) return p.errors;
        const c = p.custom;
        const before = store.getState().problems;
        if (!store.getState().load(playable(c))) {
          const why = store.getState().problems.slice(before.length).join(' ');
          store.setState({ problems: before });
          return [{ path: '', message: why || 'The lab could not play this scenario.' }];
        }
        setCustom(c);
        store.getState().dismissProblems();
        const kept = saveCustom(sessionStore(), c);
        setNotices([]);
        if (kept) notify(kept, 'warn');
        return null;
      } finally {
        if (mine === generation.current) setBusy(false);
      }
    },
    [store, notify],
  );

  const openFile = useCallback(
    async (file: File): Promise<Draft | null> => {
      const read = await (await importer()).readScenarioFile(file);
      if (!read.ok) return { text: '', name: file.name, errors: [{ path: '', message: read.message }] };
      const errors = await submit(read.text, file.name);
      return errors ? { text: read.text, name: file.name, errors } : null;
    },
    [submit],
  );

  const replay = useCallback(() => {
    if (!custom) return;
    const before = store.getState().problems.length;
    if (store.getState().load(playable(custom))) store.getState().dismissProblems();
    else if (store.getState().problems.length === before) notify('The lab could not play your scenario.', 'warn');
  }, [custom, store, notify]);

  const cancel = useCallback(() => {
    generation.current++;
    setBusy(false);
  }, []);

  const dismiss = useCallback((key: string) => setNotices((ns) => ns.filter((n) => n.key !== key)), []);

  return { custom, notices, dismiss, submit, openFile, replay, cancel, busy };
}
