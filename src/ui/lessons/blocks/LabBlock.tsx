// A lesson's "watch this" lab: a built-in scenario with the lesson's knobs, live when started.

import type { ResolvedBlock } from '../../../lessons/index.ts';
import { useActiveLab } from '../lab/activeLab.ts';
import { LabFrame } from '../lab/LabFrame.tsx';
import { knobsOf, openLab } from '../lab/labRun.ts';
import { useLazy } from '../lab/useLazy.ts';
import { RichText, plainText } from './RichText.tsx';

export function LabBlock({ block, labKey }: { block: Extract<ResolvedBlock, { kind: 'lab' }>; labKey: string }) {
  const { live, activate } = useActiveLab(labKey);
  const opened = useLazy(live, () => openLab(block.lab.scenario, knobsOf(block.lab)));
  return (
    <LabFrame
      lab={block.lab}
      caption={<RichText text={block.caption} />}
      live={live}
      opened={opened}
      startLabel="Show this run here"
      onStart={activate}
      label={`Lab: ${block.lab.scenario}. ${plainText(block.caption)}`}
    />
  );
}
