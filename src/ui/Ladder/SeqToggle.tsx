// Relative or absolute sequence numbers, with the reason for each right where the choice is made.

import { useId } from 'react';
import { useActions, usePlayback } from '../hooks/usePlayback.ts';

export function SeqToggle() {
  const relative = usePlayback((s) => s.relative);
  const a = useActions();
  const id = useId();
  return (
    <fieldset className="seq-toggle" aria-describedby={`${id}-why`}>
      <legend>Sequence numbers</legend>
      <label>
        <input type="radio" name={`${id}-seq`} checked={relative} onChange={() => a.setRelative(true)} /> relative
      </label>
      <label>
        <input type="radio" name={`${id}-seq`} checked={!relative} onChange={() => a.setRelative(false)} /> absolute
      </label>
      <p id={`${id}-why`} className="seq-why">
        {relative
          ? 'Relative: each side counts from its own first SYN, so the handshake reads seq 0, ack 1 (as Wireshark shows it).'
          : 'Absolute: the random 32-bit numbers on the wire, as tcpdump -S prints them. Each side picks its initial number at random.'}
      </p>
    </fieldset>
  );
}
