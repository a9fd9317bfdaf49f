import { useEffect, useState } from 'preact/hooks';
import type { Clock } from '../../core/inspect.ts';

/** The current time, re-read every `intervalMs` so countdowns stay live. */
export function useNow(now: Clock, intervalMs = 1000): number {
  const [value, setValue] = useState(now);
  useEffect(() => {
    const timer = setInterval(() => setValue(now()), intervalMs);
    return () => clearInterval(timer);
  }, [now, intervalMs]);
  return value;
}
