/**
 * Runs one task per key at a time: callers asking for a key already in flight share its promise,
 * so concurrent requests for the same role make one STS call. The key is forgotten once settled.
 */
export function singleFlight<T>(): (key: string, task: () => Promise<T>) => Promise<T> {
  const inFlight = new Map<string, Promise<T>>();
  return (key, task) => {
    const running = inFlight.get(key);
    if (running) return running;
    const started = task().finally(() => inFlight.delete(key));
    inFlight.set(key, started);
    return started;
  };
}
