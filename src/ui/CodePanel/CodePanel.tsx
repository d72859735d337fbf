// Placeholder until the view lands.

export default function CodePanel() {
  return null;
}
