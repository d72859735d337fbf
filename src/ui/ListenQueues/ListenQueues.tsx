// Placeholder until the view lands.

export default function ListenQueues() {
  return null;
}
