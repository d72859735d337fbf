// Headings for the picker's groups (scenario.topic), in the words of the course.

const TOPIC_TITLES: Record<string, string> = {
  sockets: 'Sockets and ports',
  handshake: 'Opening: the handshake',
  data: 'Data and retransmission',
  closing: 'Closing: FIN, TIME-WAIT, CLOSE-WAIT',
  reset: 'Resets (RST)',
  backlog: 'Listen queues and backlog',
  failures: 'Failures and timeouts',
  options: 'Socket options',
  concurrency: 'Serving many clients',
  reuse: 'Reusing connections',
};

export function topicTitle(topic: string | undefined): string {
  if (!topic) return 'Other';
  return TOPIC_TITLES[topic] ?? topic.charAt(0).toUpperCase() + topic.slice(1);
}

export interface TopicGroup<T> {
  topic: string;
  title: string;
  items: T[];
}

/** Group by topic, keeping the library's order (topics in order of first appearance). */
export function groupByTopic<T extends { topic?: string }>(items: readonly T[]): TopicGroup<T>[] {
  const groups = new Map<string, TopicGroup<T>>();
  for (const it of items) {
    const key = it.topic ?? '';
    let g = groups.get(key);
    if (!g) {
      g = { topic: key, title: topicTitle(it.topic), items: [] };
      groups.set(key, g);
    }
    g.items.push(it);
  }
  return [...groups.values()];
}
