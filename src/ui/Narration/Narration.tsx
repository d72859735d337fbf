// One sentence per step in a polite live region, so a screen reader hears each step as it comes.
// While playing fast the region would chatter; it still updates, and the reader queues politely.

import { usePlayback } from '../hooks/usePlayback.ts';

export function Narration() {
  const text = usePlayback((s) => s.narration);
  const gap = usePlayback((s) => s.gap);
  const before = usePlayback((s) => (s.playing ? null : (s.loaded?.schedule.gaps.find((g) => g.toStep === s.step) ?? null)));
  return (
    <section className="narration" aria-label="What happens">
      <p role="status" aria-live="polite" className="narration-text" data-testid="narration">
        {text}
      </p>
      {!gap && before && (
        <p className="gap-note">
          {gapText(before.simUs)} passed since the previous step with nothing happening; the timeline compresses it.
        </p>
      )}
      {gap && (
        <p className="gap-note">
          Fast-forwarding {gapText(gap.simUs)} of idle time; it is compressed to {(gap.wallMs / 1000).toFixed(1)} s at 1×.
        </p>
      )}
    </section>
  );
}

function gapText(us: number): string {
  return us >= 1e6 ? `${+(us / 1e6).toFixed(1)} s` : `${+(us / 1e3).toFixed(0)} ms`;
}
