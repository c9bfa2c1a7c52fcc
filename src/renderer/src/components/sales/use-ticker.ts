import { useEffect, useState } from 'react';

/** A value that changes with time alone (a countdown, the current minute), read again every `ms`. */
export function useTicker<T>(ms: number, read: () => T): T {
  const [, setTick] = useState(0);
  useEffect(() => {
    const timer = window.setInterval(() => setTick((t) => t + 1), ms);
    return () => window.clearInterval(timer);
  }, [ms]);
  return read();
}
