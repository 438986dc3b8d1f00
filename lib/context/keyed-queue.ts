/**
 * Runs tasks one at a time per key. The background updates a tab's context from several events
 * (page reports, navigation, FHIRcast) whose storage reads and writes must not interleave, or a
 * late write could bring back a patient the tab has already left.
 */

/** Returns `run(key, task)`: the task starts when every earlier task for that key has settled. */
export function keyedQueue(): <T>(key: string | number, task: () => Promise<T>) => Promise<T> {
  const tails = new Map<string | number, Promise<unknown>>();
  return (key, task) => {
    const previous = tails.get(key) ?? Promise.resolve();
    const next = previous.then(task, task);
    const tail = next.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return next;
  };
}
