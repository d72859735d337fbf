// Placeholder until the view lands.

export default function StateDiagram() {
  return null;
}
