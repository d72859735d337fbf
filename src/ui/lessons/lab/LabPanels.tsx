// The lab's own views, embedded: the ladder in the wide column, the rest beside or below it. The views the full lab
// loads lazily are part of the course's chunk here (the course itself is lazy), so nothing pops in after layout.

import type { ComponentType } from 'react';
import type { LabView } from '../../../lessons/index.ts';
import CodePanel from '../../CodePanel/CodePanel.tsx';
import { Ladder } from '../../Ladder/Ladder.tsx';
import ListenQueues from '../../ListenQueues/ListenQueues.tsx';
import PacketLog from '../../PacketLog/PacketLog.tsx';
import { SocketTable } from '../../SocketTable/SocketTable.tsx';
import StateDiagram from '../../StateDiagram/StateDiagram.tsx';
import { panelsOf, type Panel } from './labRun.ts';

const VIEW: Record<Panel, ComponentType> = {
  ladder: Ladder,
  states: StateDiagram,
  calls: CodePanel,
  queues: ListenQueues,
  ss: SocketTable,
  tcpdump: PacketLog,
};

export function LabPanels({ views }: { views: readonly LabView[] }) {
  const panels = panelsOf(views);
  const ladder = panels.includes('ladder');
  const side = panels.filter((p) => p !== 'ladder');
  return (
    <div className={`lab-panels${ladder && side.length > 0 ? ' lab-panels-two' : ''}`}>
      {ladder && (
        <div className="lab-main">
          <Ladder />
        </div>
      )}
      {side.length > 0 && (
        <div className="lab-side">
          {side.map((p) => {
            const View = VIEW[p];
            return <View key={p} />;
          })}
        </div>
      )}
    </div>
  );
}
