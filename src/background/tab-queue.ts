/**
 * Runs tasks for one tab one after another: a POST's capture must be stored before its Referer
 * (reported by a later event) is added to it.
 */
export function tabQueue(): (tabId: number, task: () => Promise<void>) => Promise<void> {
  const tails = new Map<number, Promise<void>>();
  return (tabId, task) => {
    const next = (tails.get(tabId) ?? Promise.resolve()).then(task, task);
    const tail = next.catch(() => undefined);
    tails.set(tabId, tail);
    void tail.then(() => {
      if (tails.get(tabId) === tail) tails.delete(tabId);
    });
    return next;
  };
}
