// One resolved block → its component. Labs, try-this and predict blocks get a key that is unique on the page,
// which the one-live-lab rule uses.

import type { ResolvedBlock } from '../../../lessons/index.ts';
import { DrillBlock } from './DrillBlock.tsx';
import { LabBlock } from './LabBlock.tsx';
import { PredictBlock } from './PredictBlock.tsx';
import { Callout, Code, Formula, Prose, Table } from './SimpleBlocks.tsx';
import { TryBlock } from './TryBlock.tsx';

export function Block({ block, blockKey, lessonId, sectionTitle }: { block: ResolvedBlock; blockKey: string; lessonId: string; sectionTitle: string }) {
  switch (block.kind) {
    case 'prose':
      return <Prose block={block} />;
    case 'lab':
      return <LabBlock block={block} labKey={blockKey} />;
    case 'try':
      return <TryBlock block={block} labKey={blockKey} lessonId={lessonId} />;
    case 'formula':
      return <Formula block={block} />;
    case 'table':
      return <Table block={block} label={`Table: ${sectionTitle}`} />;
    case 'code':
      return <Code block={block} />;
    case 'callout':
      return <Callout block={block} />;
    case 'predict':
      return <PredictBlock block={block} labKey={blockKey} lessonId={lessonId} />;
    case 'drill':
      return <DrillBlock drill={block.drill} />;
  }
}
