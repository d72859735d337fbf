// Placeholder until the view lands.

export default function PacketLog() {
  return null;
}
