// Create something once, the first time it is wanted (a lab's store: a simulator run is not free).

import { useRef } from 'react';

export function useLazy<T>(want: boolean, make: () => T): T | null {
  const ref = useRef<T | null>(null);
  if (want && ref.current === null) ref.current = make();
  return ref.current;
}
